package org.incrowd.identity.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.incrowd.identity.CurrentActor;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.ParticipantType;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Administrators choose the participant types people may pick when they sign up themselves. */
@Controller
class SignUpSettingsController {

    private final IdentityService identity;
    private final CurrentActor currentActor;

    SignUpSettingsController(IdentityService identity, CurrentActor currentActor) {
        this.identity = identity;
        this.currentActor = currentActor;
    }

    @GetMapping("/admin/sign-up")
    String settings(@RequestParam(required = false) String saved, Model model) {
        if (!currentActor.require().isAdministrator()) {
            throw Refusal.forbidden("error.forbidden");
        }
        return page(model, identity.selfRegistrationTypes(), FieldErrors.none(), saved != null);
    }

    @PostMapping("/admin/sign-up")
    String change(@RequestParam(required = false) List<String> types, Model model, HttpServletResponse response) {
        var chosen = EnumSet.noneOf(ParticipantType.class);
        var unknown = new ArrayList<String>();
        for (String type : types == null ? List.<String>of() : types) {
            var parsed = ParticipantTypes.parse(type);
            if (parsed == null) {
                unknown.add(type);
            } else {
                chosen.add(parsed);
            }
        }
        try {
            if (!unknown.isEmpty()) {
                throw Refusal.invalid("types", "signUpSettings.types.unknown", String.join(", ", unknown));
            }
            identity.offerAtSignUp(currentActor.require(), chosen);
            return "redirect:/admin/sign-up?saved";
        } catch (Refusal refusal) {
            if (refusal.status().value() == 403) {
                throw refusal;
            }
            response.setStatus(refusal.status().value());
            return page(model, chosen, FieldErrors.none().add(refusal), false);
        }
    }

    private static String page(Model model, Set<ParticipantType> chosen, FieldErrors errors, boolean saved) {
        model.addAttribute("chosen", chosen);
        model.addAttribute("errors", errors);
        model.addAttribute("saved", saved);
        return "identity/signUpSettings";
    }
}
