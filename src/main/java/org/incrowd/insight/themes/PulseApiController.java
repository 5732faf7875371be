package org.incrowd.insight.themes;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.incrowd.identity.CurrentActor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A Jam's or forum's themes for programs, as the reader would see them on the Jam Pulse page. */
@RestController
@RequestMapping("/api/v1")
class PulseApiController {

    /** computedAt is left out before the first computation; representatives are post ids. */
    record ThemesView(String computedAt, int posts, List<PulseTheme> themes, List<String> emergingTerms) {
    }

    private final JamPulse pulse;
    private final CurrentActor currentActor;

    PulseApiController(JamPulse pulse, CurrentActor currentActor) {
        this.pulse = pulse;
        this.currentActor = currentActor;
    }

    @Operation(summary = "The themes of a Jam: labels, sizes, representative posts, spread and trends")
    @GetMapping("/jams/{jamId}/themes")
    ThemesView jam(@PathVariable long jamId) {
        return view(pulse.ofJam(currentActor.require(), jamId));
    }

    @Operation(summary = "The themes of a forum")
    @GetMapping("/forums/{forumId}/themes")
    ThemesView forum(@PathVariable long forumId) {
        return view(pulse.ofForum(currentActor.require(), forumId));
    }

    private static ThemesView view(PulsePage page) {
        return new ThemesView(page.computedAt() == null ? null : page.computedAt().toString(), page.postCount(),
                page.themes(), page.emergingTerms());
    }
}
