package org.incrowd.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.incrowd.report.OpenDataDownloads.files;
import static org.incrowd.report.OpenDataDownloads.perform;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.incrowd.identity.Person;
import org.incrowd.insight.OpinionMemberships;
import org.incrowd.insight.opinions.algorithm.AdjustedRandIndex;
import org.incrowd.jam.Forum;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The round trip of the Pol.is format: a real Pol.is conversation (../shared/data/polis/brexit-consensus) is
 * imported into a forum and grouped; the forum's open data is exported; its polis/ files are imported with
 * Incrowd's own Pol.is import into a forum of a new Jam; that forum's opinion map has the same groups, participant
 * for participant.
 */
@IncrowdTest
class OpenDataPolisRoundTripIntegrationTests {

    static final Path CONVERSATION = Path.of("../shared/data/polis/brexit-consensus");

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    OpinionMemberships opinions;

    @Test
    void thePolisFilesOfAnExportImportBackWithTheSameOpinionGroups() throws Exception {
        assumeThat(Files.isDirectory(CONVERSATION)).as("shared Pol.is data present").isTrue();
        var fixtures = Fixtures.of(context);
        var organiser = fixtures.organiser();
        var first = fixtures.liveJam("Brexit, imported");
        var original = fixtures.forum(first, "Can there be consensus on Brexit?");
        importPolis(fixtures, organiser, original, Files.readAllBytes(CONVERSATION.resolve("comments.csv")),
                Files.readAllBytes(CONVERSATION.resolve("votes.csv")));
        recompute(fixtures, organiser, first.id());

        var export = files(perform(mvc, get("/jams/" + first.id() + "/open-data.zip?forum=" + original.id())
                .with(fixtures.bearer(organiser))).getContentAsByteArray());
        var exported = groups(export.get("polis/participants-votes.csv"));
        assertThat(new HashMap<>(exported).values()).as("the exported conversation has opinion groups")
                .contains(0, 1);

        var second = fixtures.liveJam("Brexit, re-imported from open data");
        var copy = fixtures.forum(second, "The same conversation");
        importPolis(fixtures, organiser, copy, export.get("polis/comments.csv").getBytes(StandardCharsets.UTF_8),
                export.get("polis/votes.csv").getBytes(StandardCharsets.UTF_8));
        recompute(fixtures, organiser, second.id());

        var map = opinions.of(second.id(), copy.id()).orElseThrow();
        var before = new ArrayList<Integer>();
        var after = new ArrayList<Integer>();
        exported.forEach((participant, group) -> {
            var person = fixtures.identity().findByEmail("polis-" + copy.id() + "-" + participant
                    + "@imported.invalid").orElseThrow();
            before.add(group);
            after.add(map.groupOf(person.id()));
        });
        assertThat(map.groups()).hasSize((int) exported.values().stream().filter(g -> g >= 0).distinct().count());
        assertThat(AdjustedRandIndex.of(before, after)).as("the same partition into groups").isEqualTo(1.0);
        assertThat(after).as("even the same group ids, participant for participant").isEqualTo(before);
    }

    /** Pol.is participant → group id (−1 ungrouped), from a participants-votes.csv. */
    private static Map<Integer, Integer> groups(String participantsVotes) {
        var groups = new HashMap<Integer, Integer>();
        participantsVotes.lines().skip(1).forEach(line -> {
            var cells = Arrays.asList(line.split(",", -1));
            groups.put(Integer.parseInt(cells.get(0)), cells.get(1).isEmpty() ? -1 : Integer.parseInt(cells.get(1)));
        });
        return groups;
    }

    private void importPolis(Fixtures fixtures, Person organiser, Forum forum, byte[] comments, byte[] votes)
            throws Exception {
        var answer = mvc.perform(multipart("/forums/" + forum.id() + "/import/polis")
                        .file(new MockMultipartFile("comments", "comments.csv", "text/csv", comments))
                        .file(new MockMultipartFile("votes", "votes.csv", "text/csv", votes))
                        .with(fixtures.bearer(organiser)).accept("text/html"))
                .andReturn().getResponse();
        assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(302);
        var deadline = Instant.now().plus(Duration.ofMinutes(2));
        String page;
        do {
            Thread.sleep(200);
            page = mvc.perform(get(answer.getRedirectedUrl()).with(fixtures.bearer(organiser)))
                    .andReturn().getResponse().getContentAsString();
        } while (!page.contains("The conversation is imported.") && !page.contains("role=\"alert\"")
                && Instant.now().isBefore(deadline));
        assertThat(page).contains("The conversation is imported.");
    }

    /** The organiser's "recompute now"; a pass already running on this node answers 409, and is waited for. */
    private void recompute(Fixtures fixtures, Person organiser, long jamId) throws Exception {
        var deadline = Instant.now().plus(Duration.ofMinutes(2));
        int status;
        do {
            status = mvc.perform(post("/jams/" + jamId + "/opinions/recompute").with(fixtures.bearer(organiser)))
                    .andReturn().getResponse().getStatus();
            if (status == 409) {
                Thread.sleep(200);
            }
        } while (status == 409 && Instant.now().isBefore(deadline));
        assertThat(status).isEqualTo(302);
    }
}
