package org.incrowd.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.helger.css.ECSSVersion;
import com.helger.css.reader.CSSReader;
import com.helger.css.reader.CSSReaderSettings;
import com.helger.css.reader.errorhandler.CollectingCSSParseErrorHandler;
import com.helger.css.reader.errorhandler.ICSSInterpretErrorHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every stylesheet parses with a real CSS parser, without a single error. A browser silently drops what it cannot
 * parse: one unclosed rule once swallowed every rule after it (charts drawn at 0 px, the header search wrapping).
 */
class StylesheetTests {

    private static final Path STATIC = Path.of("src/main/resources/static");

    @Test
    void everyStylesheetParsesWithoutAnError() throws IOException {
        List<Path> sheets;
        try (Stream<Path> files = Files.walk(STATIC)) {
            sheets = files.filter(file -> file.toString().endsWith(".css")).sorted().toList();
        }
        assertThat(sheets).isNotEmpty();
        for (Path sheet : sheets) {
            assertThat(problemsOf(sheet)).as("CSS errors in %s", sheet).isEmpty();
        }
    }

    @Test
    void anUnclosedRuleIsAnError() {
        assertThat(problemsOf("table.audit td {\n    vertical-align: top;\n.totals {\n    display: grid;\n}\n"))
                .isNotEmpty();
    }

    private static List<String> problemsOf(Path sheet) {
        try {
            return problemsOf(Files.readString(sheet, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Strict mode (not browser-compliant), so that the parser reports what a browser would quietly skip. */
    private static List<String> problemsOf(String css) {
        var problems = new ArrayList<String>();
        var parseErrors = new CollectingCSSParseErrorHandler();
        var parsed = CSSReader.readFromStringReader(css, new CSSReaderSettings()
                .setCSSVersion(ECSSVersion.LATEST)
                .setBrowserCompliantMode(false)
                .setCustomErrorHandler(parseErrors)
                .setCustomExceptionHandler(exception -> problems.add(exception.getMessage()))
                .setInterpretErrorHandler(new ICSSInterpretErrorHandler() {
                    @Override
                    public void onCSSInterpretationWarning(String message) {
                        problems.add(message);
                    }

                    @Override
                    public void onCSSInterpretationError(String message) {
                        problems.add(message);
                    }
                }));
        if (parsed == null) {
            problems.add("the stylesheet could not be read at all");
        }
        parseErrors.getAllParseErrors().forEach(error -> problems.add(error.getErrorMessage()));
        return problems;
    }
}
