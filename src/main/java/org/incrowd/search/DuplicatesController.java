package org.incrowd.search;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.incrowd.identity.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/** The likely duplicates of a Jam, as a page and as JSON, for its organisers, hosts and facilitators. */
@Controller
class DuplicatesController {

    private final LikelyDuplicates duplicates;
    private final CurrentActor currentActor;

    DuplicatesController(LikelyDuplicates duplicates, CurrentActor currentActor) {
        this.duplicates = duplicates;
        this.currentActor = currentActor;
    }

    @GetMapping("/jams/{jamId}/duplicates")
    String page(@PathVariable long jamId, Model model) {
        var actor = currentActor.require();
        model.addAttribute("jam", duplicates.jam(actor, jamId));
        model.addAttribute("pairs", duplicates.of(actor, jamId));
        model.addAttribute("threshold", Math.round(LikelyDuplicates.THRESHOLD * 100));
        return "search/duplicates";
    }

    /** A likely duplicate for scripts: both ideas with their links, and how alike they are (0-1). */
    record ApiPair(long firstId, String firstTitle, String firstUrl, long secondId, String secondTitle,
                   String secondUrl, float similarity, String joinUrl) {
        static ApiPair of(LikelyDuplicates.Pair pair) {
            return new ApiPair(pair.firstId(), pair.firstTitle(), "/threads/" + pair.firstId(), pair.secondId(),
                    pair.secondTitle(), "/threads/" + pair.secondId(), pair.similarity(),
                    "/ideas/" + pair.secondId() + "/join?other=" + pair.firstId());
        }
    }

    @Operation(summary = "Pairs of ideas in a Jam that likely say the same thing (organisers, hosts, facilitators)")
    @GetMapping("/api/v1/jams/{jamId}/duplicates")
    @ResponseBody
    List<ApiPair> api(@PathVariable long jamId) {
        return duplicates.of(currentActor.require(), jamId).stream().map(ApiPair::of).toList();
    }
}
