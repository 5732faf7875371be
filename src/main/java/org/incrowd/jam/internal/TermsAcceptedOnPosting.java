package org.incrowd.jam.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.incrowd.identity.CurrentActor;
import org.incrowd.jam.Terms;
import org.incrowd.jam.TermsScope;
import org.incrowd.shared.Refusal;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * "I accept" on the terms page posts the kept form again with the version accepted: the acceptance is recorded just
 * before the form's own handler runs, so one press accepts and posts, whatever the form was (idea, reply, edit). A
 * version that is no longer current is not recorded; the post then meets the newer terms and asks for them.
 */
@Configuration
class TermsAcceptedOnPosting implements WebMvcConfigurer, HandlerInterceptor {

    private final Terms terms;
    private final CurrentActor currentActor;

    TermsAcceptedOnPosting(Terms terms, CurrentActor currentActor) {
        this.terms = terms;
        this.currentActor = currentActor;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/api/**", "/kiosk/**", "/terms/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String scope = request.getParameter(KeptDrafts.ACCEPT_SCOPE);
        String version = request.getParameter(KeptDrafts.ACCEPT_VERSION);
        var actor = currentActor.current();
        if ("POST".equals(request.getMethod()) && scope != null && version != null && actor.isPresent()
                && version.matches("[1-9][0-9]{0,8}")) {
            TermsScope.parse(scope).ifPresent(parsed -> {
                try {
                    terms.accept(actor.get(), parsed, Integer.parseInt(version));
                } catch (Refusal notCurrent) {
                    // Replaced while they read: the post asks for the newer version, with the draft kept again.
                }
            });
        }
        return true;
    }
}
