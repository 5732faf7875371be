package org.incrowd.insight.themes;

import com.github.benmanes.caffeine.cache.Cache;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.incrowd.discussion.PostFeed;
import org.incrowd.insight.shared.NodeCache;
import org.incrowd.insight.themes.algorithm.ThemeDocument;
import org.incrowd.insight.themes.algorithm.ThemeModel;
import org.incrowd.meaning.MeaningEvents;
import org.incrowd.meaning.PostVectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Places posts written since the latest snapshot in its themes at once, with the model that computed it, so a new
 * post shows in its theme before the next recompute takes over. A post in a language the sentence model covers is
 * placed at the nearest theme centre as soon as its vector arrives ({@link MeaningEvents.PostsEncoded}); a post in
 * another language by its words, when it is read. Each node keeps the models of the snapshots it computed (as many as
 * {@link NodeCache} allows; a dropped model places nothing until the next recompute), and remembers where it placed
 * each post until a newer snapshot arrives (placing is the same code path the analysis uses for every post, so the
 * post gets the theme it would have had in the batch).
 */
@Component
class ThemeModels {

    private record Kept(Instant computedAt, long lastPostId, ThemeModel model, Map<Long, Integer> placed) {
    }

    private final PostFeed discussion;
    private final PostVectors vectors;
    /** About ten models of a large Jam (a 50,000-term dictionary in 100 dimensions is 5 million floats). */
    static final long KEPT_NUMBERS = 50_000_000;

    private final Cache<ThemeSnapshots.Scope, Kept> kept = NodeCache.weighing(KEPT_NUMBERS,
            kept -> kept.model().footprint());

    ThemeModels(PostFeed discussion, PostVectors vectors) {
        this.discussion = discussion;
        this.vectors = vectors;
    }

    /** {@code model} null: the snapshot has no themes to place posts in. */
    void keep(ThemeSnapshot snapshot, ThemeModel model) {
        var scope = new ThemeSnapshots.Scope(snapshot.jamId(), snapshot.forumId());
        if (model == null) {
            kept.invalidate(scope);
        } else {
            kept.put(scope, new Kept(snapshot.computedAt(), snapshot.lastPostId(), model, new ConcurrentHashMap<>()));
        }
    }

    /** Whether this node can place new posts in this snapshot's themes (it has the model that computed them). */
    boolean canPlace(ThemeSnapshot snapshot) {
        return model(snapshot) != null;
    }

    /** New posts with a vector go to the nearest centre of the Jam's and of their forum's themes at once. */
    @EventListener
    void on(MeaningEvents.PostsEncoded encoded) {
        if (kept.estimatedSize() == 0 || !encoded.model().equals(vectors.encoder().model())) {
            return;
        }
        var stored = vectors.of(encoded.postIds());
        for (var post : discussion.texts(stored.keySet())) {
            for (long forumId : new long[] {ThemeSnapshot.WHOLE_JAM, post.forumId()}) {
                var scope = kept.getIfPresent(new ThemeSnapshots.Scope(post.jamId(), forumId));
                if (scope != null && post.id() > scope.lastPostId()) {
                    Integer theme = scope.model().assign(new ThemeDocument("", post.createdAt(), stored.get(post.id())));
                    scope.placed().put(post.id(), theme == null ? -1 : theme);
                }
            }
        }
    }

    /**
     * The posts of this scope written after the snapshot, by the raw theme index they are placed in (posts with no
     * theme yet are left out); empty when this node does not hold the snapshot's model.
     */
    Map<Long, Integer> placedSince(ThemeSnapshot snapshot) {
        var model = model(snapshot);
        if (model == null) {
            return Map.of();
        }
        var placed = new TreeMap<Long, Integer>();
        var waiting = new ArrayList<ThemeDocument>();
        var waitingIds = new ArrayList<Long>();
        discussion.forEachPostText(snapshot.jamId(), snapshot.lastPostId(), (postId, forumId, author, at, text) -> {
            if (snapshot.forumId() != ThemeSnapshot.WHOLE_JAM && forumId != snapshot.forumId()) {
                return;
            }
            Integer theme = model.placed().get(postId);
            if (theme == null) {
                waitingIds.add(postId);
                waiting.add(new ThemeDocument(text, at));
            } else if (theme >= 0) {
                placed.put(postId, theme);
            }
        });
        if (!waiting.isEmpty()) { // posts the encoder had not reached when they were read, or in other languages
            var stored = vectors.of(waitingIds);
            for (int i = 0; i < waiting.size(); i++) {
                long postId = waitingIds.get(i);
                var post = waiting.get(i);
                float[] vector = stored.get(postId);
                if (vector == null && vectors.encoder().covers(model.model().languageOf(post.text()))) {
                    continue; // its vector is on its way: placed when it arrives
                }
                Integer theme = model.model().assign(new ThemeDocument(post.text(), post.time(), vector));
                model.placed().put(postId, theme == null ? -1 : theme);
                if (theme != null) {
                    placed.put(postId, theme);
                }
            }
        }
        return placed;
    }

    private Kept model(ThemeSnapshot snapshot) {
        var model = kept.getIfPresent(new ThemeSnapshots.Scope(snapshot.jamId(), snapshot.forumId()));
        return model != null && model.computedAt().equals(snapshot.computedAt()) ? model : null;
    }
}
