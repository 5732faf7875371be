package org.incrowd.insight.opinions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.HashSet;
import java.util.function.Consumer;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.incrowd.discussion.Importing;
import org.incrowd.discussion.ImportedReaction;
import org.incrowd.discussion.ImportedStatement;
import org.incrowd.discussion.ReactionKind;
import org.incrowd.identity.Actor;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.ImportedPerson;
import org.incrowd.identity.Person;
import org.incrowd.insight.opinions.polis.LatestVotes;
import org.incrowd.insight.opinions.polis.PolisExport;
import org.incrowd.insight.opinions.polis.PolisExport.Vote;
import org.incrowd.jam.JamService;
import org.incrowd.shared.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;

/**
 * Imports a Pol.is conversation into a forum: its comments become ideas, its participants become accounts that cannot
 * sign in, its votes become reactions.
 * <ol>
 * <li>The upload is copied, as a stream, into a folder of its own under this node's data folder and checked in one
 * streaming pass: a bad file, or more votes than {@code incrowd.polis.max-votes}, is refused with its problem and
 * changes nothing.</li>
 * <li>The import is queued in the database, and one thread per node runs this node's queue, oldest first: one import
 * at a time, whatever number of organisers upload. The queue survives a restart; an import the restart interrupted
 * is marked failed with that reason (its writing cannot be resumed halfway).</li>
 * <li>The import streams the files again and writes in bounded batches. What it holds: the shown comments (small beside
 * the votes), participant ids, and each voter's latest vote per statement in {@link LatestVotes} (about 50 bytes a
 * vote, within the {@code max-votes} budget); never the votes file's text or the upload's bytes.</li>
 * <li>Whatever stops it, an error of the JVM included, marks the import failed with the reason.</li>
 * </ol>
 */
@Service
class PolisImports implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PolisImports.class);
    /** Votes written per transaction: progress moves visibly and no transaction grows huge. */
    static final int VOTE_BATCH = 2_000;
    /** Statements and people written per transaction. */
    static final int BATCH = 500;
    /** The file names of a Pol.is export, as the upload form names its fields' files. */
    static final String COMMENTS = PolisExport.COMMENTS;
    static final String VOTES = PolisExport.VOTES;
    static final String PARTICIPANTS_VOTES = PolisExport.PARTICIPANTS_VOTES;
    /** A reason shown on the progress page is cut to this length (it may quote the file). */
    private static final int MAX_PROBLEM = 500;

    private final IdentityService identity;
    private final JamService jams;
    private final Importing discussion;
    private final PolisImportJobs jobs;
    private final Clock clock;
    private final Path folder;
    private final long maxVotes;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    PolisImports(IdentityService identity, JamService jams, Importing discussion, PolisImportJobs jobs,
                 Clock clock, @Value("${incrowd.polis.import-dir:${incrowd.data-dir}/polis-imports}") String folder,
                 @Value("${incrowd.polis.max-votes:5000000}") long maxVotes) {
        this.identity = identity;
        this.jams = jams;
        this.discussion = discussion;
        this.jobs = jobs;
        this.clock = clock;
        this.folder = Path.of(folder).toAbsolutePath().normalize();
        this.maxVotes = maxVotes;
    }

    /** Checks rights and files now; queues the import and returns its id. */
    String start(Actor actor, long forumId, Map<String, ? extends InputStreamSource> files) {
        var place = jams.requireForum(actor, forumId);
        if (!actor.canOrganise()) {
            throw Refusal.forbidden("error.forbidden");
        }
        if (!files.containsKey(COMMENTS) || !(files.containsKey(VOTES) || files.containsKey(PARTICIPANTS_VOTES))) {
            throw Refusal.invalid("files", "polis.import.filesMissing");
        }
        String id = UUID.randomUUID().toString();
        Path upload = folder.resolve(id);
        try {
            Files.createDirectories(upload);
            for (var file : files.entrySet()) {
                try (InputStream in = file.getValue().getInputStream()) {
                    Files.copy(in, upload.resolve(file.getKey()));
                }
            }
            check(upload);
        } catch (IOException e) {
            deleteQuietly(upload);
            throw new UncheckedIOException(e);
        } catch (RuntimeException refused) {
            deleteQuietly(upload);
            throw refused;
        }
        jobs.queue(id, place.jam().id(), forumId, actor.personId(), upload.toString(), clock.instant());
        wakeUp.release();
        return id;
    }

    ImportProgress progress(Actor actor, long forumId, String id) {
        jams.requireForum(actor, forumId);
        return jobs.find(id).filter(job -> job.forumId() == forumId && actor.canOrganise())
                .orElseThrow(() -> Refusal.notFound("polis.import.unknown"));
    }

    /** One streaming pass over the files: refuses what cannot be imported, holding nothing but a count. */
    private void check(Path upload) {
        try {
            PolisExport.readComments(upload.resolve(COMMENTS), comment -> { });
            long[] votes = {0};
            if (Files.exists(upload.resolve(VOTES))) {
                PolisExport.readVotes(upload.resolve(VOTES), vote -> votes[0]++);
            } else {
                PolisExport.readParticipantsVotes(upload.resolve(PARTICIPANTS_VOTES), (p, g) -> { },
                        vote -> votes[0]++);
            }
            if (votes[0] > maxVotes) {
                throw Refusal.invalid("files", "polis.import.tooManyVotes", votes[0], maxVotes);
            }
        } catch (PolisExport.PolisExportException unreadable) {
            // The folder means nothing to the organiser; the file name and line do.
            throw Refusal.invalid("files", "polis.import.unreadable", cut(unreadable.getMessage()
                    .replace(upload + java.io.File.separator, "").replace(upload.toString(), "the upload")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- the queue: one thread per node ------------------------------------------------------------------------

    @Override
    public synchronized void start() {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the import folder " + folder, e);
        }
        int interrupted = jobs.failInterrupted(folder.toString(), "The server stopped during the import. Nothing "
                + "after the last progress shown was written; import the files again into a new forum.",
                clock.instant());
        if (interrupted > 0) {
            log.warn("{} Pol.is import(s) were interrupted by a restart and are marked failed", interrupted);
        }
        removeLeftovers();
        running = true;
        worker = Thread.ofPlatform().daemon().name("polis-import").start(this::work);
    }

    @Override
    public synchronized void stop() {
        running = false;
        wakeUp.release();
        try {
            worker.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Files of imports that will not run (interrupted, or uploads a crash cut short) leave the data folder. */
    private void removeLeftovers() {
        var waiting = jobs.queued(folder.toString()).stream().map(PolisImportJobs.Queued::folder).toList();
        try (var uploads = Files.list(folder)) {
            uploads.filter(upload -> !waiting.contains(upload.toString())).forEach(PolisImports::deleteQuietly);
        } catch (IOException e) {
            log.warn("Import folder {} could not be tidied", folder, e);
        }
    }

    private void work() {
        while (running) {
            try {
                for (var job : jobs.queued(folder.toString())) {
                    if (!running) {
                        return;
                    }
                    if (jobs.start(job.id(), clock.instant())) {
                        run(job);
                    }
                }
                wakeUp.tryAcquire(5, TimeUnit.SECONDS); // a wake-up after each upload; the poll is a fallback
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Pol.is import queue: could not read the queue ({}); retrying", e.toString());
            }
        }
    }

    private void run(PolisImportJobs.Queued job) {
        var upload = Path.of(job.folder());
        try {
            var actor = identity.find(job.personId()).map(Person::asActor)
                    .orElseThrow(() -> new IllegalStateException("the organiser who started it no longer exists"));
            var counts = write(actor, job, upload);
            jobs.finish(job.id(), ImportProgress.State.DONE, null, clock.instant());
            log.info("Pol.is conversation imported into forum {}: {} statements, {} votes", job.forumId(),
                    counts[0], counts[1]);
        } catch (Throwable e) { // an OutOfMemoryError too: the import must not look as if it were still running
            log.error("Pol.is import into forum {} failed", job.forumId(), e);
            jobs.finish(job.id(), ImportProgress.State.FAILED, problem(e), clock.instant());
        } finally {
            deleteQuietly(upload);
        }
    }

    /** Writes one import in batches; returns {statements, votes} written. */
    private long[] write(Actor actor, PolisImportJobs.Queued job, Path upload) throws IOException {
        // Statements shown, in Pol.is's id order (its moderators hid the others, whose votes go with them).
        var shown = new ArrayList<PolisExport.Comment>();
        int[] leftOut = {0};
        PolisExport.readComments(upload.resolve(COMMENTS), comment -> {
            if (comment.hidden()) {
                leftOut[0]++;
            } else {
                shown.add(comment);
            }
        });
        shown.sort(Comparator.comparingLong(PolisExport.Comment::id));
        var shownIds = new HashSet<Long>();
        shown.forEach(comment -> shownIds.add(comment.id()));
        // Each voter's latest vote on each shown statement (participants-votes.csv has one per cell anyway).
        var votes = new LatestVotes(maxVotes);
        Consumer<Vote> keep = vote -> {
            if (shownIds.contains(vote.comment())) {
                votes.add(vote);
            }
        };
        if (Files.exists(upload.resolve(VOTES))) {
            PolisExport.readVotes(upload.resolve(VOTES), keep);
        } else {
            PolisExport.readParticipantsVotes(upload.resolve(PARTICIPANTS_VOTES), (participant, group) -> { }, keep);
        }
        jobs.totals(job.id(), shown.size(), leftOut[0], votes.size());

        var participants = new TreeSet<Long>();
        shown.forEach(comment -> participants.add(comment.author()));
        votes.forEachVoter(participants::add);
        var personOf = importPeople(actor, job, participants);
        var postOf = importStatements(actor, job, shown, personOf);
        long written = importVotes(actor, job, votes, postOf, personOf);
        discussion.finishImport(actor, job.forumId(), postOf.size(), (int) written);
        return new long[] {postOf.size(), written};
    }

    /**
     * Every author and voter, once, keyed by forum so a second import reuses them. Created in Pol.is's participant
     * order, so the map orders them (and breaks ties) as Pol.is did.
     */
    private Map<Long, Long> importPeople(Actor actor, PolisImportJobs.Queued job, TreeSet<Long> participants) {
        var personOf = new HashMap<Long, Long>();
        var batch = new ArrayList<Long>(BATCH);
        for (long participant : participants) {
            batch.add(participant);
            if (batch.size() == BATCH || personOf.size() + batch.size() == participants.size()) {
                var people = batch.stream().map(id -> new ImportedPerson("polis-" + job.forumId() + "-" + id,
                        "Pol.is participant " + id)).toList();
                var keys = identity.importPeople(actor, people);
                for (int i = 0; i < batch.size(); i++) {
                    personOf.put(batch.get(i), keys.get(people.get(i).key()));
                }
                batch.clear();
                jobs.progress(job.id(), personOf.size(), 0, 0);
            }
        }
        return personOf;
    }

    private Map<Long, Long> importStatements(Actor actor, PolisImportJobs.Queued job,
                                             List<PolisExport.Comment> shown, Map<Long, Long> personOf) {
        var postOf = new HashMap<Long, Long>();
        Instant now = clock.instant();
        for (int from = 0; from < shown.size(); from += BATCH) {
            var batch = shown.subList(from, Math.min(shown.size(), from + BATCH));
            var postIds = discussion.importStatements(actor, job.forumId(), batch.stream()
                    .map(c -> new ImportedStatement(personOf.get(c.author()), c.text(), instant(c.timestamp(), now)))
                    .toList());
            for (int i = 0; i < batch.size(); i++) {
                postOf.put(batch.get(i).id(), postIds.get(i));
            }
            jobs.progress(job.id(), personOf.size(), postOf.size(), 0);
        }
        return postOf;
    }

    private long importVotes(Actor actor, PolisImportJobs.Queued job, LatestVotes votes, Map<Long, Long> postOf,
                             Map<Long, Long> personOf) {
        var batch = new ArrayList<ImportedReaction>(VOTE_BATCH);
        long[] written = {0};
        Instant now = clock.instant();
        Runnable flush = () -> {
            discussion.importReactions(actor, job.forumId(), batch);
            written[0] += batch.size();
            batch.clear();
            jobs.progress(job.id(), personOf.size(), postOf.size(), written[0]);
        };
        votes.forEachInTimeOrder(vote -> {
            batch.add(new ImportedReaction(postOf.get(vote.comment()), personOf.get(vote.voter()),
                    kind(vote.value()), instant(vote.timestamp(), now)));
            if (batch.size() == VOTE_BATCH) {
                flush.run();
            }
        });
        if (!batch.isEmpty()) {
            flush.run();
        }
        return written[0];
    }

    /** Why an import stopped, in a sentence the progress page can show. */
    private static String problem(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return "The server ran out of memory during the import. Import a smaller conversation, or give the "
                    + "server more memory.";
        }
        return cut(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    private static String cut(String text) {
        return text.length() <= MAX_PROBLEM ? text : text.substring(0, MAX_PROBLEM) + "…";
    }

    /** Pol.is times are epoch milliseconds; participants-votes.csv has none, so the import's own time stands in. */
    private static Instant instant(long epochMillis, Instant fallback) {
        return epochMillis > 0 ? Instant.ofEpochMilli(epochMillis) : fallback;
    }

    private static ReactionKind kind(int vote) {
        return vote > 0 ? ReactionKind.AGREE : vote < 0 ? ReactionKind.DISAGREE : ReactionKind.PASS;
    }

    private static void deleteQuietly(Path upload) {
        try (var files = Files.list(upload)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(upload);
        } catch (IOException e) {
            log.warn("Import folder {} was not removed", upload, e);
        }
    }
}
