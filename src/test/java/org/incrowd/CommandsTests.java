package org.incrowd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandsTests {

    @Test
    void analyseArgumentsRunAToolInsteadOfTheApplication() {
        assertThat(Commands.isCommand(new String[] {"analyse", "opinions", "x"})).isTrue();
        assertThat(Commands.isCommand(new String[] {"--server.port=8081"})).isFalse();
        assertThat(Commands.isCommand(new String[0])).isFalse();
    }

    @Test
    void analyseOpinionsReachesTheOpinionsTool() {
        var err = new ByteArrayOutputStream();

        int code = Commands.run(List.of("analyse", "opinions", "no/such/folder"), print(new ByteArrayOutputStream()),
                print(err));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("incrowd: No such folder");
    }

    @Test
    void anUnknownAnalysisPrintsUsage() {
        var err = new ByteArrayOutputStream();

        assertThat(Commands.run(List.of("analyse", "tea-leaves"), print(new ByteArrayOutputStream()), print(err)))
                .isEqualTo(Commands.USAGE_ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: incrowd analyse").contains("opinions");
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
