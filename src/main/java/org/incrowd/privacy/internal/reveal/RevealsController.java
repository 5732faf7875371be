package org.incrowd.privacy.internal.reveal;

import jakarta.servlet.http.HttpServletResponse;
import org.incrowd.identity.Actor;
import org.incrowd.identity.CurrentActor;
import org.incrowd.privacy.Reveals;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /admin/reveals}, for administrators only: asking to reveal a hidden author (with a reason), the pending
 * requests a second administrator approves or declines, and each request's page, where the two who agreed see the
 * author. A refused form is shown again with its message and what was typed.
 */
@Controller
class RevealsController {

    static final int DECIDED_SHOWN = 20;

    private final Reveals reveals;
    private final CurrentActor currentActor;

    RevealsController(Reveals reveals, CurrentActor currentActor) {
        this.reveals = reveals;
        this.currentActor = currentActor;
    }

    @GetMapping("/admin/reveals")
    String list(Model model) {
        var actor = currentActor.require();
        model.addAttribute("pending", reveals.pending(actor));
        model.addAttribute("decided", reveals.decided(actor, DECIDED_SHOWN));
        model.addAttribute("me", actor.personId());
        return "privacy/reveals";
    }

    @GetMapping("/admin/reveals/new")
    String form(@RequestParam(required = false) Long post, Model model) {
        var actor = currentActor.require();
        return requestForm(model, actor, post, "", FieldErrors.none());
    }

    @PostMapping("/admin/reveals")
    String request(@RequestParam(required = false) String post, @RequestParam(required = false) String reason,
                   Model model, HttpServletResponse response) {
        var actor = currentActor.require();
        Long postId = number(post);
        try {
            return "redirect:/admin/reveals/" + reveals.request(actor, postId, reason).id();
        } catch (Refusal refusal) {
            if (refusal.status() != HttpStatus.UNPROCESSABLE_CONTENT && refusal.status() != HttpStatus.CONFLICT) {
                throw refusal;
            }
            response.setStatus(refusal.status().value());
            var errors = refusal.errors().isEmpty()
                    ? FieldErrors.none().add("form", refusal.messageKey(), refusal.arguments()) : refusal.errors();
            return requestForm(model, actor, errors.has("post") ? null : postId, reason == null ? "" : reason,
                    errors, post == null ? "" : post);
        }
    }

    @GetMapping("/admin/reveals/{revealId}")
    String reveal(@PathVariable long revealId, Model model) {
        var actor = currentActor.require();
        return revealPage(model, actor, reveals.require(actor, revealId), "", FieldErrors.none());
    }

    @PostMapping("/admin/reveals/{revealId}/approve")
    String approve(@PathVariable long revealId, @RequestParam(required = false) String note, Model model,
                   HttpServletResponse response) {
        return decide(revealId, note, true, model, response);
    }

    @PostMapping("/admin/reveals/{revealId}/decline")
    String decline(@PathVariable long revealId, @RequestParam(required = false) String note, Model model,
                   HttpServletResponse response) {
        return decide(revealId, note, false, model, response);
    }

    private String decide(long revealId, String note, boolean approve, Model model, HttpServletResponse response) {
        var actor = currentActor.require();
        try {
            var decided = approve ? reveals.approve(actor, revealId, note) : reveals.decline(actor, revealId, note);
            return "redirect:/admin/reveals/" + decided.id();
        } catch (Refusal refusal) {
            if (refusal.status() != HttpStatus.UNPROCESSABLE_CONTENT && refusal.status() != HttpStatus.CONFLICT) {
                throw refusal;
            }
            response.setStatus(refusal.status().value());
            var errors = refusal.errors().isEmpty()
                    ? FieldErrors.none().add("form", refusal.messageKey(), refusal.arguments()) : refusal.errors();
            return revealPage(model, actor, reveals.require(actor, revealId), note == null ? "" : note, errors);
        }
    }

    private String requestForm(Model model, Actor actor, Long postId, String reason, FieldErrors errors) {
        return requestForm(model, actor, postId, reason, errors, postId == null ? "" : String.valueOf(postId));
    }

    private String requestForm(Model model, Actor actor, Long postId, String reason, FieldErrors errors,
                               String typedPost) {
        Reveals.Candidate candidate = null;
        if (postId != null && !errors.has("form")) {
            candidate = reveals.candidate(actor, postId);
        } else {
            Reveals.requireAdministrator(actor);
        }
        model.addAttribute("candidate", candidate);
        model.addAttribute("post", typedPost);
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        return "privacy/revealRequest";
    }

    private static String revealPage(Model model, Actor actor, Reveals.Reveal reveal, String note,
                                     FieldErrors errors) {
        model.addAttribute("reveal", reveal);
        // A refused decision keeps its form, with the note as typed, beside the message that says why.
        model.addAttribute("decidable", reveal.decidableBy(actor) || !errors.isEmpty());
        model.addAttribute("note", note);
        model.addAttribute("errors", errors);
        return "privacy/reveal";
    }

    /** A post's number as typed; anything else is no post, which the form names. */
    private static Long number(String typed) {
        try {
            return typed == null || typed.isBlank() ? null : Long.parseLong(typed.strip().replaceFirst("^#", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
