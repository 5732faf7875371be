package org.incrowd.jam.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a person was posting when new terms interrupted them: the form's address and fields, kept in their session
 * until they accept, so that nothing typed is lost. A few are kept (several tabs), the oldest dropped first.
 */
public final class KeptDrafts {

    /** One interrupted form: where it posts to and what it carried (CSRF token and terms fields left out). */
    public record Draft(String action, List<Map.Entry<String, String>> fields) implements Serializable {

        public String field(String name) {
            return fields.stream().filter(f -> f.getKey().equals(name)).map(Map.Entry::getValue).findFirst()
                    .orElse("");
        }
    }

    static final String ACCEPT_SCOPE = "acceptTermsScope";
    static final String ACCEPT_VERSION = "acceptTermsVersion";
    private static final String ATTRIBUTE = KeptDrafts.class.getName();
    private static final int KEPT = 5;

    private KeptDrafts() {
    }

    /** Keeps the form this request posted; returns the id the terms page asks for it with. */
    static String keep(HttpServletRequest request, String csrfParameter) {
        var fields = new ArrayList<Map.Entry<String, String>>();
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals(csrfParameter) && !name.equals(ACCEPT_SCOPE) && !name.equals(ACCEPT_VERSION)) {
                for (String value : values) {
                    fields.add(new AbstractMap.SimpleImmutableEntry<>(name, value)); // serialisable, unlike Map.entry
                }
            }
        });
        String query = request.getQueryString();
        String action = request.getRequestURI() + (query == null ? "" : "?" + query);
        String id = UUID.randomUUID().toString();
        var session = request.getSession();
        synchronized (session) {
            var drafts = drafts(session);
            drafts.put(id, new Draft(action, List.copyOf(fields)));
            while (drafts.size() > KEPT) {
                drafts.remove(drafts.keySet().iterator().next()); // the oldest first
            }
            // Set again, not only changed: a session kept in the database writes only the attributes that are set.
            session.setAttribute(ATTRIBUTE, drafts);
        }
        return id;
    }

    static Optional<Draft> find(HttpSession session, String id) {
        if (session == null || id == null) {
            return Optional.empty();
        }
        synchronized (session) {
            return Optional.ofNullable(drafts(session).get(id));
        }
    }

    @SuppressWarnings("unchecked")
    private static LinkedHashMap<String, Draft> drafts(HttpSession session) {
        var drafts = (LinkedHashMap<String, Draft>) session.getAttribute(ATTRIBUTE);
        return drafts == null ? new LinkedHashMap<>() : drafts;
    }
}
