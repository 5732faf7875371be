package org.incrowd.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import org.incrowd.shared.PublicUrl;
import org.incrowd.shared.Refusal;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every refusal into a clear answer: a ProblemDetail (RFC 9457) with a readable detail for the API, an error
 * page in the reader's language for people. The status always says what kind of problem it was.
 */
@ControllerAdvice
class ErrorHandling {

    /** The pages guests may ask for where a Jam lets them (see the security configuration); others need sign-in. */
    private static final java.util.regex.Pattern GUEST_READABLE =
            java.util.regex.Pattern.compile("/(jams|forums|threads|posts|help)(/|$)");

    private final MessageSource messages;
    private final PublicUrl publicUrl;
    private final RequestCache signInRequests = new HttpSessionRequestCache();

    ErrorHandling(MessageSource messages, PublicUrl publicUrl) {
        this.messages = messages;
        this.publicUrl = publicUrl;
    }

    @ExceptionHandler(Refusal.class)
    Object refusal(Refusal refusal, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        if (isGuestAskingForAPage(request) && (refusal.status() == HttpStatus.NOT_FOUND
                || refusal.status() == HttpStatus.FORBIDDEN)) {
            // Maybe theirs to see once signed in: the sign-in page says so and brings them back here afterwards.
            // Sent alike whether or not the page exists, so a guest learns nothing about what is there.
            if (fetchedByThePagesScript(request)) {
                // A reader signed out while the page stayed open: they are told to sign in, and the region stays.
                return answer(request, locale, HttpStatus.UNAUTHORIZED, "signin.why.page", null);
            }
            signInRequests.saveRequest(request, response);
            return new ModelAndView("redirect:" + publicUrl.of("/signin"));
        }
        return answer(request, locale, refusal.status(), refusal.messageKey(), refusal.field(), refusal.arguments());
    }

    private static boolean isGuestAskingForAPage(HttpServletRequest request) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean guest = authentication == null || authentication instanceof AnonymousAuthenticationToken;
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return guest && "GET".equals(request.getMethod()) && GUEST_READABLE.matcher(path).lookingAt()
                && !readByMachineOrFrame(path);
    }

    /**
     * A part of a page that the page's script fetches (a live region, with htmx) is no place to come back to after
     * signing in, and a sign-in page swapped into the region helps no one: htmx swaps no error answer, and the page
     * shows its message.
     */
    private static boolean fetchedByThePagesScript(HttpServletRequest request) {
        return request.getHeader("HX-Request") != null;
    }

    /**
     * A help stream's embedded page and its feed are read inside another site's frame or by a feed reader, neither of
     * which can sign in: a stream they may not read is not there for them (404), not a sign-in page.
     */
    private static boolean readByMachineOrFrame(String path) {
        return path.startsWith("/help/") && (path.endsWith("/embed") || path.endsWith(".atom"));
    }

    @ExceptionHandler(AccessDeniedException.class)
    Object accessDenied(HttpServletRequest request, Locale locale) {
        return answer(request, locale, HttpStatus.FORBIDDEN, "error.forbidden", null);
    }

    /**
     * An id in the path that is not a number ({@code /forums/abc}) names nothing, as an unknown number does: the same
     * 404 and "no such forum", not a complaint about the request.
     */
    private static final Map<String, String> NOTHING_AT_PATH_ID = Map.of("jamId", "jam.notFound",
            "forumId", "forum.notFound", "postId", "post.notFound", "ideaId", "post.notFound",
            "personId", "error.personNotFound", "tokenId", "tokens.notFound",
            "announcementId", "announcement.notFound");

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    Object badParameter(Exception e, HttpServletRequest request, Locale locale) {
        if (e instanceof MethodArgumentTypeMismatchException m && m.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return answer(request, locale, HttpStatus.NOT_FOUND,
                    NOTHING_AT_PATH_ID.getOrDefault(m.getName(), "error.notFound"), null);
        }
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
                : ((MissingServletRequestParameterException) e).getParameterName();
        return answer(request, locale, HttpStatus.BAD_REQUEST, "error.badParameter", name, name);
    }

    /** A form field that cannot be read as its type (text where a number belongs, say). */
    @ExceptionHandler(org.springframework.validation.BindException.class)
    Object unbindable(org.springframework.validation.BindException e, HttpServletRequest request, Locale locale) {
        String name = e.getFieldError() == null ? "?" : e.getFieldError().getField();
        return answer(request, locale, HttpStatus.BAD_REQUEST, "error.badParameter", name, name);
    }

    /** Two requests changed the same thing at once; the loser is told to try again. */
    @ExceptionHandler(org.springframework.dao.DuplicateKeyException.class)
    Object conflict(HttpServletRequest request, Locale locale) {
        return answer(request, locale, HttpStatus.CONFLICT, "error.conflict", null);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    Object unreadable(HttpServletRequest request, Locale locale) {
        return answer(request, locale, HttpStatus.BAD_REQUEST, "error.unreadableBody", null);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    Object mediaType(HttpServletRequest request, Locale locale) {
        return answer(request, locale, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.mediaType", null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object method(HttpServletRequest request, Locale locale) {
        return answer(request, locale, HttpStatus.METHOD_NOT_ALLOWED, "error.method", null);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object noResource(HttpServletRequest request, Locale locale) {
        return answer(request, locale, HttpStatus.NOT_FOUND, "error.notFound", null);
    }

    private Object answer(HttpServletRequest request, Locale locale, HttpStatus status, String key, String field,
                          Object... arguments) {
        String detail = messages.getMessage(key, arguments, key, locale);
        if (request.getRequestURI().startsWith("/live/")) {
            // An event stream cannot carry an error page; EventSource clients see only the status, scripts the text.
            return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.TEXT_PLAIN)
                    .body(detail);
        }
        if (request.getRequestURI().startsWith("/api/")) {
            var problem = ProblemDetail.forStatusAndDetail(status, detail);
            problem.setProperty("code", key);
            if (field != null) {
                problem.setProperty("field", field);
            }
            return ResponseEntity.status(status).body(problem);
        }
        var page = new ModelAndView("web/error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("message", detail);
        page.addObject("ui", UiAdvice.uiFor(request, locale, messages));
        return page;
    }

}
