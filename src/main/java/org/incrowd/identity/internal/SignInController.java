package org.incrowd.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.incrowd.identity.DemoAccounts;
import org.incrowd.identity.EmailAddress;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.ParticipantType;
import org.incrowd.identity.Registration;
import org.incrowd.identity.Role;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.KeptForm;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
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
    private final SignUpAttempts signUps;
    private final List<DemoAccounts> demoAccounts;

    SignInController(IdentityService identity, SetupCode setupCode, SessionSignIn sessions,
                     SingleSignOnProviders singleSignOn, SignUpAttempts signUps, List<DemoAccounts> demoAccounts) {
        this.identity = identity;
        this.setupCode = setupCode;
        this.sessions = sessions;
        this.singleSignOn = singleSignOn;
        this.signUps = signUps;
        this.demoAccounts = List.copyOf(demoAccounts);
    }

    private final RequestCache requests = new HttpSessionRequestCache();

    /** Session attribute carrying the e-mail address of a refused sign-in back to the form. */
    static final String TYPED_EMAIL = "incrowd.signin.email";

    @GetMapping("/signin")
    String signIn(HttpServletRequest request, Model model) {
        var problems = new ArrayList<String>();
        if (request.getParameter("error") != null) {
            problems.add("signin.failed");
        }
        if (request.getParameter("locked") != null) {
            problems.add("signin.locked");
        }
        var singleSignOnProblem = SingleSignOnSignIn.Problem.fromParameter(
                request.getParameter(SingleSignOnSignIn.PROBLEM_PARAMETER));
        if (singleSignOnProblem != null) {
            problems.add(singleSignOnProblem.messageKey);
        }
        var notices = new ArrayList<String>();
        if (request.getParameter("registered") != null) {
            notices.add("signin.registered");
        }
        if (request.getParameter("passwordReset") != null) {
            notices.add("signin.passwordReset");
        }
        if (request.getParameter("takePart") != null) {
            notices.add("signin.why.takePart");
        }
        var session = request.getSession(false);
        // Why they are here, when it was not their own idea: a form kept while the session had ended, or a page
        // that needs an account (which they will see after signing in).
        if (KeptForm.in(session) != null) {
            notices.add("signin.why.kept");
        } else if (requests.getRequest(request, null) != null) {
            notices.add("signin.why.page");
        }
        Object typed = session == null ? null : session.getAttribute(TYPED_EMAIL);
        if (session != null) {
            session.removeAttribute(TYPED_EMAIL);
        }
        String email = typed instanceof String address && address.length() <= 254 ? address : "";
        model.addAttribute("page", new SignInPage(email, problems, notices, singleSignOn.links(),
                demoAccounts.stream().flatMap(demo -> demo.accounts().stream()).toList()));
        return "identity/signin";
    }

    @GetMapping("/signup")
    String signUp(Model model) {
        model.addAttribute("form", SignUpForm.empty(identity.selfRegistrationTypes()));
        model.addAttribute("errors", FieldErrors.none());
        model.addAttribute("types", identity.selfRegistrationTypes());
        return "identity/signup";
    }

    /**
     * Answers alike whether or not the address has an account (see {@link IdentityService#signUp}): both end on the
     * sign-in page with the address filled in and a message that fits both. A new account is therefore not signed in
     * at once; its owner signs in with the password just chosen.
     */
    @PostMapping("/signup")
    String signUp(SignUpForm form, Model model, HttpServletRequest request, HttpServletResponse response) {
        var errors = FieldErrors.none();
        try {
            if (signUps.isLimited(form.email(), request.getRemoteAddr())) {
                response.setHeader("Retry-After", String.valueOf(SignUpAttempts.WINDOW.toSeconds()));
                throw Refusal.tooMany("signup.tooMany");
            }
            var type = participantType(form, errors);
            errors.throwIfAny();
            identity.signUp(new Registration(form.email(), form.password(), form.displayName(), form.country(),
                    form.orgUnit(), form.jobRole(), type, form.language()));
            signUps.record(form.email(), request.getRemoteAddr());
            request.getSession().setAttribute(TYPED_EMAIL, EmailAddress.normalise(form.email()));
            return "redirect:/signin?registered";
        } catch (Refusal refusal) {
            model.addAttribute("types", identity.selfRegistrationTypes());
            return refused(refusal, errors, form, "identity/signup", model, response);
        }
    }

    @GetMapping("/setup")
    String setup(Model model) {
        requireNoAdministrator();
        model.addAttribute("form", SignUpForm.empty(java.util.Set.of(ParticipantType.EMPLOYEE)));
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
        try {
            var type = participantType(form, errors);
            errors.throwIfAny();
            var person = identity.register(new Registration(form.email(), form.password(), form.displayName(),
                    form.country(), form.orgUnit(), form.jobRole(), type, form.language()), roles);
            sessions.signIn(person, request, response);
            return "redirect:/?welcome";
        } catch (Refusal refusal) {
            return refused(refusal, errors, form, page, model, response);
        }
    }

    private static ParticipantType participantType(SignUpForm form, FieldErrors errors) {
        var type = form.participantTypeOrNull();
        if (type == null && form.participantType() != null && !form.participantType().isBlank()) {
            errors.add("participantType", "profile.participantType.required");
        }
        return type;
    }

    /** The form again, with every problem beside its field and all it held but the password. */
    private static String refused(Refusal refusal, FieldErrors errors, SignUpForm form, String page, Model model,
                                  HttpServletResponse response) {
        if (refusal.field() == null && refusal.errors().isEmpty()) {
            errors.add(refusal);
        }
        refusal.errors().asMap().forEach(errors::add);
        model.addAttribute("form", form.withoutPassword());
        model.addAttribute("errors", errors);
        response.setStatus(refusal.status().value());
        return page;
    }
}
