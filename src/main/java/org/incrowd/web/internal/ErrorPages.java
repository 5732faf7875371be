package org.incrowd.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.incrowd.shared.ErrorPage;
import org.incrowd.shared.KeptForm;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The error page for errors that reach the servlet container (a refused CSRF token, an unexpected failure): the same
 * page as for refusals in controllers, in the reader's language, never a stack trace.
 */
@Component
public class ErrorPages implements ErrorViewResolver {

    private final MessageSource messages;

    ErrorPages(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        var locale = RequestContextUtils.getLocale(request);
        var key = request.getAttribute(ErrorPage.MESSAGE_KEY) instanceof String chosen ? chosen : keyFor(status);
        var page = new ModelAndView("web/error", status);
        page.addObject("status", status.value());
        var arguments = request.getAttribute(ErrorPage.MESSAGE_ARGUMENTS) instanceof Object[] given ? given : null;
        page.addObject("message", messages.getMessage(key, arguments, key, locale));
        // Where the message names a way on, the page offers it as a link.
        switch (key) {
            case "error.sessionEnded" -> page.addObject("link", new ErrorLink("/signin", "nav.signIn"));
            default -> { }
        }
        page.addObject("ui", UiAdvice.uiFor(request, locale, messages));
        return page;
    }

    private static String keyFor(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "error.notFound";
            case FORBIDDEN -> "error.forbidden";
            case METHOD_NOT_ALLOWED -> "error.method";
            case CONTENT_TOO_LARGE -> "error.tooLarge";
            case SERVICE_UNAVAILABLE -> DatabaseUnavailable.MESSAGE_KEY;
            default -> status.is4xxClientError() ? "error.badRequest" : "error.generic";
        };
    }

    /** A link the error page offers after its message. */
    public record ErrorLink(String href, String labelKey) {
    }
}
