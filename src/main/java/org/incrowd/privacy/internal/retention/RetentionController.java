package org.incrowd.privacy.internal.retention;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.incrowd.identity.Actor;
import org.incrowd.identity.CurrentActor;
import org.incrowd.privacy.Retention;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /admin/retention}: the periods, a run now, and what the latest runs removed. */
@Controller
class RetentionController {

    private final Retention retention;
    private final CurrentActor currentActor;

    RetentionController(Retention retention, CurrentActor currentActor) {
        this.retention = retention;
        this.currentActor = currentActor;
    }

    @GetMapping("/admin/retention")
    String page(@RequestParam(required = false) String saved, @RequestParam(required = false) String ran,
                Model model) {
        var actor = currentActor.require();
        var typed = new LinkedHashMap<String, String>();
        retention.periods(actor).forEach(p -> typed.put(p.kind(), p.days() == null ? "" : String.valueOf(p.days())));
        return page(model, actor, typed, "", FieldErrors.none(), saved != null, ran != null);
    }

    @PostMapping("/admin/retention")
    String save(HttpServletRequest request, @RequestParam(required = false) String reason, Model model,
                HttpServletResponse response) {
        var actor = currentActor.require();
        var typed = new LinkedHashMap<String, String>();
        retention.periods(actor).forEach(p -> typed.put(p.kind(), request.getParameter("days-" + p.kind())));
        try {
            retention.setPeriods(actor, typed, reason);
            return "redirect:/admin/retention?saved";
        } catch (Refusal refusal) {
            if (refusal.status().value() == 403) {
                throw refusal;
            }
            response.setStatus(refusal.status().value());
            var errors = refusal.errors() != null ? refusal.errors() : FieldErrors.none().add(refusal);
            return page(model, actor, typed, reason, errors, false, false);
        }
    }

    @PostMapping("/admin/retention/run")
    String run() {
        retention.runNow(currentActor.require());
        return "redirect:/admin/retention?ran";
    }

    private String page(Model model, Actor actor, Map<String, String> typed, String reason, FieldErrors errors,
                        boolean saved, boolean ran) {
        model.addAttribute("typed", typed);
        model.addAttribute("reason", reason == null ? "" : reason);
        model.addAttribute("errors", errors);
        model.addAttribute("saved", saved);
        model.addAttribute("ran", ran);
        model.addAttribute("runs", retention.runs(actor, 10));
        model.addAttribute("kinds", List.copyOf(typed.keySet()));
        return "privacy/retention";
    }
}
