package org.incrowd.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A form that could not be sent as it was (the session had ended, or a field held a control character), kept in the
 * session so that nothing the person wrote is lost: the page at {@link #PATH} shows it and sends it again with one
 * click. Kept only for forms a page of Incrowd itself sent (the browser says so in {@code Sec-Fetch-Site} or
 * {@code Origin}), so another site cannot plant a form for someone to send; passwords and tokens are never kept.
 *
 * @param action where the form was sent (a path of this application)
 * @param fields the fields as sent, in their order, without passwords and CSRF tokens
 * @param reasonKey the message that says why it was not sent
 * @param reasonArgument the message's argument (a field's name), or null
 */
public record KeptForm(String action, Map<String, List<String>> fields, String reasonKey, String reasonArgument)
        implements Serializable {

    /** The page that shows a kept form. */
    public static final String PATH = "/kept";
    private static final String SESSION_KEY = KeptForm.class.getName();
    private static final Set<String> NEVER_KEPT = Set.of("_csrf", "password", "setupCode");

    public KeptForm {
        var copy = new LinkedHashMap<String, List<String>>();
        fields.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        fields = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * Whether this request is a page's form that can be kept: a POST of form fields from Incrowd's own page, not a
     * program's call (API, htmx fragment), and not a file upload.
     */
    public static boolean canKeep(HttpServletRequest request) {
        String type = request.getContentType();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "POST".equals(request.getMethod()) && type != null
                && type.startsWith("application/x-www-form-urlencoded") && !path.startsWith("/api/")
                && request.getHeader("HX-Request") == null && sentBySamePage(request);
    }

    private static boolean sentBySamePage(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return site.equals("same-origin");
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        String own = request.getScheme() + "://" + request.getServerName();
        return origin.equals(own) || origin.equals(own + ":" + request.getServerPort());
    }

    /** Keeps the request's form in its session (a new one if it has none), each value passed through {@code clean}. */
    public static void keep(HttpServletRequest request, String reasonKey, String reasonArgument,
                            UnaryOperator<String> clean) {
        var fields = new LinkedHashMap<String, List<String>>();
        request.getParameterMap().forEach((name, values) -> {
            if (!NEVER_KEPT.contains(name)) {
                var cleaned = new ArrayList<String>();
                for (String value : values) {
                    cleaned.add(clean.apply(value));
                }
                fields.put(clean.apply(name), cleaned);
            }
        });
        String path = request.getRequestURI().substring(request.getContextPath().length());
        request.getSession(true).setAttribute(SESSION_KEY, new KeptForm(path, fields, reasonKey, reasonArgument));
    }

    /** The form kept in this session, if any. */
    public static KeptForm in(HttpSession session) {
        return session != null && session.getAttribute(SESSION_KEY) instanceof KeptForm kept ? kept : null;
    }

    /** The words a person knows a field by, for the fields of Incrowd's writing forms; others show their name. */
    private static final Map<String, String> LABELS = Map.of(
            "title", "kept.field.title", "body", "kept.field.body", "tags", "kept.field.tags",
            "forumTitle", "kept.field.title", "forumQuestion", "kept.field.question", "question", "kept.field.question",
            "purpose", "kept.field.purpose", "email", "kept.field.email", "displayName", "kept.field.displayName");

    /** The message key of a field's label, or null where the field is shown by its name. */
    public static String labelKey(String field) {
        return LABELS.get(field);
    }

    /** Takes the kept form out of the session: it is shown once, then lives on in the page's own form. */
    public static KeptForm take(HttpSession session) {
        var kept = in(session);
        if (kept != null) {
            session.removeAttribute(SESSION_KEY);
        }
        return kept;
    }
}
