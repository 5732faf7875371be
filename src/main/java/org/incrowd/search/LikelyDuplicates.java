package org.incrowd.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.incrowd.discussion.PostFeed;
import org.incrowd.discussion.PostText;
import org.incrowd.identity.Actor;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamService;
import org.incrowd.search.index.PostIndex.SimilarPair;
import org.springframework.stereotype.Service;

/**
 * Pairs of ideas in a Jam that say the same thing, perhaps in different words, for the people who guide the Jam
 * (organisers, hosts and facilitators): they may ask the authors to join them (ADR 0058).
 */
@Service
public class LikelyDuplicates {

    /**
     * Two ideas whose sentence vectors are at least this alike (cosine) are listed: the same request in other words
     * scores 0.85-0.9 ("More vegetarian food" and "Vegetarian dishes every day" 0.89). On ArgKP, where every idea of a
     * Jam argues one debate topic, pairs this alike share a labelled key point twice as often as pairs above 0.5, and
     * a topic of 230 arguments gets about 460 such pairs (0.75 would give 2,700). ADR 0058.
     */
    public static final float THRESHOLD = 0.85f;
    /** A page a moderator works through; the most alike first. */
    static final int MAX_PAIRS = 100;

    private final PostIndexFeed feed;
    private final JamService jams;
    private final PostFeed discussion;

    LikelyDuplicates(PostIndexFeed feed, JamService jams, PostFeed discussion) {
        this.feed = feed;
        this.jams = jams;
        this.discussion = discussion;
    }

    /** Two ideas, the older first, and how alike they are (0-1). */
    public record Pair(long firstId, String firstTitle, long secondId, String secondTitle, float similarity) {

        /** The similarity as a whole percentage, for the page. */
        public int percent() {
            return Math.round(similarity * 100);
        }
    }

    /**
     * The likely duplicates of the Jam, most alike first; hidden ideas are left out.
     *
     * @throws org.incrowd.shared.Refusal 404 for a Jam the person may not see, 403 for one they do not guide
     */
    public List<Pair> of(Actor actor, long jamId) {
        jam(actor, jamId);
        var pairs = feed.index().similarIdeaPairs(jamId, THRESHOLD, MAX_PAIRS);
        var ids = new java.util.HashSet<Long>();
        pairs.forEach(pair -> {
            ids.add(pair.first());
            ids.add(pair.second());
        });
        if (ids.isEmpty()) {
            return List.of();
        }
        var hidden = discussion.hiddenAmong(ids);
        Map<Long, String> titles = new HashMap<>();
        discussion.texts(ids).forEach(text -> titles.put(text.id(), title(text)));
        return pairs.stream()
                .filter(pair -> !hidden.contains(pair.first()) && !hidden.contains(pair.second())
                        && titles.containsKey(pair.first()) && titles.containsKey(pair.second()))
                .map(pair -> of(pair, titles)).toList();
    }

    /** The Jam, if this person guides it. */
    public Jam jam(Actor actor, long jamId) {
        return jams.requireOrganiserOrStaff(actor, jamId);
    }

    private static Pair of(SimilarPair pair, Map<Long, String> titles) {
        return new Pair(pair.first(), titles.get(pair.first()), pair.second(), titles.get(pair.second()),
                pair.similarity());
    }

    private static String title(PostText text) {
        return text.title() == null || text.title().isBlank() ? "#" + text.id() : text.title();
    }
}
