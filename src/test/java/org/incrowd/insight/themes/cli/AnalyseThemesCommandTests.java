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
