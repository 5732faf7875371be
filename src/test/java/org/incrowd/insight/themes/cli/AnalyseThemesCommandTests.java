package org.incrowd.insight.themes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.incrowd.insight.themes.algorithm.ThemeAnalysisTestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AnalyseThemesCommandTests {

    @TempDir
    Path dir;

    @Test
    void writesThemesAndAnAssignmentPerDataRow() throws Exception {
        var lines = new ArrayList<String>();
        lines.add("id,text");
        List<String> texts = ThemeAnalysisTestData.bothTopics();
        for (int i = 0; i < texts.size(); i++) {
            lines.add(i + ",\"" + texts.get(i).replace("\"", "\"\"") + "\"");
        }
        Path file = dir.resolve("posts.csv");
        Files.write(file, lines);
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();

        int code = new AnalyseThemesCommand().run(List.of(file.toString(), "--text-column", "text", "--themes", "2"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.get("themes")).hasSize(2);
        assertThat(json.get("themes").get(0).get("label").asString()).isNotBlank();
        assertThat(json.get("assignments")).hasSize(texts.size());
        assertThat(json.get("assignments").get(3).get("row").asInt()).isEqualTo(3);
        assertThat(json.get("assignments").get(0).get("theme").asInt())
                .isNotEqualTo(json.get("assignments").get(10).get("theme").asInt());
    }

    /**
     * As the live themes do: posts that say the same thing in different words share a theme, because the command
     * groups them by their sentence vectors, and each theme comes with a summary in the posts' own words.
     */
    @Test
    void groupsPostsByWhatTheyMeanNotByTheWordsTheyShare() throws Exception {
        List<String> remote = List.of("I would like to work from home on Fridays",
                "Remote days would save me two hours of travel", "Skipping the commute twice a week helps a lot",
                "Let us do our jobs from our kitchen tables sometimes", "Home office days make me far more productive",
                "Please allow teleworking for the whole team");
        List<String> canteen = List.of("The canteen lunches are always served cold",
                "Meals in the cafeteria taste bland and salty", "Our dining hall sells stale sandwiches",
                "The food at the staff restaurant needs more vegetarian dishes",
                "Soup at midday is lukewarm and overpriced", "Better cooks in the kitchen downstairs, please");
        var lines = new ArrayList<String>();
        lines.add("text");
        for (int i = 0; i < remote.size(); i++) {
            lines.add(remote.get(i));
            lines.add(canteen.get(i));
        }
        Path file = dir.resolve("posts.csv");
        Files.write(file, lines);
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();

        int code = new AnalyseThemesCommand().run(List.of(file.toString(), "--text-column", "text", "--themes", "2"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
        var themeOfRow = new ArrayList<Integer>();
        json.get("assignments").forEach(node -> themeOfRow.add(node.get("theme").asInt()));
        var remoteThemes = java.util.stream.IntStream.range(0, themeOfRow.size()).filter(row -> row % 2 == 0)
                .mapToObj(themeOfRow::get).distinct().toList();
        var canteenThemes = java.util.stream.IntStream.range(0, themeOfRow.size()).filter(row -> row % 2 == 1)
                .mapToObj(themeOfRow::get).distinct().toList();
        assertThat(remoteThemes).hasSize(1);
        assertThat(canteenThemes).hasSize(1).doesNotContainAnyElementsOf(remoteThemes);
        assertThat(json.get("themes").get(0).get("summary")).isNotEmpty();
        assertThat(lines).contains(json.get("themes").get(0).get("summary").get(0).asString());
    }

    @Test
    void refusesAnUnknownWayOfGrouping() throws Exception {
        Path file = dir.resolve("posts.csv");
        Files.writeString(file, "text\nhello\n");
        var err = new ByteArrayOutputStream();

        int code = new AnalyseThemesCommand().run(List.of(file.toString(), "--text-column", "text", "--by", "colour"),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(AnalyseThemesCommand.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--by is meaning or words, not colour");
    }

    @Test
    void namesAMissingColumn() throws Exception {
        Path file = dir.resolve("posts.csv");
        Files.writeString(file, "id,body\n1,hello\n");
        var err = new ByteArrayOutputStream();

        int code = new AnalyseThemesCommand().run(List.of(file.toString(), "--text-column", "text"),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(AnalyseThemesCommand.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no column \"text\"").contains("[id, body]");
    }
}
