package org.incrowd.jam.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Locale;
import org.incrowd.jam.TermsNotAccepted;
import org.incrowd.shared.PublicUrl;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A post that waits for newer terms (ADR 47). A form is kept and the person sent to the terms, whose "I accept"
 * posts the form again as it was; the API answers a problem that names the terms and where to accept them.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class TermsInterruption {

    static final String PROBLEM_PATH = "/problems/terms-not-accepted";

    private final MessageSource messages;
    private final PublicUrl publicUrl;

    TermsInterruption(MessageSource messages, PublicUrl publicUrl) {
        this.messages = messages;
        this.publicUrl = publicUrl;
    }

    @ExceptionHandler(TermsNotAccepted.class)
    Object interrupt(TermsNotAccepted refusal, HttpServletRequest request, HttpServletResponse response,
                     Locale locale) {
        var current = refusal.current();
        String page = current.scope().path() + "/" + current.version() + "/acceptance";
        if (request.getRequestURI().startsWith("/api/")) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    messages.getMessage(refusal.messageKey(), refusal.arguments(), locale));
            problem.setType(URI.create(publicUrl.of(PROBLEM_PATH)));
            problem.setTitle(messages.getMessage("terms.problem.title", null, locale));
            problem.setProperty("code", refusal.messageKey());
            problem.setProperty("scope", current.scope().key());
            problem.setProperty("version", current.version());
            problem.setProperty("acceptedVersion", refusal.accepted());
            problem.setProperty("terms", publicUrl.of("/api/v1/terms/" + current.scope().key()));
            problem.setProperty("accept", publicUrl.of(refusal.acceptApiPath()));
            return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
        }
        var csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String draft = KeptDrafts.keep(request, csrf == null ? "_csrf" : csrf.getParameterName());
        return new org.springframework.web.servlet.ModelAndView("redirect:" + publicUrl.of(page + "?draft=" + draft));
    }
}
