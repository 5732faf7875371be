package org.incrowd.review.internal;

import org.incrowd.identity.CurrentActor;
import org.incrowd.review.IdeaJoin;
import org.incrowd.review.IdeaJoins;
import org.incrowd.review.JoinKind;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Joining duplicates through the API: the same service, rules and ledger as the pages. */
@RestController
@RequestMapping("/api/v1")
class JoinApiController {

    private final IdeaJoins joins;
    private final CurrentActor currentActor;

    JoinApiController(IdeaJoins joins, CurrentActor currentActor) {
        this.joins = joins;
        this.currentActor = currentActor;
    }

    /** A merge joins {@code ideaId} into {@code otherId}, which survives; a link has no direction. */
    record ProposeRequest(JoinKind kind, Long ideaId, Long otherId, String note) {
    }

    record ConsentRequest(Boolean accept, String comment) {
    }

    record UndoRequest(String reason) {
    }

    @PostMapping("/jams/{jamId}/joins")
    @ResponseStatus(HttpStatus.CREATED)
    IdeaJoin propose(@PathVariable long jamId, @RequestBody ProposeRequest request) {
        return joins.propose(currentActor.require(), jamId, request.kind(), request.ideaId(), request.otherId(),
                request.note());
    }

    @GetMapping("/joins/{joinId}")
    IdeaJoin join(@PathVariable long joinId) {
        return joins.require(currentActor.require(), joinId);
    }

    @PostMapping("/joins/{joinId}/consent")
    IdeaJoin consent(@PathVariable long joinId, @RequestBody ConsentRequest request) {
        return joins.consent(currentActor.require(), joinId, request.accept(), request.comment());
    }

    @PostMapping("/joins/{joinId}/undo")
    IdeaJoin undo(@PathVariable long joinId, @RequestBody UndoRequest request) {
        return joins.undo(currentActor.require(), joinId, request.reason());
    }
}
