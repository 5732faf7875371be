package org.incrowd.insight.opinions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.Person;
import org.incrowd.insight.opinions.algorithm.OpinionResult;
import org.incrowd.insight.opinions.algorithm.Placement;
import org.springframework.stereotype.Component;

/** Counts where each group's people come from, reading their profiles in batches. */
@Component
class GroupProfiles {

    /** Keeps each IN list well below what databases accept. */
    private static final int BATCH = 1_000;
    /** Enough to see who a group is, short enough for a page. */
    private static final int TOP = 8;

    private final IdentityService identity;

    GroupProfiles(IdentityService identity) {
        this.identity = identity;
    }

    List<GroupProfile> of(OpinionResult result) {
        int groups = result.groups().size();
        var tallies = new ArrayList<Tally>(groups);
        for (int g = 0; g < groups; g++) {
            tallies.add(new Tally());
        }
        var grouped = result.placements().stream().filter(Placement::grouped).toList();
        for (int start = 0; start < grouped.size(); start += BATCH) {
            var batch = grouped.subList(start, Math.min(grouped.size(), start + BATCH));
            var people = identity.findAll(batch.stream().map(Placement::participant).toList());
            for (var placement : batch) {
                var person = people.get(placement.participant());
                if (person != null) {
                    tallies.get(placement.group()).add(person);
                }
            }
        }
        var profiles = new ArrayList<GroupProfile>(groups);
        for (int g = 0; g < groups; g++) {
            profiles.add(tallies.get(g).profile(g));
        }
        return profiles;
    }

    private static final class Tally {
        private final Map<String, Integer> countries = new HashMap<>();
        private final Map<String, Integer> units = new HashMap<>();
        private final Map<String, Integer> jobRoles = new HashMap<>();
        private final Map<String, Integer> types = new HashMap<>();

        void add(Person person) {
            countries.merge(nullSafe(person.country()), 1, Integer::sum);
            units.merge(nullSafe(person.orgUnit()), 1, Integer::sum);
            jobRoles.merge(nullSafe(person.jobRole()), 1, Integer::sum);
            types.merge(person.participantType().name(), 1, Integer::sum);
        }

        GroupProfile profile(int group) {
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
}
