package org.incrowd.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.incrowd.shared.Ui;
import org.incrowd.shared.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.ResourceUrlProviderExposingInterceptor;

/** Puts the {@link Ui} into every page's model. */
@ControllerAdvice
class UiAdvice {

    private final MessageSource messages;

    UiAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ModelAttribute("ui")
    Ui ui(HttpServletRequest request, Locale locale) {
        return UiAdvice.uiFor(request, locale, messages);
    }

    static Ui uiFor(HttpServletRequest request, Locale locale, MessageSource messages) {
        var csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        var viewer = authentication != null && authentication.getPrincipal() instanceof Viewer v ? v : null;
        // Spring MVC puts the resource URL provider on every request it dispatches (StaticFiles configures it).
        var urls = (ResourceUrlProvider) request.getAttribute(ResourceUrlProviderExposingInterceptor.RESOURCE_URL_PROVIDER_ATTR);
        return new Ui(messages, locale,
                csrf == null ? () -> "_csrf" : csrf::getParameterName,
                csrf == null ? () -> "" : csrf::getToken,
                viewer, request.getRequestURI(), path -> versioned(urls, path));
    }

    private static String versioned(ResourceUrlProvider urls, String path) {
        String url = urls == null ? null : urls.getForLookupPath(path);
        return url == null ? path : url;
    }
}
