package org.incrowd.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * What the replay's clients were told was stored, and the check of it against what the database holds afterwards.
 *
 * <p>Every post carries a nonce of its own in its body ({@link #body}); a client that retries a post after a failure
 * sends the same nonce again. So, afterwards: an acknowledged post is <em>lost</em> when no row carries its nonce (or
 * none has the id it was acknowledged with), and a post is <em>stored twice</em> when two rows carry one nonce. A
 * reaction is one row per person and post (the primary key), so it cannot be stored twice; an acknowledged one is
 * lost when its row is missing or holds another kind.
 */
final class WriteLedger {

    private static final Pattern NONCE = Pattern.compile("jam-replay-(\\d+)");

    /** A post the server answered 2xx for: its nonce, id, place, and when the acknowledged attempt went out. */
    record Post(long nonce, long id, long forumId, long threadId, long sentNanos, long answeredNanos, int attempt) {
    }

    /** What the check found. */
    record Verdict(long postsAcknowledged, long postsLost, long postsStoredTwice, long postsStoredTwiceAcknowledged,
                   long postsStoredWithoutAcknowledgement, long reactionsAcknowledged, long reactionsLost,
                   List<String> examples) {

        Map<String, Object> asMap() {
            var map = new LinkedHashMap<String, Object>();
            map.put("posts_acknowledged", postsAcknowledged);
            map.put("posts_acknowledged_lost", postsLost);
            map.put("posts_stored_twice", postsStoredTwice);
            map.put("posts_stored_twice_of_acknowledged", postsStoredTwiceAcknowledged);
            map.put("posts_stored_without_acknowledgement", postsStoredWithoutAcknowledgement);
            map.put("reactions_acknowledged", reactionsAcknowledged);
            map.put("reactions_acknowledged_lost", reactionsLost);
            map.put("reactions_stored_twice", 0); // primary key (post, person): see the class comment
            map.put("examples", examples);
            return map;
        }
    }

    private final Map<Long, Post> posts = new ConcurrentHashMap<>();
    private final Map<Long, String> reactions = new ConcurrentHashMap<>();
    private final AtomicLong nonces = new AtomicLong();

    /** A new nonce for a post about to be written (its retries reuse it). */
    long nextNonce() {
        return nonces.incrementAndGet();
    }

    /** The body of the post with {@code nonce}: the nonce first, so that the check finds it again. */
    static String body(long nonce, String text) {
        return "jam-replay-" + nonce + " " + text;
    }

    /** The nonce in a stored body, or -1 when the row is not the replay's. */
    static long nonceOf(String body) {
        var matcher = NONCE.matcher(body);
        return matcher.lookingAt() ? Long.parseLong(matcher.group(1)) : -1;
    }

    void acknowledged(Post post) {
        posts.putIfAbsent(post.nonce(), post);
    }

    void reactionAcknowledged(long postId, long personId, String kind) {
        reactions.put(key(postId, personId), kind);
    }

    Collection<Post> posts() {
        return posts.values();
    }

    long reactionsAcknowledged() {
        return reactions.size();
    }

    /**
     * Checks the acknowledgements against the rows: {@code stored} maps each nonce found to the ids of the rows
     * carrying it; {@code storedReactions} maps {@link #key} of each reaction row to its kind.
     */
    Verdict check(Map<Long, List<Long>> stored, Map<Long, String> storedReactions) {
        var examples = new ArrayList<String>();
        long lost = 0;
        for (var post : posts.values()) {
            var ids = stored.get(post.nonce());
            if (ids == null || !ids.contains(post.id())) {
                lost++;
                example(examples, "post nonce " + post.nonce() + " acknowledged as id " + post.id() + ", stored as "
                        + ids);
            }
        }
        long twice = 0;
        long twiceAcknowledged = 0;
        long unacknowledged = 0;
        for (var row : stored.entrySet()) {
            boolean acknowledged = posts.containsKey(row.getKey());
            if (row.getValue().size() > 1) {
                twice++;
                if (acknowledged) {
                    twiceAcknowledged++;
                }
                example(examples, "post nonce " + row.getKey() + " stored as ids " + row.getValue());
            }
            if (!acknowledged) {
                unacknowledged++;
            }
        }
        long reactionsLost = 0;
        for (var reaction : reactions.entrySet()) {
            String kind = storedReactions.get(reaction.getKey());
            if (!reaction.getValue().equals(kind)) {
                reactionsLost++;
                example(examples, "reaction " + reaction.getValue() + " on post " + (reaction.getKey() >>> 24)
                        + " by person " + (reaction.getKey() & 0xFFFFFF) + " stored as " + kind);
            }
        }
        return new Verdict(posts.size(), lost, twice, twiceAcknowledged, unacknowledged, reactions.size(),
                reactionsLost, examples);
    }

    /** One number for a person's reaction to a post (person ids below 2^24). */
    static long key(long postId, long personId) {
        return postId << 24 | personId;
    }

    private static void example(List<String> examples, String text) {
        if (examples.size() < 10) {
            examples.add(text);
        }
    }
}
