package org.incrowd.recognition.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.incrowd.recognition.Recognition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When a Jam's recognition is recomputed after its acts changed: at once, in the act's transaction, while the Jam has
 * few acts (milliseconds: the person who marked sees the credit move); in debounced batches for a large Jam, where a
 * recompute takes seconds and must not run once per click.
 */
@Component
class RecomputeSchedule {

    /** Up to this many acts a Jam is recomputed at once. */
    static final long AT_ONCE = 20_000;
    private static final Logger log = LoggerFactory.getLogger(RecomputeSchedule.class);

    private final RecognitionRows rows;
    private final Recognition recognition;
    private final Set<Long> waiting = ConcurrentHashMap.newKeySet();

    RecomputeSchedule(RecognitionRows rows, @Lazy Recognition recognition) {
        this.rows = rows;
        this.recognition = recognition;
    }

    void changed(long jamId) {
        if (rows.actCount(jamId) <= AT_ONCE) {
            recognition.recompute(jamId);
        } else {
            waiting.add(jamId);
        }
    }

    @Scheduled(initialDelayString = "${incrowd.recognition.debounce-ms:30000}",
            fixedDelayString = "${incrowd.recognition.debounce-ms:30000}")
    void recomputeWaiting() {
        for (var jamId : Set.copyOf(waiting)) {
            waiting.remove(jamId);
            try {
                recognition.recompute(jamId);
            } catch (RuntimeException e) {
                waiting.add(jamId);
                log.warn("Recognition of Jam {} not recomputed; tried again later", jamId, e);
            }
        }
    }
}
