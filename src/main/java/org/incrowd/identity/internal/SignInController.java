package org.incrowd.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.Registration;
import org.incrowd.identity.Role;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Sign-in, sign-up and the one-time creation of the first administrator. */
@Controller
class SignInController {

    private final IdentityService identity;
    private final SetupCode setupCode;
    private final SessionSignIn sessions;
    private final SingleSignOnProviders singleSignOn;

    SignInController(IdentityService identity, SetupCode setupCode, SessionSignIn sessions,
                     SingleSignOnProviders singleSignOn) {
        this.identity = identity;
        this.setupCode = setupCode;
        this.sessions = sessions;
        this.singleSignOn = singleSignOn;
    }

    /** Session attribute carrying the e-mail address of a refused sign-in back to the form. */
    static final String TYPED_EMAIL = "incrowd.signin.email";

    @GetMapping("/signin")
    String signIn(HttpServletRequest request, Model model) {
        model.addAttribute("failed", request.getParameter("error") != null);
        model.addAttribute("locked", request.getParameter("locked") != null);
        var problem = SingleSignOnSignIn.Problem.fromParameter(
                request.getParameter(SingleSignOnSignIn.PROBLEM_PARAMETER));
        model.addAttribute("singleSignOnProblem", problem == null ? null : problem.messageKey);
        model.addAttribute("singleSignOn", singleSignOn.links());
        var session = request.getSession(false);
        Object typed = session == null ? null : session.getAttribute(TYPED_EMAIL);
        if (session != null) {
            session.removeAttribute(TYPED_EMAIL);
        }
        model.addAttribute("email", typed instanceof String email && email.length() <= 254 ? email : "");
        return "identity/signin";
    }

    @GetMapping("/signup")
    String signUp(Model model) {
        model.addAttribute("form", SignUpForm.empty());
        model.addAttribute("errors", FieldErrors.none());
        return "identity/signup";
    }

    @PostMapping("/signup")
    String signUp(SignUpForm form, Model model, HttpServletRequest request, HttpServletResponse response) {
        return registerAndSignIn(form, EnumSet.of(Role.PARTICIPANT), "identity/signup", model, request, response);
    }

    @GetMapping("/setup")
    String setup(Model model) {
        requireNoAdministrator();
        model.addAttribute("form", SignUpForm.empty());
        model.addAttribute("errors", FieldErrors.none());
        return "identity/setup";
    }

    @PostMapping("/setup")
    String setup(SignUpForm form, @RequestParam(defaultValue = "") String setupCode, Model model,
                 HttpServletRequest request, HttpServletResponse response) {
        requireNoAdministrator();
        if (!this.setupCode.matches(setupCode)) {
            model.addAttribute("form", form.withoutPassword());
            model.addAttribute("errors", FieldErrors.none().add("setupCode", "setup.code.wrong"));
            response.setStatus(HttpStatus.FORBIDDEN.value());
            return "identity/setup";
        }
        String outcome = registerAndSignIn(form, EnumSet.of(Role.ADMINISTRATOR, Role.ORGANISER, Role.PARTICIPANT),
                "identity/setup", model, request, response);
        if (identity.hasAdministrator()) {
            this.setupCode.forget();
        }
        return outcome;
    }

    private void requireNoAdministrator() {
        if (identity.hasAdministrator()) {
            throw Refusal.notFound("setup.done");
        }
    }

    private String registerAndSignIn(SignUpForm form, EnumSet<Role> roles, String page, Model model,
                                     HttpServletRequest request, HttpServletResponse response) {
        var errors = FieldErrors.none();
        var type = form.participantTypeOrNull();
        if (type == null && form.participantType() != null && !form.participantType().isBlank()) {
            errors.add("participantType", "profile.participantType.required");
        }
        try {
            errors.throwIfAny();
            var person = identity.register(new Registration(form.email(), form.password(), form.displayName(),
                    form.country(), form.orgUnit(), form.jobRole(), type, form.language()), roles);
            sessions.signIn(person, request, response);
            return "redirect:/?welcome";
        } catch (Refusal refusal) {
            refusal.errors().asMap().forEach(errors::add);
            model.addAttribute("form", form.withoutPassword());
            model.addAttribute("errors", errors);
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page;
        }
    }


}
