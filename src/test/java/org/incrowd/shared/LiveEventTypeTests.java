package org.incrowd.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The catalogue of live events is the one place their names live: the script and the templates follow it. */
class LiveEventTypeTests {

    private static final Path SCRIPT = Path.of("src/main/resources/static/js/live.js");
    private static final Path TEMPLATES = Path.of("src/main/jte");

    @Test
    void everyEventHasItsOwnWireName() {
        assertThat(Arrays.stream(LiveEventType.values()).map(LiveEventType::wireName)).doesNotHaveDuplicates();
        assertThat(LiveEventType.ofWireName("post-edited")).contains(LiveEventType.POST_EDITED);
        assertThat(LiveEventType.ofWireName("no-such-event")).isEmpty();
    }

    @Test
    void regionsListenToPageEventsButNotToTheOnesThatSteerTheStream() {
        assertThat(LiveEventType.forRegions().split(" "))
                .contains("post", "tally", "moderated", "themes")
                .doesNotContain("presence", "refresh", "removed");
        assertThat(LiveEventType.listen(LiveEventType.POST, LiveEventType.TALLY)).isEqualTo("post tally");
    }

    @Test
    void theScriptListensOnlyToEventsOfTheCatalogue() throws IOException {
        String script = Files.readString(SCRIPT);
        var listened = Pattern.compile("addEventListener\\(\"([a-z-]+)\"|\\[(\"[a-z-]+\"(?:,\\s*\"[a-z-]+\")*)\\]\\.forEach")
                .matcher(script).results()
                .flatMap(match -> match.group(1) != null ? Stream.of(match.group(1))
                        : Arrays.stream(match.group(2).split(",")).map(name -> name.trim().replace("\"", "")))
                .filter(name -> !name.equals("focusout"))
                .toList();
        assertThat(listened).as("event names in live.js").isNotEmpty()
                .allSatisfy(name -> assertThat(LiveEventType.ofWireName(name)).as(name).isPresent());
    }

    @Test
    void templatesNameTheirEventsThroughTheCatalogueNotAsText() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            var literal = Pattern.compile("data-live-on=\"[a-z]");
            var offenders = files.filter(file -> file.toString().endsWith(".jte"))
                    .filter(file -> literal.matcher(read(file)).find()).toList();
            assertThat(offenders).as("templates writing data-live-on as plain text").isEmpty();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
