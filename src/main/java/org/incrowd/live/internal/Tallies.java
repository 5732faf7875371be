package org.incrowd.live.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.incrowd.shared.LiveEventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reaction tallies, coalesced: a reaction only marks its thread as changed, and once a second each changed thread
 * gets one {@code tally} event naming the posts whose counts moved. A thread where hundreds of people vote in a second
 * costs its readers one event and one fetch, not hundreds.
 *
 * <p>Each node coalesces the reactions it committed itself, so with several nodes a thread gets at most one tally a
 * second from each node, and none is lost to another node's flush. The marks live in memory: a node that dies within
 * the second after a reaction loses that hint (the count itself is committed and shows on the next fetch).
 */
@Component
class Tallies {

    private static final Logger log = LoggerFactory.getLogger(Tallies.class);

    /** A thread, with what the log needs to route its event. */
    record ChangedThread(long jamId, long forumId, long threadId) {
    }

    private final LiveLog events;
    private final WakeUps wakeUps;
    private final Clock clock;
    private final Map<ChangedThread, Set<Long>> changed = new ConcurrentHashMap<>();

    Tallies(LiveLog events, WakeUps wakeUps, Clock clock) {
        this.events = events;
        this.wakeUps = wakeUps;
        this.clock = clock;
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
        boolean any = false;
        for (var thread : changed.keySet()) {
            var posts = changed.remove(thread);
            if (posts == null) {
                continue;
            }
            try {
                for (String payload : payloads(thread.threadId(), posts)) {
                    events.append(thread.jamId(), thread.forumId(), thread.threadId(), LiveEventType.TALLY, payload, clock.instant());
                    any = true;
                }
            } catch (RuntimeException e) {
                // The database refused (it is restarting, say): the marks go back, so the next flush tries again.
                posts.forEach(post -> changed(thread.jamId(), thread.forumId(), thread.threadId(), post));
                log.warn("Could not write the tallies of thread {}; trying again", thread.threadId(), e);
            }
        }
        if (any) {
            wakeUps.committed();
        }
    }

    /**
     * The tally events of one thread: its changed posts, in id order, split so that no payload outgrows the log's
     * column. A busy thread (hundreds of posts voted on within a second) gets several events, never a lost one.
     */
    static List<String> payloads(long threadId, Set<Long> posts) {
        String head = "{\"thread\":" + threadId + ",\"posts\":[";
        var payloads = new ArrayList<String>();
        var ids = new StringBuilder();
        for (long post : new TreeSet<>(posts)) {
            String id = Long.toString(post);
            if (!ids.isEmpty() && head.length() + ids.length() + 1 + id.length() + 2 > LiveLog.MAX_PAYLOAD) {
                payloads.add(head + ids + "]}");
                ids.setLength(0);
            }
            ids.append(ids.isEmpty() ? "" : ",").append(id);
        }
        payloads.add(head + ids + "]}");
        return payloads;
    }
}
