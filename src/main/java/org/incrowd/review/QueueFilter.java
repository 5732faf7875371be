package org.incrowd.review;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The filters and order of the review queue, as they travel in the page's and the API's query string (and are kept
 * by saved views). Every field is optional; values that do not parse are ignored, so a stale link still opens.
 *
 * @param waitingDays only ideas that have been in their stage at least this many days
 * @param overdue     only undecided ideas whose due date has passed
 * @param mine        only the ideas assigned to the person asking (always so for reviewers who do not organise)
 * @param sort        {@code waiting} (longest first, the default), {@code score}, {@code newest}, {@code due}
 */
public record QueueFilter(String stage, Long forum, String theme, String type, Double minScore, Double maxScore,
                          Integer waitingDays, boolean overdue, boolean mine, String sort) {

    public static final QueueFilter NONE = new QueueFilter(null, null, null, null, null, null, null, false, false,
            null);

    /** Reads the filters from request parameters (first value of each). */
    public static QueueFilter of(Map<String, String> params) {
        Function<String, String> text = name -> {
            String value = params.get(name);
            return value == null || value.isBlank() ? null : value.strip();
        };
        return new QueueFilter(text.apply("stage"), number(text.apply("forum"), Long::valueOf),
                text.apply("theme"), text.apply("type"), number(text.apply("minScore"), Double::valueOf),
                number(text.apply("maxScore"), Double::valueOf), number(text.apply("waitingDays"), Integer::valueOf),
                "true".equals(text.apply("overdue")), "true".equals(text.apply("mine")), text.apply("sort"));
    }

    /** The filters as a query string (without '?'), for links, paging and saved views. */
    public String query() {
        var values = new LinkedHashMap<String, Object>();
        values.put("stage", stage);
        values.put("forum", forum);
        values.put("theme", theme);
        values.put("type", type);
        values.put("minScore", minScore);
        values.put("maxScore", maxScore);
        values.put("waitingDays", waitingDays);
        values.put("overdue", overdue ? "true" : null);
        values.put("mine", mine ? "true" : null);
        values.put("sort", sort);
        return values.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(format(e.getValue()), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The filters of a saved view's query string. */
    public static QueueFilter ofQuery(String query) {
        var params = new LinkedHashMap<String, String>();
        for (String pair : query.split("&")) {
            int at = pair.indexOf('=');
            if (at > 0) {
                params.putIfAbsent(pair.substring(0, at),
                        java.net.URLDecoder.decode(pair.substring(at + 1), StandardCharsets.UTF_8));
            }
        }
        return of(params);
    }

    public String sortOrDefault() {
        return sort == null ? "waiting" : sort;
    }

    private static String format(Object value) {
        return value instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(value);
    }

    private static <T> T number(String text, Function<String, T> parse) {
        try {
            return text == null ? null : parse.apply(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
