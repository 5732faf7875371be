package org.incrowd.insight.themes;

import java.util.List;
import org.incrowd.insight.shared.GroupProfile;
import org.incrowd.insight.themes.algorithm.Trend;

/**
 * A theme as readers see it: the computed theme with the analysts' decisions applied.
 *
 * @param label           the analyst's name for it, or the characteristic phrases the analysis found
 * @param size            posts in it at the snapshot
 * @param newPosts        posts written since the snapshot and placed in it at once
 * @param people          how many different people wrote them
 * @param representatives post ids, closest to the theme's centre first
 * @param summary         the two or three sentences of its posts nearest its centre (empty for themes on words and
 *                        themes an analyst split off)
 * @param windows         posts per time window, oldest first
 * @param spread          where its authors come from
 */
public record PulseTheme(String key, String label, boolean renamed, int size, int newPosts, int people,
                         List<Long> representatives, List<String> summary, Trend trend, List<Integer> windows, GroupProfile spread,
                         boolean pinned, boolean hidden) {

    /** The message naming the trend ("emerging", "fading" ...). */
    public String trendMessage() {
        return "pulse.trend." + trend.key();
    }
}
