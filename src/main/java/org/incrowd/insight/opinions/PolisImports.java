package org.incrowd.insight.opinions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.incrowd.discussion.Importing;
import org.incrowd.discussion.ImportedReaction;
import org.incrowd.discussion.ImportedStatement;
import org.incrowd.discussion.ReactionKind;
import org.incrowd.identity.Actor;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.ImportedPerson;
import org.incrowd.insight.opinions.polis.PolisExport;
import org.incrowd.jam.JamService;
import org.incrowd.shared.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Imports a Pol.is conversation into a forum: its comments become ideas, its participants become accounts that cannot
 * sign in, its votes become reactions. The files are read and checked before anything is written, so a bad file is
 * refused with its problem and changes nothing; the writing then runs in the background (one import at a time per
 * node) while the organiser watches its progress.
 */
@Service
class PolisImports {

    private static final Logger log = LoggerFactory.getLogger(PolisImports.class);
    /** Votes written per transaction: progress moves visibly and no transaction grows huge. */
    static final int VOTE_BATCH = 2_000;
    /** The file names of a Pol.is export, as the upload form names its fields' files. */
    static final String COMMENTS = "comments.csv";
    static final String VOTES = "votes.csv";
    static final String PARTICIPANTS_VOTES = "participants-votes.csv";

    private final IdentityService identity;
    private final JamService jams;
    private final Importing discussion;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("polis-import").daemon().factory());
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    PolisImports(IdentityService identity, JamService jams, Importing discussion, Clock clock) {
        this.identity = identity;
        this.jams = jams;
        this.discussion = discussion;
        this.clock = clock;
    }

    /** Checks rights and files now; returns the import's id while the writing goes on in the background. */
    String start(Actor actor, long forumId, Map<String, byte[]> files) {
        var place = jams.requireForum(actor, forumId);
        if (!actor.canOrganise()) {
            throw Refusal.forbidden("error.forbidden");
        }
        var export = read(files);
        var job = new Job(UUID.randomUUID().toString(), place.jam().id(), forumId, clock.instant());
        jobs.put(job.id, job);
        worker.execute(() -> run(actor, job, export));
        return job.id;
    }

    ImportProgress progress(Actor actor, long forumId, String id) {
        jams.requireForum(actor, forumId);
        var job = jobs.get(id);
        if (job == null || job.forumId != forumId || !actor.canOrganise()) {
            throw Refusal.notFound("polis.import.unknown");
        }
        return job.progress();
    }

    /** The uploaded files in a folder of their own, read as an export folder would be. */
    private static PolisExport read(Map<String, byte[]> files) {
        if (!files.containsKey(COMMENTS)
                || !(files.containsKey(VOTES) || files.containsKey(PARTICIPANTS_VOTES))) {
            throw Refusal.invalid("files", "polis.import.filesMissing");
        }
        Path folder = null;
        try {
            folder = Files.createTempDirectory("incrowd-polis-");
            for (var file : files.entrySet()) {
                Files.write(folder.resolve(file.getKey()), file.getValue());
            }
            return PolisExport.read(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (PolisExport.PolisExportException unreadable) {
            // The temporary folder means nothing to the organiser; the file name and line do.
            throw Refusal.invalid("files", "polis.import.unreadable",
                    unreadable.getMessage().replace(folder + java.io.File.separator, "")
                            .replace(folder.toString(), "the upload"));
        } finally {
            deleteQuietly(folder, files.keySet());
        }
    }

    private void run(Actor actor, Job job, PolisExport export) {
        try {
            write(actor, job, export);
            job.finish(ImportProgress.State.DONE, null, clock.instant());
            log.info("Pol.is conversation imported into forum {}: {} statements, {} votes", job.forumId,
                    job.statements, job.votes);
        } catch (RuntimeException e) {
            log.error("Pol.is import into forum {} failed", job.forumId, e);
            job.finish(ImportProgress.State.FAILED, e.getMessage(), clock.instant());
        }
    }

    private void write(Actor actor, Job job, PolisExport export) {
        var shown = export.comments().stream().filter(c -> !c.hidden()).toList();
        var shownIds = new java.util.HashSet<Long>();
        shown.forEach(c -> shownIds.add(c.id()));
        var votes = export.votes().stream().filter(v -> shownIds.contains(v.comment())).toList();
        job.statementsTotal = shown.size();
        job.leftOut = export.comments().size() - shown.size();
        job.votesTotal = votes.size();

        // People first: every author and voter, once, keyed by forum so a second import reuses them. Created in
        // Pol.is's participant order, so the map orders them (and breaks ties) as Pol.is did.
        var participants = new java.util.TreeMap<Long, ImportedPerson>();
        shown.forEach(c -> participants.computeIfAbsent(c.author(), id -> person(job.forumId, id)));
        votes.forEach(v -> participants.computeIfAbsent(v.voter(), id -> person(job.forumId, id)));
        var keys = identity.importPeople(actor, new ArrayList<>(participants.values()));
        var personOf = new HashMap<Long, Long>();
        participants.forEach((participant, person) -> personOf.put(participant, keys.get(person.key())));
        job.people = personOf.size();

        var statements = shown.stream().map(c -> new ImportedStatement(personOf.get(c.author()), c.text(),
                instant(c.timestamp(), job.startedAt))).toList();
        var postIds = discussion.importStatements(actor, job.forumId, statements);
        var postOf = new HashMap<Long, Long>();
        for (int i = 0; i < shown.size(); i++) {
            postOf.put(shown.get(i).id(), postIds.get(i));
        }
        job.statements = shown.size();

        var batch = new ArrayList<ImportedReaction>(VOTE_BATCH);
        for (var vote : votes) {
            batch.add(new ImportedReaction(postOf.get(vote.comment()), personOf.get(vote.voter()),
                    kind(vote.value()), instant(vote.timestamp(), job.startedAt)));
            if (batch.size() == VOTE_BATCH) {
                discussion.importReactions(actor, job.forumId, batch);
                job.votes += batch.size();
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            discussion.importReactions(actor, job.forumId, batch);
            job.votes += batch.size();
        }
        discussion.finishImport(actor, job.forumId, job.statements, (int) job.votes);
    }

    private static ImportedPerson person(long forumId, long participant) {
        return new ImportedPerson("polis-" + forumId + "-" + participant, "Pol.is participant " + participant);
    }

    /** Pol.is times are epoch milliseconds; participants-votes.csv has none, so the import's own time stands in. */
    private static Instant instant(long epochMillis, Instant fallback) {
        return epochMillis > 0 ? Instant.ofEpochMilli(epochMillis) : fallback;
    }

    private static ReactionKind kind(int vote) {
        return vote > 0 ? ReactionKind.AGREE : vote < 0 ? ReactionKind.DISAGREE : ReactionKind.PASS;
    }

    private static void deleteQuietly(Path folder, Iterable<String> names) {
        if (folder == null) {
            return;
        }
        try {
            for (String name : names) {
                Files.deleteIfExists(folder.resolve(name));
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            log.warn("Temporary import folder {} was not removed", folder, e);
        }
    }

    /** Progress of one import; written by the worker thread, read by page requests. */
    private static final class Job {
        final String id;
        final long jamId;
        final long forumId;
        final Instant startedAt;
        volatile int people;
        volatile int statements;
        volatile int statementsTotal;
        volatile int leftOut;
        volatile long votes;
        volatile long votesTotal;
        volatile ImportProgress.State state = ImportProgress.State.RUNNING;
        volatile String problem;
        volatile Instant finishedAt;

        Job(String id, long jamId, long forumId, Instant startedAt) {
            this.id = id;
            this.jamId = jamId;
            this.forumId = forumId;
            this.startedAt = startedAt;
        }

        void finish(ImportProgress.State state, String problem, Instant at) {
            this.problem = problem;
            this.finishedAt = at;
            this.state = state;
        }

        ImportProgress progress() {
            return new ImportProgress(id, jamId, forumId, state, people, statements, statementsTotal, leftOut, votes,
                    votesTotal, problem, startedAt, finishedAt);
        }
    }
}
