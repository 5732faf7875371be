package org.incrowd.privacy.internal.reveal;

import java.util.List;
import org.incrowd.identity.CurrentActor;
import org.incrowd.privacy.Reveals;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reveals for programs, with the pages' rules (administrators only, a second administrator decides); refusals are
 * RFC 9457 problems naming the field or the rule.
 */
@RestController
@RequestMapping("/api/v1/reveals")
class RevealsApiController {

    record RevealRequest(Long postId, String reason) {
    }

    record Decision(String note) {
    }

    private final Reveals reveals;
    private final CurrentActor currentActor;

    RevealsApiController(Reveals reveals, CurrentActor currentActor) {
        this.reveals = reveals;
        this.currentActor = currentActor;
    }

    @GetMapping
    List<Reveals.Reveal> pending() {
        return reveals.pending(currentActor.require());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Reveals.Reveal request(@RequestBody(required = false) RevealRequest request) {
        var actor = currentActor.require();
        Reveals.requireAdministrator(actor);
        return request == null ? reveals.request(actor, null, null)
                : reveals.request(actor, request.postId(), request.reason());
    }

    @GetMapping("/{revealId}")
    Reveals.Reveal reveal(@PathVariable long revealId) {
        return reveals.require(currentActor.require(), revealId);
    }

    @PostMapping("/{revealId}/approve")
    Reveals.Reveal approve(@PathVariable long revealId, @RequestBody(required = false) Decision decision) {
        return reveals.approve(currentActor.require(), revealId, decision == null ? null : decision.note());
    }

    @PostMapping("/{revealId}/decline")
    Reveals.Reveal decline(@PathVariable long revealId, @RequestBody(required = false) Decision decision) {
        return reveals.decline(currentActor.require(), revealId, decision == null ? null : decision.note());
    }
}
