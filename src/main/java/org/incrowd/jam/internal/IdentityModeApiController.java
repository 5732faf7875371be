package org.incrowd.jam.internal;

import org.incrowd.identity.CurrentActor;
import org.incrowd.jam.IdentityMode;
import org.incrowd.jam.IdentityModeRules;
import org.incrowd.jam.IdentityModes;
import org.incrowd.shared.Refusal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** How authors appear in a Jam or forum, for organisers through the API: the same service and rule as the pages. */
@RestController
@RequestMapping("/api/v1")
class IdentityModeApiController {

    /** {@code mode}: NAMED, PSEUDONYMOUS or ANONYMOUS. */
    record JamModeView(String mode, boolean pseudonymShowsCountry) {
    }

    /** A missing {@code pseudonymShowsCountry} means false: pseudonyms keep the country to themselves. */
    record JamModeRequest(String mode, Boolean pseudonymShowsCountry) {
    }

    /** {@code mode}: the forum's own mode, or null where it follows the Jam; {@code effectiveMode}: what applies. */
    record ForumModeView(String mode, String effectiveMode) {
    }

    private final IdentityModes modes;
    private final CurrentActor currentActor;

    IdentityModeApiController(IdentityModes modes, CurrentActor currentActor) {
        this.modes = modes;
        this.currentActor = currentActor;
    }

    @GetMapping("/jams/{jamId}/identity-mode")
    JamModeView jam(@PathVariable long jamId) {
        var setting = modes.settingOfJam(currentActor.require(), jamId);
        return new JamModeView(setting.mode().name(), setting.showsCountry());
    }

    @PutMapping("/jams/{jamId}/identity-mode")
    JamModeView setJam(@PathVariable long jamId, @RequestBody(required = false) JamModeRequest request) {
        var actor = currentActor.require();
        if (request == null || request.mode() == null) {
            throw Refusal.badRequest("mode", "identityMode.unknown", "");
        }
        modes.setForJam(actor, jamId, IdentityModeRules.parse(request.mode()),
                Boolean.TRUE.equals(request.pseudonymShowsCountry()));
        return jam(jamId);
    }

    @GetMapping("/forums/{forumId}/identity-mode")
    ForumModeView forum(@PathVariable long forumId) {
        var setting = modes.settingOfForum(currentActor.require(), forumId);
        return new ForumModeView(setting.mode() == null ? null : setting.mode().name(), setting.effective().name());
    }

    /** {@code mode} null lets the forum follow the Jam again. */
    @PutMapping("/forums/{forumId}/identity-mode")
    ForumModeView setForum(@PathVariable long forumId, @RequestBody(required = false) ForumModeView request) {
        IdentityMode mode = request == null || request.mode() == null ? null : IdentityModeRules.parse(request.mode());
        modes.setForForum(currentActor.require(), forumId, mode);
        return forum(forumId);
    }
}
