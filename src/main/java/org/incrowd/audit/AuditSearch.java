package org.incrowd.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.incrowd.shared.FieldErrors;

/**
 * The audit search as typed on the page or in the API's query string: who (part of a name or address), action,
 * subject, words of the reason, a date range (inclusive days) and the time zone the viewer reads times and days in.
 * Kept as typed, so that a refused search shows what was typed.
 */
public record AuditSearch(String who, String action, String subject, String words, String from, String to,
                          String zone) {

    public static final String DEFAULT_ZONE = "UTC";

    public AuditSearch {
        who = clean(who);
        action = clean(action);
        subject = clean(subject);
        words = clean(words);
        from = clean(from);
        to = clean(to);
        zone = clean(zone);
    }

    public static AuditSearch none() {
        return new AuditSearch(null, null, null, null, null, null, null);
    }

    /** The zone typed, or UTC where none was; call {@link #errors} first. */
    public ZoneId zoneId() {
        return zone == null ? ZoneId.of(DEFAULT_ZONE) : ZoneId.of(zone);
    }

    public LocalDate fromDate() {
        return from == null ? null : LocalDate.parse(from);
    }

    public LocalDate toDate() {
        return to == null ? null : LocalDate.parse(to);
    }

    public List<String> wordList() {
        return words == null ? List.of() : Arrays.stream(words.split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    /** What is wrong with the search: unknown action, days that are not dates, a range that ends before it starts. */
    public FieldErrors errors(java.util.Collection<String> knownActions) {
        var errors = FieldErrors.none();
        if (action != null && !knownActions.contains(action)) {
            errors.add("action", "audittrail.search.unknownAction", action);
        }
        boolean datesValid = true;
        for (var field : Map.of("from", from == null ? "" : from, "to", to == null ? "" : to).entrySet()) {
            if (!field.getValue().isEmpty() && !isDate(field.getValue())) {
                errors.add(field.getKey(), "audittrail.search.badDate");
                datesValid = false;
            }
        }
        if (datesValid && from != null && to != null && toDate().isBefore(fromDate())) {
            errors.add("to", "audittrail.search.toBeforeFrom");
        }
        if (zone != null) {
            try {
                ZoneId.of(zone);
            } catch (DateTimeException unknown) {
                errors.add("zone", "audittrail.search.badZone");
            }
        }
        return errors;
    }

    /** The search as a query string, for the next page and the CSV link. */
    public String queryString() {
        var values = new LinkedHashMap<String, String>();
        values.put("who", who);
        values.put("action", action);
        values.put("subject", subject);
        values.put("words", words);
        values.put("from", from);
        values.put("to", to);
        values.put("zone", zone);
        return values.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException notADate) {
            return false;
        }
    }

    private static String clean(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        return stripped.length() > 200 ? stripped.substring(0, 200) : stripped;
    }
}
