package org.incrowd.live.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.incrowd.discussion.ReactionCounts;
import org.incrowd.discussion.ReactionKind;
import org.incrowd.discussion.Reading;
import org.incrowd.shared.LiveEventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reaction tallies, coalesced: a reaction or helpful mark only marks its post's thread as changed (a reply marks its
 * idea, whose reply count moved), and once a second each changed thread gets one {@code tally} event with the counts
 * of the posts whose counts moved, read then. A thread where hundreds of people vote in a second costs its readers one
 * event, and their pages put the counts in place without fetching anything.
 *
 * <p>Each node coalesces the reactions it committed itself, so with several nodes a thread gets at most one tally a
 * second from each node, and none is lost to another node's flush. The marks live in memory: a node that dies within
 * the second after a reaction loses that hint (the count itself is committed and shows on the next fetch).
 *
 * <p>Two nodes' flushes may read a post's counts in one order and append them to the log in the other, so that the
 * older counts arrive last. Each flush therefore takes a second look at the posts the previous one sent: counts that
 * differ from what it sent go out again, so the last counts a page gets are at most a second old.
 */
@Component
class Tallies {

    private static final Logger log = LoggerFactory.getLogger(Tallies.class);
    /** Posts whose counts one read covers: the list is bound as parameters, which databases cap. */
    private static final int COUNTS_PER_READ = 500;

    /** A thread, with what the log needs to route its event. */
    record ChangedThread(long jamId, long forumId, long threadId) {
    }

    /** What a flush sent for a post: its thread, and its counts as written in the tally. */
    private record Sent(ChangedThread thread, String tally) {
    }

    private final LiveLog events;
    private final WakeUps wakeUps;
    private final Clock clock;
    private final Reading discussion;
    private final Map<ChangedThread, Set<Long>> changed = new ConcurrentHashMap<>();
    /** The previous flush's posts, for the second look (only the flush, one thread at a time, reads and writes it). */
    private Map<Long, Sent> sentLastTime = Map.of();

    Tallies(LiveLog events, WakeUps wakeUps, Clock clock, Reading discussion) {
        this.events = events;
        this.wakeUps = wakeUps;
        this.clock = clock;
        this.discussion = discussion;
    }

    /** Called after a reaction, a helpful mark or a reply (for its idea's reply count) committed. */
    void changed(long jamId, long forumId, long threadId, long postId) {
        // compute runs under the map's lock for this key, so a flush takes the whole set or none of this change
        changed.compute(new ChangedThread(jamId, forumId, threadId), (thread, posts) -> {
            var set = posts == null ? new HashSet<Long>() : posts;
            set.add(postId);
            return set;
        });
    }

    @Scheduled(fixedDelayString = "${incrowd.live.tally-ms:1000}")
    synchronized void flush() {
        var taken = new HashMap<ChangedThread, Set<Long>>();
        for (var thread : changed.keySet()) {
            var posts = changed.remove(thread);
            if (posts != null) {
                taken.put(thread, posts);
            }
        }
        var lookAgain = new HashMap<>(sentLastTime);
        taken.values().forEach(posts -> posts.forEach(lookAgain::remove));
        sentLastTime = Map.of();
        if (taken.isEmpty() && lookAgain.isEmpty()) {
            return;
        }
        var toRead = new ArrayList<Long>(lookAgain.keySet());
        taken.values().forEach(toRead::addAll);
        Map<Long, String> counts;
        try {
            counts = countsOf(toRead, ideasAmong(taken, lookAgain));
        } catch (RuntimeException e) {
            // The database refused (it is restarting, say): the marks go back, so the next flush tries again.
            taken.forEach(this::putBack);
            lookAgain.forEach((post, sent) -> putBack(sent.thread(), Set.of(post)));
            log.warn("Could not read the counts of {} changed threads; trying again", taken.size(), e);
            return;
        }
        lookAgain.forEach((post, sent) -> {
            if (!counts.get(post).equals(sent.tally())) {
                taken.computeIfAbsent(sent.thread(), thread -> new HashSet<>()).add(post);
            }
        });
        var sent = new HashMap<Long, Sent>();
        for (var entry : taken.entrySet()) {
            var thread = entry.getKey();
            try {
                for (String payload : payloads(thread.threadId(), entry.getValue(), counts)) {
                    events.append(thread.jamId(), thread.forumId(), thread.threadId(), LiveEventType.TALLY, payload, clock.instant());
                }
                entry.getValue().forEach(post -> sent.put(post, new Sent(thread, counts.get(post))));
            } catch (RuntimeException e) {
                putBack(thread, entry.getValue());
                log.warn("Could not write the tallies of thread {}; trying again", thread.threadId(), e);
            }
        }
        sentLastTime = sent;
        if (!sent.isEmpty()) {
            wakeUps.committed();
        }
    }

    private void putBack(ChangedThread thread, Set<Long> posts) {
        posts.forEach(post -> changed(thread.jamId(), thread.forumId(), thread.threadId(), post));
    }

    /** The ideas among the posts to read: those that start their thread. */
    private static Set<Long> ideasAmong(Map<ChangedThread, Set<Long>> taken, Map<Long, Sent> lookAgain) {
        var ideas = new HashSet<Long>();
        taken.forEach((thread, posts) -> {
            if (posts.contains(thread.threadId())) {
                ideas.add(thread.threadId());
            }
        });
        lookAgain.forEach((post, sent) -> {
            if (post == sent.thread().threadId()) {
                ideas.add(post);
            }
        });
        return ideas;
    }

    /**
     * Each post's counts as the tally writes them: what every reader of its thread sees (a hidden post: null), with
     * the reply count for an idea.
     */
    private Map<Long, String> countsOf(List<Long> posts, Set<Long> ideas) {
        var counts = new HashMap<Long, ReactionCounts>();
        var replies = new HashMap<Long, Long>();
        for (int from = 0; from < posts.size(); from += COUNTS_PER_READ) {
            var some = posts.subList(from, Math.min(posts.size(), from + COUNTS_PER_READ));
            counts.putAll(discussion.countsEveryReaderSees(some));
            var someIdeas = some.stream().filter(ideas::contains).toList();
            if (!someIdeas.isEmpty()) {
                replies.putAll(discussion.replyCountsOf(someIdeas));
            }
        }
        var tallies = new HashMap<Long, String>();
        for (long post : posts) {
            tallies.put(post, tally(counts.get(post), ideas.contains(post) ? replies.getOrDefault(post, 0L) : null));
        }
        return tallies;
    }

    /**
     * The tally events of one thread: its changed posts in id order, each with its counts by the names the pages'
     * count marks carry ({@code data-kind}; null for a hidden post), split so that no payload outgrows the log's
     * column. A busy thread (hundreds of posts voted on within a second) gets several events, never a lost one.
     */
    static List<String> payloads(long threadId, Set<Long> posts, Map<Long, String> counts) {
        String head = "{\"thread\":" + threadId + ",\"posts\":[";
        String middle = "],\"counts\":[";
        String tail = "]}";
        var payloads = new ArrayList<String>();
        var ids = new StringBuilder();
        var tallies = new StringBuilder();
        for (long post : new TreeSet<>(posts)) {
            String id = Long.toString(post);
            String tally = counts.get(post);
            int length = head.length() + ids.length() + 1 + id.length() + middle.length() + tallies.length() + 1
                    + tally.length() + tail.length();
            if (!ids.isEmpty() && length > LiveLog.MAX_PAYLOAD) {
                payloads.add(head + ids + middle + tallies + tail);
                ids.setLength(0);
                tallies.setLength(0);
            }
            ids.append(ids.isEmpty() ? "" : ",").append(id);
            tallies.append(tallies.isEmpty() ? "" : ",").append(tally);
        }
        payloads.add(head + ids + middle + tallies + tail);
        return payloads;
    }

    private static String tally(ReactionCounts counts, Long replies) {
        if (counts == null) {
            // A hidden idea's list entry still shows how many replies it has, to everyone.
            return replies == null ? "null" : "{\"REPLIES\":" + replies + "}";
        }
        var tally = new StringBuilder("{");
        for (var kind : ReactionKind.values()) {
            tally.append('"').append(kind.name()).append("\":").append(counts.of(kind)).append(',');
        }
        tally.append("\"HELPFUL\":").append(counts.helpful());
        if (replies != null) {
            tally.append(",\"REPLIES\":").append(replies);
        }
        return tally.append('}').toString();
    }
}
