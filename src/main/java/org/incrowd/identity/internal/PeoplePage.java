package org.incrowd.identity.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
import org.incrowd.shared.FieldErrors;

/**
 * The administrators' people page: the search, a page of what it found, and, when a deactivation or reactivation was
 * refused, whose form shows the message and the reason as typed.
 */
public record PeoplePage(PeopleQuery query, List<DirectoryEntry> entries, int page, boolean hasMore, String notice,
                         Long refusedFor, String typedReason, FieldErrors errors) {

    /** The search as a query string, without the page: for paging links and for coming back after a change. */
    public String search() {
        var values = new LinkedHashMap<String, String>();
        values.put("name", query.name());
        values.put("email", query.email());
        values.put("unit", query.unit());
        values.put("country", query.country());
        values.put("type", query.type() == null ? null : query.type().name());
        values.put("role", query.role() == null ? null : query.role().name());
        values.put("status", query.status() == null ? null : query.status().name());
        return values.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The search with this page number, for the pagination links. */
    public String searchAt(int page) {
        String search = search();
        return "/admin/people?" + (search.isEmpty() ? "" : search + "&") + "page=" + page;
    }

    public boolean refused(DirectoryEntry entry) {
        return refusedFor != null && refusedFor == entry.person().id();
    }
}
