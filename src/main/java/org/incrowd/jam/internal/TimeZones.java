package org.incrowd.jam.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.incrowd.shared.Choice;

/**
 * The time zones the Jam form offers, grouped by region ("Europe": "Berlin (UTC+01:00)", ...), so an organiser picks
 * one instead of typing an id. Only the region/city ids: the legacy aliases (US/Eastern, Etc/GMT+5) would list most
 * places twice. A Jam already scheduled in another valid zone keeps it, listed on its own.
 */
public final class TimeZones {

    static final String UTC = "UTC";
    private static final Set<String> REGIONS = Set.of("Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic",
            "Australia", "Europe", "Indian", "Pacific");
    private static final Map<String, List<String>> BY_REGION = byRegion();

    /** One {@code <optgroup>}: its region and its zones, by city. */
    public record Group(String region, List<Choice> zones) {
    }

    private TimeZones() {
    }

    /** UTC first, then the regions in alphabetical order; offsets as they are at {@code now}. */
    static List<Group> groups(String current, Instant now) {
        var groups = new ArrayList<Group>();
        groups.add(new Group(UTC, List.of(new Choice(UTC, UTC))));
        BY_REGION.forEach((region, ids) -> groups.add(new Group(region,
                ids.stream().map(id -> choice(id, id.substring(region.length() + 1), now)).toList())));
        if (current != null && !current.isBlank() && !UTC.equals(current) && !listed(current)) {
            groups.add(new Group(current, List.of(choice(current, current, now))));
        }
        return groups;
    }

    private static boolean listed(String id) {
        int slash = id.indexOf('/');
        return slash > 0 && BY_REGION.getOrDefault(id.substring(0, slash), List.of()).contains(id);
    }

    private static Choice choice(String id, String city, Instant now) {
        String offset;
        try {
            offset = ZoneId.of(id).getRules().getOffset(now).getId();
        } catch (java.time.DateTimeException e) {
            return new Choice(id, id); // an unknown id typed elsewhere: shown as it is, and refused on saving
        }
        return new Choice(id, city.replace('_', ' ') + " (UTC" + ("Z".equals(offset) ? "" : offset) + ")");
    }

    private static Map<String, List<String>> byRegion() {
        var regions = new TreeMap<String, List<String>>();
        ZoneId.getAvailableZoneIds().stream()
                .filter(id -> id.indexOf('/') > 0 && REGIONS.contains(id.substring(0, id.indexOf('/'))))
                .sorted(Comparator.naturalOrder())
                .forEach(id -> regions.computeIfAbsent(id.substring(0, id.indexOf('/')), r -> new ArrayList<>()).add(id));
        return regions;
    }
}
