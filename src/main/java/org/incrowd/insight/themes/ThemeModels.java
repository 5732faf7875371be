package org.incrowd.insight.themes;

import com.github.benmanes.caffeine.cache.Cache;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.incrowd.discussion.PostFeed;
import org.incrowd.insight.shared.NodeCache;
import org.incrowd.insight.themes.algorithm.ThemeDocument;
import org.incrowd.insight.themes.algorithm.ThemeModel;
import org.springframework.stereotype.Component;

/**
 * Places posts written since the latest snapshot in its themes at once, with the model that computed it, so a new
 * post shows in its theme before the next recompute takes over. Each node keeps the models of the snapshots it
 * computed (as many as {@link NodeCache} allows; a dropped model places nothing until the next recompute), and
 * remembers where it placed each post until a newer snapshot arrives (placing is the same code path
 * the analysis uses for every post, so the post gets the theme it would have had in the batch).
 */
@Component
class ThemeModels {

    private record Kept(Instant computedAt, ThemeModel model, Map<Long, Integer> placed) {
    }

    private final PostFeed discussion;
    /** About ten models of a large Jam (a 50,000-term dictionary in 100 dimensions is 5 million floats). */
    static final long KEPT_NUMBERS = 50_000_000;

    private final Cache<ThemeSnapshots.Scope, Kept> kept = NodeCache.weighing(KEPT_NUMBERS,
            kept -> kept.model().footprint());

    ThemeModels(PostFeed discussion) {
        this.discussion = discussion;
    }

    /** {@code model} null: the snapshot has no themes to place posts in. */
    void keep(ThemeSnapshot snapshot, ThemeModel model) {
        var scope = new ThemeSnapshots.Scope(snapshot.jamId(), snapshot.forumId());
        if (model == null) {
            kept.invalidate(scope);
        } else {
            kept.put(scope, new Kept(snapshot.computedAt(), model, new ConcurrentHashMap<>()));
        }
    }

    /** Whether this node can place new posts in this snapshot's themes (it has the model that computed them). */
    boolean canPlace(ThemeSnapshot snapshot) {
        var model = kept.getIfPresent(new ThemeSnapshots.Scope(snapshot.jamId(), snapshot.forumId()));
        return model != null && model.computedAt().equals(snapshot.computedAt());
    }

    /**
     * The posts of this scope written after the snapshot, by the raw theme index they are placed in (posts with no
     * known word are left out); empty when this node does not hold the snapshot's model.
     */
    Map<Long, Integer> placedSince(ThemeSnapshot snapshot) {
        var model = kept.getIfPresent(new ThemeSnapshots.Scope(snapshot.jamId(), snapshot.forumId()));
        if (model == null || !model.computedAt().equals(snapshot.computedAt())) {
            return Map.of();
        }
        var placed = new LinkedHashMap<Long, Integer>();
        discussion.forEachPostText(snapshot.jamId(), snapshot.lastPostId(), (postId, forumId, author, at, text) -> {
            if (snapshot.forumId() != ThemeSnapshot.WHOLE_JAM && forumId != snapshot.forumId()) {
                return;
            }
            Integer theme = model.placed().computeIfAbsent(postId, id -> {
                Integer assigned = model.model().assign(new ThemeDocument(text, at));
                return assigned == null ? -1 : assigned;
            });
            if (theme >= 0) {
                placed.put(postId, theme);
            }
        });
        return placed;
    }
}
