package org.incrowd.help.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.incrowd.help.AskForm;
import org.incrowd.help.Asking;
import org.incrowd.identity.CurrentActor;
import org.incrowd.identity.InvitedAccounts;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.incrowd.shared.Ui;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Asking in a help stream: members post at once; people without an account type their address and confirm it by the
 * link mailed there ("check your mail" answers alike whether or not the address has an account). A refused form
 * comes back with the message and everything typed.
 */
@Controller
class AskingController {

    private final Asking asking;
    private final CurrentActor currentActor;
    private final InvitedAccounts sessions;

    AskingController(Asking asking, CurrentActor currentActor, InvitedAccounts sessions) {
        this.asking = asking;
        this.currentActor = currentActor;
        this.sessions = sessions;
    }

    @GetMapping("/help/{jamId}/ask")
    String form(@PathVariable long jamId, Model model) {
        return askPage(jamId, AskForm.empty(), FieldErrors.none(), model);
    }

    /** A member asks directly. */
    @PostMapping("/help/{jamId}/ask")
    String ask(@PathVariable long jamId, AskForm form, Model model, HttpServletResponse response) {
        try {
            var question = asking.ask(currentActor.require(), jamId, form);
            return "redirect:/help/questions/" + question.id();
        } catch (Refusal refusal) {
            return refused(jamId, form, refusal, model, response);
        }
    }

    /** Someone without an account asks: "check your mail", the same answer for every address. */
    @PostMapping("/help/{jamId}/ask/mail")
    String askByMail(@PathVariable long jamId, AskForm form, Model model, HttpServletRequest request,
                     HttpServletResponse response) {
        try {
            asking.askByMail(jamId, form, request.getRemoteAddr(), ((Ui) model.getAttribute("ui")).lang());
            return "redirect:/help/" + jamId + "/asked";
        } catch (Refusal refusal) {
            return refused(jamId, form, refusal, model, response);
        }
    }

    private String refused(long jamId, AskForm form, Refusal refusal, Model model, HttpServletResponse response) {
        if (refusal.status() == HttpStatus.NOT_FOUND) {
            throw refusal;
        }
        response.setStatus(refusal.status().value());
        var errors = refusal.field() != null ? refusal.errors() : FieldErrors.none().add(refusal);
        return askPage(jamId, form, errors, model);
    }

    /** "Check your mail": the same page for every address. */
    @GetMapping("/help/{jamId}/asked")
    String asked(@PathVariable long jamId, Model model) {
        model.addAttribute("stream", asking.requireOpenStream(jamId));
        model.addAttribute("hours", Asking.CONFIRM_WITHIN.toHours());
        return "help/asked";
    }

    /** The link in the confirmation mail: publishes the question once and signs its asker in to see it. */
    @GetMapping("/help/confirm/{token}")
    String confirm(@PathVariable String token, Model model, HttpServletRequest request,
                   HttpServletResponse response) {
        var confirmed = asking.confirm(token);
        switch (confirmed.outcome()) {
            case PUBLISHED -> {
                sessions.signIn(confirmed.asker(), request, response);
                return "redirect:/help/questions/" + confirmed.questionId() + "?confirmed";
            }
            case ALREADY_PUBLISHED -> {
                return "redirect:/help/questions/" + confirmed.questionId();
            }
            default -> {
                response.setStatus(confirmed.outcome() == Asking.Outcome.EXPIRED ? HttpStatus.GONE.value()
                        : HttpStatus.NOT_FOUND.value());
                model.addAttribute("outcome", confirmed.outcome());
                model.addAttribute("hours", Asking.CONFIRM_WITHIN.toHours());
                return "help/confirmFailed";
            }
        }
    }

    private String askPage(long jamId, AskForm form, FieldErrors errors, Model model) {
        var actor = currentActor.currentOrGuest();
        var stream = asking.requireAskable(actor, jamId);
        model.addAttribute("stream", stream);
        model.addAttribute("topics", asking.topics(stream));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("byMail", actor.isGuest());
        return "help/ask";
    }
}
