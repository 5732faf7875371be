package org.incrowd.help.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.incrowd.identity.CurrentActor;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** An answerer hands a question to a colleague with a note; a refused form keeps what they typed. */
@Controller
class HandOverController {

    private final HandOvers handOvers;
    private final CurrentActor currentActor;

    HandOverController(HandOvers handOvers, CurrentActor currentActor) {
        this.handOvers = handOvers;
        this.currentActor = currentActor;
    }

    @GetMapping("/help/questions/{questionId}/hand-over")
    String form(@PathVariable long questionId, Model model) {
        return page(model, questionId, "", "", FieldErrors.none());
    }

    @PostMapping("/help/questions/{questionId}/hand-over")
    String handOver(@PathVariable long questionId, @RequestParam(defaultValue = "") String colleague,
                    @RequestParam(defaultValue = "") String note, Model model, HttpServletResponse response) {
        try {
            handOvers.handOver(currentActor.require(), questionId, colleague, note);
            return "redirect:/threads/" + questionId + "#post-" + questionId;
        } catch (Refusal refusal) {
            if (refusal.field() == null) {
                throw refusal;
            }
            response.setStatus(refusal.status().value());
            return page(model, questionId, colleague, note, refusal.errors());
        }
    }

    private String page(Model model, long questionId, String colleague, String note, FieldErrors errors) {
        var actor = currentActor.require();
        model.addAttribute("page", handOvers.page(actor, questionId, colleague, note, errors));
        return "help/handOver";
    }
}
