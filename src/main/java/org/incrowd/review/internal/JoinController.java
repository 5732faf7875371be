package org.incrowd.review.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.incrowd.discussion.IdeaOrder;
import org.incrowd.discussion.Post;
import org.incrowd.discussion.Reading;
import org.incrowd.identity.Actor;
import org.incrowd.identity.CurrentActor;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.Person;
import org.incrowd.review.IdeaJoin;
import org.incrowd.review.IdeaJoins;
import org.incrowd.review.JoinKind;
import org.incrowd.review.JoinState;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Pages for joining duplicates: staff propose from an idea ("Propose to join with…"), both authors answer on the
 * proposal's page, staff undo there. Every form works without JavaScript; a refused form comes back with the message
 * and what was typed.
 */
@Controller
class JoinController {

    /** How a proposal is chosen on the page: a link, or a merge in either direction. */
    static final String LINK = "LINK";
    static final String MERGE_INTO_OTHER = "MERGE_INTO_OTHER";
    static final String MERGE_INTO_THIS = "MERGE_INTO_THIS";
    /** The choices in the order shown (a merge of this idea first: the usual case), each with its message. */
    private static java.util.SequencedMap<String, String> choices() {
        var choices = new java.util.LinkedHashMap<String, String>();
        for (String choice : List.of(MERGE_INTO_OTHER, MERGE_INTO_THIS, LINK)) {
            choices.put(choice, "joining.kind." + choice);
        }
        return choices;
    }

    /** Ideas of the same forum offered to choose from. */
    private static final int SUGGESTIONS = 30;

    private final IdeaJoins joins;
    private final Reading reading;
    private final IdentityService identity;
    private final CurrentActor currentActor;

    JoinController(IdeaJoins joins, Reading reading, IdentityService identity, CurrentActor currentActor) {
        this.joins = joins;
        this.reading = reading;
        this.identity = identity;
        this.currentActor = currentActor;
    }

    /** What was typed into the proposal form. */
    record ProposalForm(String kind, String other, String note) {
    }

    @GetMapping("/ideas/{ideaId}/join")
    String proposeForm(@PathVariable long ideaId, @RequestParam(required = false) String other, Model model) {
        return proposePage(ideaId, new ProposalForm(MERGE_INTO_OTHER, other == null ? "" : other, ""),
                FieldErrors.none(), model);
    }

    @PostMapping("/ideas/{ideaId}/join")
    String propose(@PathVariable long ideaId, ProposalForm form, Model model, HttpServletResponse response) {
        var actor = currentActor.require();
        var idea = reading.require(actor, ideaId);
        var other = IdeaJoins.ideaIdIn(form.other()).orElse(null);
        try {
            if (other == null && form.other() != null && !form.other().isBlank()) {
                throw Refusal.invalid("other", "joining.unknownIdea");
            }
            String kind = form.kind() == null ? "" : form.kind();
            var join = switch (kind) {
                case LINK -> joins.propose(actor, idea.jamId(), JoinKind.LINK, ideaId, other, form.note());
                case MERGE_INTO_OTHER -> joins.propose(actor, idea.jamId(), JoinKind.MERGE, ideaId, other, form.note());
                case MERGE_INTO_THIS -> other == null
                        ? joins.propose(actor, idea.jamId(), JoinKind.MERGE, ideaId, null, form.note())
                        : joins.propose(actor, idea.jamId(), JoinKind.MERGE, other, ideaId, form.note());
                default -> joins.propose(actor, idea.jamId(), null, ideaId, other, form.note());
            };
            return "redirect:/joins/" + join.id();
        } catch (Refusal refusal) {
            if (refusal.status().value() == 404) {
                throw refusal;
            }
            response.setStatus(refusal.status().value());
            return proposePage(ideaId, form, errorsOf(refusal), model);
        }
    }

    @GetMapping("/joins/{joinId}")
    String join(@PathVariable long joinId, Model model) {
        return joinPage(joinId, FieldErrors.none(), "", "", model);
    }

    @PostMapping("/joins/{joinId}/consent")
    String consent(@PathVariable long joinId, @RequestParam(defaultValue = "") String answer,
                   @RequestParam(defaultValue = "") String comment, Model model, HttpServletResponse response) {
        Boolean accept = switch (answer) {
            case "accept" -> true;
            case "decline" -> false;
            default -> null;
        };
        try {
            joins.consent(currentActor.require(), joinId, accept, comment);
            return "redirect:/joins/" + joinId;
        } catch (Refusal refusal) {
            response.setStatus(refusal.status().value());
            return joinPage(joinId, errorsOf(refusal), comment, "", model);
        }
    }

    @PostMapping("/joins/{joinId}/undo")
    String undo(@PathVariable long joinId, @RequestParam(defaultValue = "") String reason, Model model,
                HttpServletResponse response) {
        try {
            joins.undo(currentActor.require(), joinId, reason);
            return "redirect:/joins/" + joinId;
        } catch (Refusal refusal) {
            response.setStatus(refusal.status().value());
            return joinPage(joinId, errorsOf(refusal), "", reason, model);
        }
    }

    private String proposePage(long ideaId, ProposalForm form, FieldErrors errors, Model model) {
        var actor = currentActor.require();
        var idea = reading.require(actor, ideaId);
        if (idea.parentId() != null) {
            throw Refusal.notFound("post.notFound");
        }
        if (!joins.mayPropose(actor, idea.forumId())) {
            throw Refusal.forbidden("joining.staffOnly");
        }
        var suggestions = new ArrayList<Post>();
        for (var candidate : reading.ideas(actor, idea.forumId(), 0, IdeaOrder.NEWEST).ideas()) {
            if (candidate.id() != ideaId && suggestions.size() < SUGGESTIONS) {
                suggestions.add(candidate);
            }
        }
        model.addAttribute("idea", idea);
        model.addAttribute("suggestions", suggestions);
        model.addAttribute("kind", form.kind());
        model.addAttribute("other", form.other());
        model.addAttribute("note", form.note());
        model.addAttribute("choices", choices());
        model.addAttribute("errors", errors);
        return "review/mergePropose";
    }

    private String joinPage(long joinId, FieldErrors errors, String comment, String reason, Model model) {
        var actor = currentActor.currentOrGuest();
        var join = joins.require(actor, joinId);
        var idea = reading.require(actor, join.ideaId());
        var other = reading.require(actor, join.otherId());
        model.addAttribute("join", join);
        model.addAttribute("idea", idea);
        model.addAttribute("other", other);
        model.addAttribute("proposer", identity.find(join.proposedBy()).map(Person::displayName).orElse(""));
        model.addAttribute("mayAnswer", join.awaits(actor.personId()));
        model.addAttribute("mayUndo", join.state() == JoinState.DONE && staff(actor, idea, other));
        model.addAttribute("errors", errors);
        model.addAttribute("comment", comment);
        model.addAttribute("reason", reason);
        return "review/mergePage";
    }

    private boolean staff(Actor actor, Post idea, Post other) {
        return joins.mayPropose(actor, idea.forumId()) && joins.mayPropose(actor, other.forumId());
    }

    private static FieldErrors errorsOf(Refusal refusal) {
        return refusal.field() != null ? refusal.errors() : FieldErrors.none().add(refusal);
    }
}
