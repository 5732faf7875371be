package org.incrowd.insight.shared;

import java.util.List;

/**
 * Who is in a group (an opinion group, the authors of a theme): how many of its people come from each country, unit,
 * job role and participant type (largest first), so readers see whether a view belongs to one corner of the
 * organisation.
 */
public record GroupProfile(int group, List<Count> countries, List<Count> units, List<Count> jobRoles,
                           List<Count> participantTypes) {

    /** {@code value} is null for people who left that part of their profile empty. */
    public record Count(String value, int people) {
    }
}
