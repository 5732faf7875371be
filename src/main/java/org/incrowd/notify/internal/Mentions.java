package org.incrowd.notify.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Mentions: {@code @Ada Lovelace} in a post names the Jam member whose display name it is. A mention is the text
 * after an {@code @} (not inside a word or an address), up to four words; the longest run of those words that is a
 * member's full name counts, and only when exactly one member has that name: a name two members share tells nobody
 * (a wrong person told is worse than a missed mention). The suggestions while typing insert full names, so what is
 * picked is what resolves. At most {@link #MAX_PER_POST} mentions per post are looked at.
 */
@Component
class Mentions {

    static final int MAX_PER_POST = 10;
    static final int MAX_WORDS = 4;
    static final int MAX_SUGGESTIONS = 8;

    private static final Pattern MENTION = Pattern.compile(
            "(?<![\\p{L}\\p{N}_@.])@(\\p{L}[\\p{L}\\p{M}\\p{N}'’.-]*(?:[ \\u00A0][\\p{L}\\p{M}\\p{N}'’.-]+){0,"
                    + (MAX_WORDS - 1) + "})");

    private final JdbcClient jdbc;

    Mentions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The members of the Jam that {@code text} mentions, in order of first mention, at most {@link #MAX_PER_POST}. */
    Set<Long> in(long jamId, String text) {
        var mentions = candidates(text);
        if (mentions.isEmpty()) {
            return Set.of();
        }
        var names = mentions.stream().flatMap(List::stream).collect(Collectors.toSet());
        Map<String, List<Long>> members = membersNamed(jamId, names);
        var found = new LinkedHashSet<Long>();
        for (var longestFirst : mentions) {
            longestFirst.stream().filter(members::containsKey).findFirst().map(members::get)
                    .filter(people -> people.size() == 1).ifPresent(people -> found.add(people.getFirst()));
        }
        return found;
    }

    /** Up to {@link #MAX_SUGGESTIONS} members' names starting with {@code prefix}, for the post form. */
    List<String> suggestions(long jamId, String prefix) {
        String start = prefix == null ? "" : prefix.strip().toLowerCase(Locale.ROOT);
        if (start.isEmpty() || start.length() > 80) {
            return List.of();
        }
        return jdbc.sql("""
                        select distinct p.display_name from jam_member m join person p on p.id = m.person_id
                         where m.jam_id = ? and lower(p.display_name) like ? escape '\\'
                         order by p.display_name fetch first %d rows only""".formatted(MAX_SUGGESTIONS))
                .params(jamId, like(start) + "%").query(String.class).list();
    }

    /** For each {@code @} (at most {@link #MAX_PER_POST}), the names it may stand for, longest first, lower case. */
    static List<List<String>> candidates(String text) {
        var found = new ArrayList<List<String>>();
        if (text == null) {
            return found;
        }
        var matcher = MENTION.matcher(text);
        while (matcher.find() && found.size() < MAX_PER_POST) {
            String[] words = matcher.group(1).split("[ \\u00A0]");
            var names = new ArrayList<String>();
            for (int n = words.length; n >= 1; n--) {
                String name = String.join(" ", List.of(words).subList(0, n)).replaceAll("['’.-]+$", "");
                if (!name.isEmpty()) {
                    names.add(name.toLowerCase(Locale.ROOT));
                }
            }
            found.add(names);
        }
        return found;
    }

    private Map<String, List<Long>> membersNamed(long jamId, Collection<String> lowerCaseNames) {
        return jdbc.sql("""
                        select lower(p.display_name), p.id from jam_member m join person p on p.id = m.person_id
                         where m.jam_id = :jam and lower(p.display_name) in (:names)""")
                .param("jam", jamId).param("names", lowerCaseNames)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
