package org.incrowd.jam.internal;

import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.incrowd.jam.InvitationDraft;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports of invitation files, one at a time in the background, so a file of 150,000 rows never holds a request
 * open: rows are written in batches, each batch with its mails in one transaction, and the page polls the
 * progress. Progress is kept on the node that runs the import; an import cut off by a restart is simply started
 * again (addresses invited already are left alone).
 */
@Component
public class InvitationImports {

    /** Rows per transaction: big enough for batched statements, small enough to show progress. */
    static final int BATCH = 2_000;

    /** Where an import stands; {@code invited} counts the addresses that were new. */
    public record Progress(String id, long jamId, int total, int done, int invited, boolean finished,
                           String problem) {

        public int percent() {
            return total == 0 ? 100 : (int) (100L * done / total);
        }
    }

    private final InvitationWriter writer;
    private final TransactionTemplate transaction;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(Thread.ofPlatform()
            .name("invitation-import").daemon(true).factory());
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Map<String, Job> held = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>());
    private static final int MAX_HELD = 20;

    InvitationImports(InvitationWriter writer, TransactionTemplate transaction) {
        this.writer = writer;
        this.transaction = transaction;
    }

    /** Queues the rows for writing and answers the import's id. */
    public String start(long jamId, List<InvitationDraft> rows) {
        var job = new Job(UUID.randomUUID().toString(), jamId, rows);
        jobs.put(job.id, job);
        runner.execute(() -> run(job));
        return job.id;
    }

    /**
     * Keeps the good rows of a file with bad lines until the organiser chooses to skip those lines (or sends a fixed
     * file); the last few files are kept, the oldest forgotten.
     */
    public String hold(long jamId, List<InvitationDraft> goodRows) {
        String id = UUID.randomUUID().toString();
        held.put(id, new Job(id, jamId, goodRows));
        while (held.size() > MAX_HELD) {
            held.keySet().stream().findFirst().ifPresent(held::remove);
        }
        return id;
    }

    /** Starts a held file's good rows; empty when it is unknown (forgotten, another Jam's, started already). */
    public Optional<String> startHeld(long jamId, String heldId) {
        var job = held.get(heldId);
        if (job == null || job.jamId != jamId || held.remove(heldId) == null) {
            return Optional.empty();
        }
        return Optional.of(start(jamId, job.rows));
    }

    public Optional<Progress> progress(long jamId, String id) {
        return Optional.ofNullable(jobs.get(id)).filter(job -> job.jamId == jamId).map(Job::progress);
    }

    private void run(Job job) {
        try {
            for (int from = 0; from < job.rows.size(); from += BATCH) {
                var batch = job.rows.subList(from, Math.min(job.rows.size(), from + BATCH));
                Integer invited = transaction.execute(status -> writer.invite(job.jamId, batch));
                job.invited.addAndGet(invited == null ? 0 : invited);
                job.done.addAndGet(batch.size());
            }
        } catch (RuntimeException failed) {
            job.problem = String.valueOf(failed.getMessage());
        } finally {
            job.finished = true;
        }
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    private static final class Job {
        final String id;
        final long jamId;
        final List<InvitationDraft> rows;
        final AtomicInteger done = new AtomicInteger();
        final AtomicInteger invited = new AtomicInteger();
        volatile boolean finished;
        volatile String problem;

        Job(String id, long jamId, List<InvitationDraft> rows) {
            this.id = id;
            this.jamId = jamId;
            this.rows = List.copyOf(rows);
        }

        Progress progress() {
            return new Progress(id, jamId, rows.size(), done.get(), invited.get(), finished, problem);
        }
    }
}
