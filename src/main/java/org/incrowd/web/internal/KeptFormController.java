package org.incrowd.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.incrowd.shared.KeptForm;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Shows a form that was kept instead of sent (see {@link KeptForm}), ready to send again. */
@Controller
class KeptFormController {

    @GetMapping(KeptForm.PATH)
    String kept(HttpServletRequest request, Model model) {
        var kept = KeptForm.take(request.getSession(false));
        if (kept == null) {
            return "redirect:/";
        }
        model.addAttribute("kept", kept);
        return "web/kept";
    }
}
