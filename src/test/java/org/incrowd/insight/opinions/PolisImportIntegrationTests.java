package org.incrowd.insight.opinions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.incrowd.discussion.Importing;
import org.incrowd.discussion.ImportingThatRunsOutOfMemory;
import org.incrowd.shared.Refusal;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.InputStreamSource;
import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.insight.opinions.algorithm.AdjustedRandIndex;
import org.incrowd.insight.opinions.algorithm.OpinionAnalysis;
import org.incrowd.insight.opinions.algorithm.MissingVotes;
import org.incrowd.insight.opinions.algorithm.OpinionSettings;
import org.incrowd.insight.opinions.algorithm.VoteHistory;
import org.incrowd.insight.opinions.polis.LatestVotes;
import org.incrowd.insight.opinions.polis.PolisExport;
import org.incrowd.jam.Forum;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An organiser imports a real Pol.is conversation (../shared/data/polis/brexit-consensus) into a forum: the comments
 * become ideas, the votes reactions, and the forum's opinion map then groups the voters exactly as the analysis of
 * the export files does (whose agreement with Pol.is's own groups PolisAgreementTests measures).
 */
@IncrowdTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolisImportIntegrationTests {

    static final Path CONVERSATION = Path.of("../shared/data/polis/brexit-consensus");

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    PolisImports imports;
    @Autowired
    OpinionRecompute recompute;
    @Autowired
    OpinionSnapshots snapshots;

    @Autowired
    PolisImportJobs jobs;
    @TempDir
    Path folder;

    Fixtures fixtures;
    Person organiser;

    @BeforeAll
    void setUp() {
        fixtures = Fixtures.of(context);
        organiser = fixtures.organiser();
    }

    MockMultipartFile file(String field, String name) throws Exception {
        return new MockMultipartFile(field, name, "text/csv", Files.readAllBytes(CONVERSATION.resolve(name)));
    }

    MockHttpServletResponse upload(Forum forum, Person who, MockMultipartFile... files) throws Exception {
        var request = multipart("/forums/" + forum.id() + "/import/polis");
        for (var file : files) {
            request.file(file);
        }
        return mvc.perform(request.with(fixtures.bearer(who)).accept("text/html")).andReturn().getResponse();
    }

    ImportProgress awaitDone(Forum forum, String id) throws InterruptedException {
        return awaitDone(imports, forum, id);
    }

    ImportProgress awaitDone(PolisImports imports, Forum forum, String id) throws InterruptedException {
        var deadline = Instant.now().plus(Duration.ofMinutes(2));
        var progress = imports.progress(organiser.asActor(), forum.id(), id);
        while (progress.running() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            progress = imports.progress(organiser.asActor(), forum.id(), id);
        }
        return progress;
    }

    /** A node's import queue: its files in {@code node}'s folder, with its own vote budget. */
    PolisImports instance(Path node, long maxVotes, Importing discussion) {
        return new PolisImports(fixtures.identity(), fixtures.jams(), discussion, jobs, Clock.systemUTC(),
                node.toString(), maxVotes);
    }

    Path node() throws Exception {
        return Files.createTempDirectory(folder, "node");
    }

    Map<String, InputStreamSource> files() throws Exception {
        return Map.of(PolisImports.COMMENTS, new ByteArrayResource(Files.readAllBytes(CONVERSATION.resolve("comments.csv"))),
                PolisImports.VOTES, new ByteArrayResource(Files.readAllBytes(CONVERSATION.resolve("votes.csv"))));
    }

    @Test
    void anImportedConversationIsGroupedAsItsExportFilesAre() throws Exception {
        assumeThat(Files.isDirectory(CONVERSATION)).as("shared Pol.is data present").isTrue();
        var export = PolisExport.read(CONVERSATION);
        var jam = fixtures.liveJam("Brexit, imported");
        var forum = fixtures.forum(jam, "Can there be consensus on Brexit?");

        var answer = upload(forum, organiser, file("comments", "comments.csv"), file("votes", "votes.csv"));
        assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(302);
        String id = answer.getRedirectedUrl().replaceAll("^.*/import/polis/", "");
        var progress = awaitDone(forum, id);
        assertThat(progress.state()).as(String.valueOf(progress.problem())).isEqualTo(ImportProgress.State.DONE);
        long shown = export.comments().stream().filter(c -> !c.hidden()).count();
        assertThat(progress.statements()).isEqualTo(shown);
        assertThat(progress.statementsTotal()).isEqualTo(shown);
        assertThat(progress.votes()).isEqualTo(progress.votesTotal()).isPositive();

        var page = mvc.perform(get("/forums/" + forum.id() + "/import/polis/" + id).with(fixtures.bearer(organiser)))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(shown + " of " + shown + " statements").contains("The conversation is imported.");

        assertThat(recompute.recompute(jam.id())).isTrue();
        var map = snapshots.latest(jam.id(), forum.id()).orElseThrow();
        // The forum holds each voter's latest vote per statement, at its time; its map is their history (ADR 55).
        var latest = new LatestVotes(export.votes().size());
        export.votes().forEach(latest::add);
        var hidden = export.comments().stream().filter(PolisExport.Comment::hidden).map(PolisExport.Comment::id)
                .collect(java.util.stream.Collectors.toSet());
        var history = VoteHistory.builder();
        latest.forEachInTimeOrder(v -> {
            if (!hidden.contains(v.comment())) {
                history.vote(v.voter(), v.comment(), v.value(), v.timestamp());
            }
        });
        var fromTheFiles = OpinionAnalysis.history(history.build(), OpinionSettings.DEFAULT,
                MissingVotes.STATEMENT_AVERAGE);
        var inTheForum = new ArrayList<Integer>();
        var onTheCommandLine = new ArrayList<Integer>();
        for (var placement : fromTheFiles.placements()) {
            var person = fixtures.identity().findByEmail("polis-" + forum.id() + "-" + placement.participant()
                    + "@imported.invalid").orElseThrow();
            inTheForum.add(map.placementOf(person.id()).orElseThrow().group());
            onTheCommandLine.add(placement.group());
        }
        assertThat(map.groups()).hasSameSizeAs(fromTheFiles.groups());
        assertThat(AdjustedRandIndex.of(inTheForum, onTheCommandLine))
                .as("the forum groups the imported voters exactly as the analysis of the export files does")
                .isEqualTo(1.0);
    }

    @Test
    void aMalformedFileIsRefusedWithItsLineAndNothingIsWritten() throws Exception {
        var jam = fixtures.liveJam("Broken import");
        var forum = fixtures.forum(jam, "Broken");
        var comments = new MockMultipartFile("comments", "comments.csv", "text/csv",
                "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n1,x,notanumber,0,0,0,1,\"Hi\"\n"
                        .getBytes(StandardCharsets.UTF_8));
        var votes = new MockMultipartFile("votes", "votes.csv", "text/csv",
                "timestamp,datetime,comment-id,voter-id,vote\n".getBytes(StandardCharsets.UTF_8));
        var answer = upload(forum, organiser, comments, votes);
        assertThat(answer.getStatus()).isEqualTo(422);
        assertThat(answer.getContentAsString()).contains("The files could not be read").contains("comments.csv")
                .contains("line 2").doesNotContain("incrowd-polis-");
        assertThat(fixtures.reading().ideas(organiser.asActor(), forum.id(), 0).ideas()).isEmpty();
    }

    @Test
    void withoutVotesTheUploadAsksForThem() throws Exception {
        assumeThat(Files.isDirectory(CONVERSATION)).isTrue();
        var forum = fixtures.forum(fixtures.liveJam("Half an import"), "Half");
        var answer = upload(forum, organiser, file("comments", "comments.csv"));
        assertThat(answer.getStatus()).isEqualTo(422);
        assertThat(answer.getContentAsString()).contains("Choose comments.csv and either votes.csv or participants-votes.csv.");
    }

    @Test
    void aHugeHeaderLineIsRefusedWithoutBeingEchoed() throws Exception {
        var forum = fixtures.forum(fixtures.liveJam("Huge header"), "Huge");
        String header = "x".repeat(300_000);
        var comments = new MockMultipartFile("comments", "comments.csv", "text/csv",
                (header + "\n1\n").getBytes(StandardCharsets.UTF_8));
        var votes = new MockMultipartFile("votes", "votes.csv", "text/csv",
                "timestamp,datetime,comment-id,voter-id,vote\n".getBytes(StandardCharsets.UTF_8));

        var answer = upload(forum, organiser, comments, votes);

        assertThat(answer.getStatus()).isEqualTo(422);
        assertThat(answer.getContentAsString()).contains("The files could not be read", "comments.csv line 1",
                "characters)").hasSizeLessThan(50_000);
    }

    @Test
    void anExportWithMoreVotesThanTheServerTakesIsRefusedSayingSo() throws Exception {
        assumeThat(Files.isDirectory(CONVERSATION)).isTrue();
        var forum = fixtures.forum(fixtures.liveJam("Too big"), "Too big");
        var node = node();
        var small = instance(node, 100, fixtures.importing());

        assertThatThrownBy(() -> small.start(organiser.asActor(), forum.id(), files()))
                .isInstanceOfSatisfying(Refusal.class, refusal -> {
                    assertThat(refusal.messageKey()).isEqualTo("polis.import.tooManyVotes");
                    assertThat(refusal.arguments()[1]).isEqualTo(100L);
                });
        assertThat(node.toFile().list()).as("the refused upload's files are gone").isEmpty();
    }

    @Test
    void anImportStoppedByAnErrorIsMarkedFailedWithTheReason() throws Exception {
        assumeThat(Files.isDirectory(CONVERSATION)).isTrue();
        var forum = fixtures.forum(fixtures.liveJam("Out of memory"), "Out of memory");
        var imports = instance(node(), 10_000_000, new ImportingThatRunsOutOfMemory());
        imports.start();
        try {
            String id = imports.start(organiser.asActor(), forum.id(), files());
            var progress = awaitDone(imports, forum, id);

            assertThat(progress.state()).isEqualTo(ImportProgress.State.FAILED);
            assertThat(progress.problem()).contains("ran out of memory");
        } finally {
            imports.stop();
        }
    }

    @Test
    void queuedImportsRunAfterARestartAndOneItInterruptedIsMarkedFailed() throws Exception {
        assumeThat(Files.isDirectory(CONVERSATION)).isTrue();
        var forum = fixtures.forum(fixtures.liveJam("Restarted"), "Restarted");
        var node = node();
        var before = instance(node, 10_000_000, fixtures.importing()); // never started: the node stops first
        String interrupted = before.start(organiser.asActor(), forum.id(), files());
        String queued = before.start(organiser.asActor(), forum.id(), files());
        jobs.start(interrupted, Instant.now()); // it was running when the node stopped

        var after = instance(node, 10_000_000, fixtures.importing());
        after.start();
        try {
            var done = awaitDone(after, forum, queued);
            var failed = after.progress(organiser.asActor(), forum.id(), interrupted);

            assertThat(done.state()).as(String.valueOf(done.problem())).isEqualTo(ImportProgress.State.DONE);
            assertThat(done.votes()).isEqualTo(done.votesTotal()).isPositive();
            assertThat(failed.state()).isEqualTo(ImportProgress.State.FAILED);
            assertThat(failed.problem()).contains("The server stopped during the import");
        } finally {
            after.stop();
        }
    }

    @Test
    void participantsCannotImport() throws Exception {
        assumeThat(Files.isDirectory(CONVERSATION)).isTrue();
        var forum = fixtures.forum(fixtures.liveJam("Not yours"), "Not yours");
        var participant = fixtures.person("Curious", Role.PARTICIPANT);
        var answer = upload(forum, participant, file("comments", "comments.csv"), file("votes", "votes.csv"));
        assertThat(answer.getStatus()).isEqualTo(403);
        assertThat(fixtures.reading().ideas(organiser.asActor(), forum.id(), 0).ideas()).isEmpty();
    }
}
