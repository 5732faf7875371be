package org.incrowd.search;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;
import org.incrowd.identity.ParticipantType;
import org.incrowd.jam.JamPhase;
import org.incrowd.search.index.SearchQuery;
import org.incrowd.shared.Refusal;

/**
 * The search page's parameters exactly as sent, so that the form can show them again, and their reading into a
 * {@link SearchQuery}: a value that cannot be read is refused with a message naming the parameter and the value.
 * Dates are whole days in UTC; {@code to} includes its day.
 */
public record SearchForm(String q, String jam, String forum, String tag, String phase, String type, String country,
                         String from, String to, String sort, String page) {

    public static final int PAGE_SIZE = 20;
    /** Deep pages cost the index more than anyone reads them; a narrower search is the better answer. */
    static final int MAX_PAGE = 50;
    static final int MAX_WORDS_LENGTH = 500;

    /** This search on another page, as a query string (the values are encoded). */
    public String withPage(int number) {
        var link = new StringBuilder("/search?");
        append(link, "q", q);
        append(link, "jam", jam);
        append(link, "forum", forum);
        append(link, "tag", tag);
        append(link, "phase", phase);
        append(link, "type", type);
        append(link, "country", country);
        append(link, "from", from);
        append(link, "to", to);
        append(link, "sort", sort);
        link.append("page=").append(number);
        return link.toString();
    }

    public boolean newest() {
        return "newest".equals(sort);
    }

    SearchQuery toQuery(Set<Long> visibleJams) {
        if (q != null && q.length() > MAX_WORDS_LENGTH) {
            throw Refusal.invalid("q", "search.invalid.tooLong", MAX_WORDS_LENGTH);
        }
        var order = switch (blank(sort) ? "relevance" : sort.strip()) {
            case "relevance" -> SearchQuery.Order.RELEVANCE;
            case "newest" -> SearchQuery.Order.NEWEST;
            default -> throw Refusal.invalid("sort", "search.invalid.sort", sort);
        };
        int pageNumber = number("page", page, 1, MAX_PAGE);
        Instant fromInstant = day("from", from);
        Instant toInstant = day("to", to);
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant.plusSeconds(86_400))) {
            throw Refusal.invalid("to", "search.invalid.range", from, to);
        }
        return new SearchQuery(blank(q) ? null : q.strip(), visibleJams, id("jam", jam), id("forum", forum),
                blank(tag) ? null : tag, name("phase", phase, JamPhase.class), name("type", type, ParticipantType.class),
                blank(country) ? null : country, fromInstant, toInstant == null ? null : toInstant.plusSeconds(86_400),
                false, order, (pageNumber - 1) * PAGE_SIZE, PAGE_SIZE);
    }

    private static Long id(String field, String value) {
        return blank(value) ? null : (long) number(field, value, 1, Integer.MAX_VALUE);
    }

    private static int number(String field, String value, int min, int max) {
        if (blank(value)) {
            return min;
        }
        try {
            long number = Long.parseLong(value.strip());
            if (number >= min && number <= max) {
                return (int) number;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw Refusal.invalid(field, "search.invalid.number", field, value, min, max);
    }

    private static <E extends Enum<E>> String name(String field, String value, Class<E> type) {
        if (blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(field, "search.invalid.choice", field, value);
        }
    }

    private static Instant day(String field, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeException e) {
            throw Refusal.invalid(field, "search.invalid.date", field, value);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static void append(StringBuilder link, String name, String value) {
        if (!blank(value)) {
            link.append(name).append('=').append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8))
                    .append('&');
        }
    }
}
