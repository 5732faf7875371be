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
 * Reaction tallies, coalesced: a reaction only marks its post's thread as changed, and once a second each changed
 * thread gets one {@code tally} event with the counts of the posts whose counts moved, read then. A thread where
 * hundreds of people vote in a second costs its readers one event, and their pages put the counts in place without
 * fetching anything.
 *
 * <p>Each node coalesces the reactions it committed itself, so with several nodes a thread gets at most one tally a
 * second from each node, and none is lost to another node's flush. The marks live in memory: a node that dies within
 * the second after a reaction loses that hint (the count itself is committed and shows on the next fetch). Counts
 * read by two nodes' flushes at nearly the same moment may reach a page in the other order; the page then shows the
 * older count until the post's next tally or the next visit.
 */
@Component
class Tallies {

    private static final Logger log = LoggerFactory.getLogger(Tallies.class);
    /** Posts whose counts one statement reads: the list is bound as parameters, which databases cap. */
    private static final int COUNTS_PER_READ = 500;

    /** A thread, with what the log needs to route its event. */
    record ChangedThread(long jamId, long forumId, long threadId) {
    }

    private final LiveLog events;
    private final WakeUps wakeUps;
    private final Clock clock;
    private final Reading discussion;
    private final Map<ChangedThread, Set<Long>> changed = new ConcurrentHashMap<>();

    Tallies(LiveLog events, WakeUps wakeUps, Clock clock, Reading discussion) {
        this.events = events;
        this.wakeUps = wakeUps;
        this.clock = clock;
        this.discussion = discussion;
    }

    /** Called after a reaction committed. */
    void changed(long jamId, long forumId, long threadId, long postId) {
        // compute runs under the map's lock for this key, so a flush takes the whole set or none of this change
        changed.compute(new ChangedThread(jamId, forumId, threadId), (thread, posts) -> {
            var set = posts == null ? new HashSet<Long>() : posts;
            set.add(postId);
            return set;
        });
    }

    @Scheduled(fixedDelayString = "${incrowd.live.tally-ms:1000}")
    void flush() {
        var taken = new HashMap<ChangedThread, Set<Long>>();
        for (var thread : changed.keySet()) {
            var posts = changed.remove(thread);
            if (posts != null) {
                taken.put(thread, posts);
            }
        }
        if (taken.isEmpty()) {
            return;
        }
        Map<Long, ReactionCounts> counts;
        try {
            counts = countsOf(taken.values().stream().flatMap(Set::stream).toList());
        } catch (RuntimeException e) {
            // The database refused (it is restarting, say): the marks go back, so the next flush tries again.
            taken.forEach(this::putBack);
            log.warn("Could not read the counts of {} changed threads; trying again", taken.size(), e);
            return;
        }
        boolean any = false;
        for (var entry : taken.entrySet()) {
            var thread = entry.getKey();
            try {
                for (String payload : payloads(thread.threadId(), entry.getValue(), counts)) {
                    events.append(thread.jamId(), thread.forumId(), thread.threadId(), LiveEventType.TALLY, payload, clock.instant());
                    any = true;
                }
            } catch (RuntimeException e) {
                putBack(thread, entry.getValue());
                log.warn("Could not write the tallies of thread {}; trying again", thread.threadId(), e);
            }
        }
        if (any) {
            wakeUps.committed();
        }
    }

    private void putBack(ChangedThread thread, Set<Long> posts) {
        posts.forEach(post -> changed(thread.jamId(), thread.forumId(), thread.threadId(), post));
    }

    private Map<Long, ReactionCounts> countsOf(List<Long> posts) {
        var counts = new HashMap<Long, ReactionCounts>();
        for (int from = 0; from < posts.size(); from += COUNTS_PER_READ) {
            counts.putAll(discussion.countsOf(posts.subList(from, Math.min(posts.size(), from + COUNTS_PER_READ))));
        }
        return counts;
    }

    /**
     * The tally events of one thread: its changed posts in id order, each with its counts by the names the pages'
     * count marks carry ({@code data-kind}), split so that no payload outgrows the log's column. A busy thread
     * (hundreds of posts voted on within a second) gets several events, never a lost one.
     */
    static List<String> payloads(long threadId, Set<Long> posts, Map<Long, ReactionCounts> counts) {
        String head = "{\"thread\":" + threadId + ",\"posts\":[";
        String middle = "],\"counts\":[";
        String tail = "]}";
        var payloads = new ArrayList<String>();
        var ids = new StringBuilder();
        var tallies = new StringBuilder();
        for (long post : new TreeSet<>(posts)) {
            String id = Long.toString(post);
            String tally = tally(counts.getOrDefault(post, ReactionCounts.NONE));
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

    private static String tally(ReactionCounts counts) {
        var tally = new StringBuilder("{");
        for (var kind : ReactionKind.values()) {
            tally.append('"').append(kind.name()).append("\":").append(counts.of(kind)).append(',');
        }
        return tally.append("\"HELPFUL\":").append(counts.helpful()).append('}').toString();
    }
}
