package org.incrowd.insight.opinions.polis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PolisExportTests {

    private static final String COMMENTS = """
            timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body
            1000,Mon,0,7,2,0,1,"A statement, with a comma"
            1001,Mon,1,7,0,1,-1,Hidden by a moderator
            1002,Mon,2,8,1,1,0,"Two lines:
            here"
            """;

    @TempDir
    Path folder;

    /** Voters, votes and Pol.is's groups as counted in the files (see ../shared/data/README.md). */
    @Test
    void readsEachPolisConversation() {
        assumeTrue(PolisConversations.available(), "no Pol.is data in " + PolisConversations.FOLDER.toAbsolutePath());
        var expected = Map.of("15-per-hour-seattle", new int[] {339, 2872, 138, 54},
                "brexit-consensus", new int[] {204, 5303, 197, 50},
                "scoop-hivemind.ubi", new int[] {234, 7153, 234, 71},
                "vtaiwan.uberx", new int[] {1921, 49443, 1219, 197});
        for (String name : PolisConversations.names()) {
            var export = PolisConversations.read(name);
            int[] counts = expected.get(name);
            assumeTrue(counts != null, "unknown conversation " + name);
            assertThat(export.participants()).as(name + " voters").hasSize(counts[0]);
            assertThat(export.votes()).as(name + " votes (latest per voter and comment)").hasSize(counts[1]);
            assertThat(export.polisGroups()).as(name + " participants Pol.is grouped").hasSize(counts[2]);
            assertThat(export.comments()).as(name + " comments").hasSize(counts[3]);
            assertThat(export.voteMatrix().participants()).isEqualTo(counts[0]);
        }
    }

    @Test
    void keepsTheLatestVoteOfEachVoterOnEachCommentAndExcludesHiddenComments() throws IOException {
        write("comments.csv", COMMENTS);
        write("votes.csv", """
                timestamp,datetime,comment-id,voter-id,vote
                3000,x,0,5,-1
                2000,x,0,5,1
                2500,x,1,5,1
                2600,x,2,6,0
                """);
        var export = PolisExport.read(folder);

        assertThat(export.comments()).extracting(PolisExport.Comment::text)
                .containsExactly("A statement, with a comma", "Hidden by a moderator", "Two lines:\nhere");
        assertThat(export.comment(1).orElseThrow().hidden()).isTrue();
        assertThat(export.votes()).containsExactly(new PolisExport.Vote(2500, 1, 5, 1),
                new PolisExport.Vote(2600, 2, 6, 0), new PolisExport.Vote(3000, 0, 5, -1));
        var matrix = export.voteMatrix();
        assertThat(matrix.vote(5, 0)).isEqualTo(-1);
        assertThat(matrix.isExcluded(1)).isTrue();
        assertThat(matrix.statements()).isEqualTo(2);
        assertThat(export.polisGroups()).isEmpty();
    }

    @Test
    void readsVotesAndPolisGroupsFromParticipantsVotesWhenVotesCsvIsMissing() throws IOException {
        write("comments.csv", COMMENTS);
        write("participants-votes.csv", """
                participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,1,2
                5,0,0,2,1,0,1,,0
                6,,0,1,0,1,,-1,
                """);
        var export = PolisExport.read(folder);

        assertThat(export.votes()).extracting(v -> List.of(v.voter(), v.comment(), (long) v.value()))
                .containsExactlyInAnyOrder(List.of(5L, 0L, 1L), List.of(5L, 2L, 0L), List.of(6L, 1L, -1L));
        assertThat(export.polisGroups()).containsExactly(Map.entry(5L, 0));
    }

    @Test
    void theVotesOfBothFilesAgreeOnARealConversation() throws IOException {
        assumeTrue(PolisConversations.available(), "no Pol.is data in " + PolisConversations.FOLDER.toAbsolutePath());
        var real = PolisConversations.FOLDER.resolve("brexit-consensus");
        Files.copy(real.resolve("comments.csv"), folder.resolve("comments.csv"));
        Files.copy(real.resolve("participants-votes.csv"), folder.resolve("participants-votes.csv"));

        var fromVotes = PolisExport.read(real).votes().stream().map(PolisExportTests::withoutTime)
                .collect(Collectors.toSet());
        var fromMatrix = PolisExport.read(folder).votes().stream().map(PolisExportTests::withoutTime)
                .collect(Collectors.toSet());
        assertThat(fromMatrix).isEqualTo(fromVotes);
    }

    private static List<Long> withoutTime(PolisExport.Vote vote) {
        return List.of(vote.voter(), vote.comment(), (long) vote.value());
    }

    @Test
    void aMalformedFileIsNamedWithItsLine() throws IOException {
        write("comments.csv", COMMENTS);
        write("votes.csv", """
                timestamp,datetime,comment-id,voter-id,vote
                3000,x,0,5,-1
                3001,x,0,6,yes
                """);

        assertThatThrownBy(() -> PolisExport.read(folder)).isInstanceOf(PolisExport.PolisExportException.class)
                .hasMessage("votes.csv line 3: vote must be a whole number, not 'yes'");
    }

    @Test
    void anUnclosedQuoteIsNamedWithTheLineItOpensOn() throws IOException {
        write("comments.csv", COMMENTS + "1003,Mon,3,8,0,0,1,\"no end\n");
        write("votes.csv", "timestamp,datetime,comment-id,voter-id,vote\n");

        assertThatThrownBy(() -> PolisExport.read(folder))
                .hasMessage("comments.csv line 6: a quoted field opened here is never closed");
    }

    @Test
    void aMissingColumnOrFileIsNamed() throws IOException {
        write("comments.csv", "timestamp,comment-id\n1,2\n");

        assertThatThrownBy(() -> PolisExport.read(folder))
                .hasMessageStartingWith("comments.csv line 1: no column 'author-id'");
        Files.delete(folder.resolve("comments.csv"));
        assertThatThrownBy(() -> PolisExport.read(folder)).hasMessageContaining("comments.csv");
        assertThatThrownBy(() -> PolisExport.read(folder.resolve("nowhere")))
                .hasMessageStartingWith("No such folder");
    }

    @Test
    void aRowWithTooFewFieldsIsAnError() throws IOException {
        write("comments.csv", COMMENTS);
        write("votes.csv", "timestamp,datetime,comment-id,voter-id,vote\n1,x,0\n");

        assertThatThrownBy(() -> PolisExport.read(folder))
                .hasMessage("votes.csv line 2: expected 5 fields as in the header, found 3");
    }

    @Test
    void analyseOpinionsWritesJsonWithGroupsParticipantsConsensusAndDivisive() {
        assumeTrue(PolisConversations.available(), "no Pol.is data in " + PolisConversations.FOLDER.toAbsolutePath());
        var conversation = PolisConversations.FOLDER.resolve("scoop-hivemind.ubi");
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();

        int code = new AnalyseOpinionsCommand().run(List.of(conversation.toString()), print(out), print(err));

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.get("groups").isArray()).isTrue();
        assertThat(json.get("groups").size()).isGreaterThanOrEqualTo(2);
        var group = json.get("groups").get(0);
        assertThat(group.has("id") && group.has("size") && group.get("representative").isArray()).isTrue();
        assertThat(json.get("consensus").isArray()).isTrue();
        assertThat(json.get("divisive").isArray()).isTrue();
        var ids = new HashSet<String>();
        for (var participant : json.get("participants")) {
            ids.add(participant.get("id").asString());
            assertThat(participant.has("group")).isTrue();
        }
        var expected = PolisExport.read(conversation).participants().stream().map(String::valueOf)
                .collect(Collectors.toSet());
        assertThat(ids).isEqualTo(expected);
    }

    @Test
    void analyseOpinionsOnAMissingFolderSaysSoWithoutAStackTrace() {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();

        int code = new AnalyseOpinionsCommand().run(List.of(folder.resolve("missing").toString()), print(out),
                print(err));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("incrowd: No such folder").doesNotContain(
                "Exception").doesNotContain("\tat ");
        assertThat(out.size()).isZero();
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(folder.resolve(name), content);
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
