package org.incrowd.insight.shared;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.incrowd.identity.Person;

/** Counts where a group's people come from, one person at a time, and names the largest parts of each. */
public final class ProfileTally {

    /** Enough to see who a group is, short enough for a page. */
    private static final int TOP = 8;

    private final Map<String, Integer> countries = new HashMap<>();
    private final Map<String, Integer> units = new HashMap<>();
    private final Map<String, Integer> jobRoles = new HashMap<>();
    private final Map<String, Integer> types = new HashMap<>();

    public void add(Person person) {
        add(person.country(), person.orgUnit(), person.jobRole(), person.participantType().name());
    }

    /** One person by the parts of their profile (null or blank where they left it empty). */
    public void add(String country, String unit, String jobRole, String participantType) {
        countries.merge(nullSafe(country), 1, Integer::sum);
        units.merge(nullSafe(unit), 1, Integer::sum);
        jobRoles.merge(nullSafe(jobRole), 1, Integer::sum);
        types.merge(participantType, 1, Integer::sum);
    }

    public GroupProfile profile(int group) {
        return new GroupProfile(group, top(countries), top(units), top(jobRoles), top(types));
    }

    /** HashMap cannot hold the "not given" key as null and sort it, so it is kept as "" until here. */
    private static String nullSafe(String value) {
        return value == null || value.isBlank() ? "" : value;
    }

    private static List<GroupProfile.Count> top(Map<String, Integer> counts) {
        Function<Map.Entry<String, Integer>, GroupProfile.Count> count =
                e -> new GroupProfile.Count(e.getKey().isEmpty() ? null : e.getKey(), e.getValue());
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP).map(count).toList();
    }
}
