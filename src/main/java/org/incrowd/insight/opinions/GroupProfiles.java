package org.incrowd.insight.opinions;

import java.util.ArrayList;
import java.util.List;
import org.incrowd.identity.IdentityService;
import org.incrowd.insight.opinions.algorithm.OpinionResult;
import org.incrowd.insight.opinions.algorithm.Placement;
import org.incrowd.insight.shared.GroupProfile;
import org.incrowd.insight.shared.ProfileTally;
import org.springframework.stereotype.Component;

/** Counts where each group's people come from, reading their profiles in batches. */
@Component
class GroupProfiles {

    /** Keeps each IN list well below what databases accept. */
    private static final int BATCH = 1_000;

    private final IdentityService identity;

    GroupProfiles(IdentityService identity) {
        this.identity = identity;
    }

    List<GroupProfile> of(OpinionResult result) {
        int groups = result.groups().size();
        var tallies = new ArrayList<ProfileTally>(groups);
        for (int g = 0; g < groups; g++) {
            tallies.add(new ProfileTally());
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
}
