package org.incrowd.insight.themes.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.incrowd.insight.opinions.polis.CsvReader;
import org.incrowd.insight.themes.algorithm.Theme;
import org.incrowd.insight.themes.algorithm.ThemeAnalysis;
import org.incrowd.insight.themes.algorithm.ThemeDocument;
import org.incrowd.insight.themes.algorithm.ThemeResult;
import org.incrowd.insight.themes.algorithm.ThemeSettings;
import org.incrowd.meaning.SentenceEncoder;
import org.incrowd.meaning.SentenceEncoders;
import org.incrowd.text.Language;
import org.incrowd.text.LanguageDetection;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./incrowd analyse themes FILE.csv --text-column C [--time-column T] [--themes K] [--by meaning|words]}: the
 * themes of the posts in one column of a CSV file (with a header row), computed by the same pipeline as the
 * application, printed as JSON: {@code {"themes": [{"id", "label", "size", "representatives": [row...], "terms",
 * "trend", "summary"}], "assignments": [{"row", "theme"}], "emerging_terms": [...]}}. A row is the 0-based data row
 * of the file (the header not counted).
 * <p>
 * By meaning (the default), as the live themes do: each text in a language the sentence model covers is encoded
 * (the application's model, configured by the same {@code incrowd.meaning.*} settings, given as system properties)
 * and grouped on its vector; texts in other languages keep themes of their own by their words. {@code --by words}
 * groups every text by its words only.
 */
public final class AnalyseThemesCommand {

    /** Exit code for a usage mistake or an unreadable file. */
    public static final int BAD_INPUT = 2;

    private static final String USAGE = "usage: incrowd analyse themes FILE.csv --text-column C"
            + " [--time-column T (ISO-8601 instants)] [--themes K (default: automatic)]"
            + " [--by meaning|words (default: meaning, where the sentence model covers the language)]";

    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("-h") || args.contains("--help")) {
            out.println(USAGE);
            return 0;
        }
        Map<String, String> options = new LinkedHashMap<>();
        String file = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--") && i + 1 < args.size()) {
                options.put(arg, args.get(++i));
            } else if (file == null && !arg.startsWith("-")) {
                file = arg;
            } else {
                return usage(err, "unexpected argument: " + arg);
            }
        }
        if (file == null || !options.containsKey("--text-column")
                || !List.of("--text-column", "--time-column", "--themes", "--by").containsAll(options.keySet())) {
            return usage(err, null);
        }
        String by = options.getOrDefault("--by", "meaning");
        if (!List.of("meaning", "words").contains(by)) {
            return usage(err, "--by is meaning or words, not " + by);
        }
        try {
            int themes = Integer.parseInt(options.getOrDefault("--themes", "0"));
            List<ThemeDocument> posts = read(Path.of(file), options.get("--text-column"), options.get("--time-column"));
            ThemeSettings settings = ThemeSettings.DEFAULT.withThemes(themes);
            ThemeResult result = by.equals("words") ? ThemeAnalysis.analyse(posts, settings) : byMeaning(posts, settings);
            JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValue(out, json(result));
            out.println();
            out.flush();
            return 0;
        } catch (IOException | CsvReader.CsvFormatException | IllegalArgumentException e) {
            err.println("incrowd: " + e.getMessage());
            return BAD_INPUT;
        }
    }

    /**
     * The live themes' pipeline: the texts the sentence model covers (the language told as the encoding feed tells
     * it, ADR 56) get their vectors, the rest are grouped by their words.
     */
    private static ThemeResult byMeaning(List<ThemeDocument> posts, ThemeSettings settings) {
        SentenceEncoder encoder = SentenceEncoders.configured(System::getProperty);
        try {
            var languages = new LanguageDetection(Language.ENGLISH);
            var covered = new ArrayList<Integer>();
            for (int i = 0; i < posts.size(); i++) {
                if (encoder.covers(languages.detect(posts.get(i).text()))) {
                    covered.add(i);
                }
            }
            List<float[]> vectors = encoder.encodeAll(covered.stream().map(i -> posts.get(i).text()).toList());
            var withVectors = new ArrayList<>(posts);
            for (int j = 0; j < covered.size(); j++) {
                ThemeDocument post = posts.get(covered.get(j));
                withVectors.set(covered.get(j), new ThemeDocument(post.text(), post.time(), vectors.get(j)));
            }
            return ThemeAnalysis.analyse(withVectors, settings, encoder::encodeAll);
        } finally {
            if (encoder instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // the encoder's threads are daemons; nothing is lost if they outlive this
                }
            }
        }
    }

    private static int usage(PrintStream err, String problem) {
        if (problem != null) {
            err.println("incrowd: " + problem);
        }
        err.println(USAGE);
        return BAD_INPUT;
    }

    /** The posts of the file: the text column, and the time column when one is named. */
    static List<ThemeDocument> read(Path file, String textColumn, String timeColumn) throws IOException {
        try (var csv = new CsvReader(Files.newBufferedReader(file), file.toString())) {
            List<String> header = csv.next();
            if (header == null) {
                throw new IllegalArgumentException(file + " is empty; expected a header row");
            }
            int text = column(header, textColumn, file);
            int time = timeColumn == null ? -1 : column(header, timeColumn, file);
            var posts = new ArrayList<ThemeDocument>();
            for (List<String> row = csv.next(); row != null; row = csv.next()) {
                if (row.size() == 1 && row.getFirst().isEmpty()) {
                    continue; // a blank line
                }
                if (row.size() <= Math.max(text, time)) {
                    throw csv.error("has " + row.size() + " fields, fewer than the header's " + header.size());
                }
                posts.add(new ThemeDocument(row.get(text), time < 0 ? null : instant(row.get(time), csv)));
            }
            return posts;
        }
    }

    private static int column(List<String> header, String name, Path file) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException(file + " has no column \"" + name + "\"; its columns are " + header);
        }
        return index;
    }

    private static Instant instant(String value, CsvReader csv) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw csv.error("time \"" + value + "\" is not an ISO-8601 instant such as 2026-03-01T12:00:00Z");
        }
    }

    /** The JSON document. */
    static Map<String, Object> json(ThemeResult result) {
        var root = new LinkedHashMap<String, Object>();
        var themes = new ArrayList<Map<String, Object>>();
        for (Theme theme : result.themes()) {
            var node = new LinkedHashMap<String, Object>();
            node.put("id", theme.id());
            node.put("label", theme.label());
            node.put("size", theme.size());
            node.put("representatives", theme.representatives());
            node.put("terms", theme.terms());
            node.put("trend", theme.trend().key());
            node.put("summary", theme.summary());
            themes.add(node);
        }
        root.put("themes", themes);
        var assignments = new ArrayList<Map<String, Object>>(result.size());
        for (int row = 0; row < result.size(); row++) {
            var node = new LinkedHashMap<String, Object>();
            node.put("row", row);
            node.put("theme", result.theme(row));
            assignments.add(node);
        }
        root.put("assignments", assignments);
        root.put("emerging_terms", result.emergingTerms());
        return root;
    }
}
