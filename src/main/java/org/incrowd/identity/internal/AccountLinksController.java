package org.incrowd.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.incrowd.identity.CurrentActor;
import org.incrowd.identity.EmailAddress;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages behind the links Incrowd mails about an account: verifying an address ({@code /verify/<token>}) and
 * resetting a password ({@code /reset/<token>}), plus the forms that ask for those mails. Each works signed in or not.
 */
@Controller
class AccountLinksController {

    private final AddressVerification verification;
    private final PasswordReset reset;
    private final CurrentActor currentActor;

    AccountLinksController(AddressVerification verification, PasswordReset reset, CurrentActor currentActor) {
        this.verification = verification;
        this.reset = reset;
        this.currentActor = currentActor;
    }

    // ---- verifying an address -------------------------------------------------------------------------------------

    @GetMapping("/verify/{token}")
    String follow(@PathVariable String token, Model model, HttpServletResponse response) {
        var outcome = verification.follow(token);
        switch (outcome) {
            // A page of its own, so that it already shows the session as verified (no more notice at the top).
            case VERIFIED -> {
                return "redirect:/verified";
            }
            case MOVED -> {
                return "redirect:/verified?moved=true";
            }
            case EXPIRED, UNKNOWN -> response.setStatus(HttpServletResponse.SC_GONE);
            default -> {
            }
        }
        return verifyPage(model, outcome.name(), token);
    }

    @GetMapping("/verified")
    String verified(@RequestParam(defaultValue = "false") boolean moved, Model model) {
        return verifyPage(model, (moved ? AddressVerification.Outcome.MOVED
                : AddressVerification.Outcome.VERIFIED).name(), null);
    }

    /** A new link for an expired or used one, sent to the same address (at most a few an hour). */
    @PostMapping("/verify/{token}/renew")
    String renew(@PathVariable String token, Model model) {
        return sentPage(model, verification.renew(token));
    }

    /** "Send the link again" from the notice on every page. */
    @PostMapping("/verify/resend")
    String resend(Model model) {
        return sentPage(model, verification.resend(currentActor.require()));
    }

    /** After asking for a new link: sent (the old one counted as expired), or why not. */
    private static String sentPage(Model model, AddressVerification.Outcome outcome) {
        return verifyPage(model, outcome == AddressVerification.Outcome.EXPIRED ? "SENT" : outcome.name(), null);
    }

    private static String verifyPage(Model model, String state, String token) {
        model.addAttribute("page", new VerifyPage(state, token));
        return "identity/verify";
    }

    // ---- resetting a password -------------------------------------------------------------------------------------

    @GetMapping("/reset")
    String forgotPassword(@RequestParam(defaultValue = "") String email, Model model) {
        return forgotPage(model, email.length() <= EmailAddress.MAX_LENGTH ? email : "", FieldErrors.none(), false);
    }

    /** The same answer whether or not the address has an account. */
    @PostMapping("/reset")
    String requestReset(@RequestParam(defaultValue = "") String email, Model model, HttpServletRequest request,
                        HttpServletResponse response) {
        try {
            reset.request(email, request.getRemoteAddr());
            return forgotPage(model, email, FieldErrors.none(), true);
        } catch (Refusal refusal) {
            if (refusal.status().value() == 429) {
                response.setHeader("Retry-After", String.valueOf(PasswordReset.WINDOW.toSeconds()));
            }
            response.setStatus(refusal.status().value());
            return forgotPage(model, email, FieldErrors.none().add(refusal), false);
        }
    }

    @GetMapping("/reset/{token}")
    String resetForm(@PathVariable String token, Model model, HttpServletResponse response) {
        boolean works = reset.works(token);
        if (!works) {
            response.setStatus(HttpServletResponse.SC_GONE);
        }
        return resetPage(model, token, works, FieldErrors.none());
    }

    @PostMapping("/reset/{token}")
    String resetPassword(@PathVariable String token, @RequestParam(defaultValue = "") String password, Model model,
                         HttpServletRequest request, HttpServletResponse response) {
        try {
            String email = reset.reset(token, password);
            request.getSession().setAttribute(SignInController.TYPED_EMAIL, email);
            return "redirect:/signin?passwordReset";
        } catch (Refusal refusal) {
            response.setStatus(refusal.status().value());
            boolean works = refusal.status().value() != 409;
            return resetPage(model, token, works, refusal.errors().isEmpty() ? FieldErrors.none().add(refusal)
                    : refusal.errors());
        }
    }

    private static String forgotPage(Model model, String email, FieldErrors errors, boolean sent) {
        model.addAttribute("email", email == null ? "" : email);
        model.addAttribute("errors", errors);
        model.addAttribute("sent", sent);
        return "identity/forgotPassword";
    }

    private static String resetPage(Model model, String token, boolean works, FieldErrors errors) {
        model.addAttribute("token", token);
        model.addAttribute("works", works);
        model.addAttribute("errors", errors);
        return "identity/resetPassword";
    }
}
