package org.incrowd.live.internal;

import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
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

    /** A thread, with what the log needs to route its event. */
    record ChangedThread(long jamId, long forumId, long threadId) {
    }

    private final LiveLog log;
    private final WakeUps wakeUps;
    private final Clock clock;
    private final Map<ChangedThread, Set<Long>> changed = new ConcurrentHashMap<>();

    Tallies(LiveLog log, WakeUps wakeUps, Clock clock) {
        this.log = log;
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
            String ids = posts.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
            log.append(thread.jamId(), thread.forumId(), thread.threadId(), "tally",
                    "{\"thread\":" + thread.threadId() + ",\"posts\":[" + ids + "]}", clock.instant());
            any = true;
        }
        if (any) {
            wakeUps.committed();
        }
    }
}
