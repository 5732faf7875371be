package org.incrowd.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The texts of the demo posts: real arguments written by crowd contributors for IBM Debater's ArgKP data set
 * (© IBM 2020, Community Data License Agreement – Sharing 1.0; Bar-Haim et al., ACL 2020), read from
 * {@code <data-dir>/argkp}; or, where that folder is missing, a small built-in set written for Incrowd.
 */
final class DemoArguments {

    /** One argument for or against a topic (ArgKP calls a topic a "motion"). */
    record Argument(String topic, String text, boolean pro) {
    }

    /** The arguments by topic, and where they came from (for the log). */
    record Loaded(Map<String, List<Argument>> byTopic, String source, boolean real) {

        List<Argument> of(String topic) {
            return byTopic.getOrDefault(topic, List.of());
        }
    }

    static final String RETIREMENT = "We should end mandatory retirement";
    static final String VOCATIONAL = "We should subsidize vocational education";
    static final String IP = "We should abolish intellectual property rights";
    static final String URBANIZATION = "We should fight urbanization";
    static final String JOURNALISM = "We should subsidize journalism";
    static final String SPACE = "We should subsidize space exploration";

    private DemoArguments() {
    }

    /** The arguments on the given topics from ArgKP in {@code dataDir/argkp}, or the built-in set. */
    static Loaded load(Path dataDir, Collection<String> topics) {
        Path folder = dataDir.resolve("argkp");
        var files = List.of(folder.resolve("arguments_train.csv"), folder.resolve("arguments_dev.csv"));
        if (!files.stream().allMatch(Files::isRegularFile)) {
            return new Loaded(builtIn(), "built-in sample posts (no ArgKP data at " + folder.toAbsolutePath()
                    .normalize() + ")", false);
        }
        var byTopic = new LinkedHashMap<String, List<Argument>>();
        for (Path file : files) {
            readArgKp(file, Set.copyOf(topics), byTopic);
        }
        if (!byTopic.keySet().containsAll(topics)) {
            return new Loaded(builtIn(), "built-in sample posts (ArgKP at " + folder.toAbsolutePath().normalize()
                    + " lacks some demo topics)", false);
        }
        return new Loaded(byTopic, "IBM Debater ArgKP arguments from " + folder.toAbsolutePath().normalize(), true);
    }

    /** Reads {@code arg_id,argument,topic,stance} rows, keeping those on the wanted topics, in file order. */
    private static void readArgKp(Path file, Set<String> topics, Map<String, List<Argument>> into) {
        List<List<String>> rows;
        try {
            rows = Csv.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read demo arguments from " + file, e);
        }
        for (var row : rows.subList(Math.min(1, rows.size()), rows.size())) {
            if (row.size() < 4 || !topics.contains(row.get(2))) {
                continue;
            }
            String text = tidy(row.get(1));
            if (text.length() >= 20) {
                into.computeIfAbsent(row.get(2), k -> new ArrayList<>())
                        .add(new Argument(row.get(2), text, "1".equals(row.get(3).strip())));
            }
        }
    }

    /**
     * Crowd text as typed, made presentable: stray leading punctuation removed, whitespace collapsed, and the first
     * letter of each sentence capitalised (many arguments are written all in lower case).
     */
    static String tidy(String raw) {
        String text = raw.replaceAll("\\s+", " ").strip().replaceFirst("^[^\\p{L}\\p{N}\"']+", "");
        var out = new StringBuilder(text.length());
        boolean sentenceStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (sentenceStart && Character.isLetter(c)) {
                out.append(Character.toUpperCase(c));
                sentenceStart = false;
            } else {
                out.append(c);
                if (Character.isLetterOrDigit(c)) {
                    sentenceStart = false;
                }
            }
            if ((c == '.' || c == '!' || c == '?') && i + 1 < text.length() && text.charAt(i + 1) == ' ') {
                sentenceStart = true;
            }
        }
        // " i " is the pronoun in lower-case writing.
        return out.toString().replaceAll("(?<=\\s)i(?=[\\s'’])", "I");
    }

    /** A minimal RFC 4180 reader: commas, quoted fields with doubled quotes and line breaks inside. */
    static final class Csv {

        private Csv() {
        }

        static List<List<String>> parse(String content) {
            var rows = new ArrayList<List<String>>();
            var row = new ArrayList<String>();
            var field = new StringBuilder();
            boolean quoted = false;
            int i = 0;
            if (!content.isEmpty() && content.charAt(0) == '\uFEFF') {
                i = 1;
            }
            for (; i < content.length(); i++) {
                char c = content.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < content.length() && content.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < content.length() && content.charAt(i + 1) == '\n') {
                        i++;
                    }
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else {
                    field.append(c);
                }
            }
            if (!field.isEmpty() || !row.isEmpty()) {
                row.add(field.toString());
                rows.add(row);
            }
            return rows;
        }
    }

    /** About thirty short posts written for Incrowd's demo, used where the ArgKP folder is not there. */
    private static Map<String, List<Argument>> builtIn() {
        var byTopic = new LinkedHashMap<String, List<Argument>>();
        add(byTopic, RETIREMENT, true, "People who love their work should not be sent home on their birthday. "
                + "Experience walks out of the door with them.");
        add(byTopic, RETIREMENT, false, "A fixed retirement age lets younger colleagues plan their careers and "
                + "makes room for fresh ideas in every team.");
        add(byTopic, RETIREMENT, true, "Let people phase out gradually: four days, then three, while they "
                + "mentor the person taking over.");
        add(byTopic, RETIREMENT, false, "Some jobs, like driving or night shifts, get riskier with age; a clear "
                + "limit protects people from pressure to carry on.");
        add(byTopic, RETIREMENT, true, "Pensions are under strain. Letting people work longer if they want to "
                + "helps them and the pension system.");
        add(byTopic, RETIREMENT, false, "Without a fixed age, every retirement becomes a difficult personal "
                + "negotiation between a manager and a long-serving colleague.");
        add(byTopic, VOCATIONAL, true, "Pay for apprenticeships in service and logistics: we cannot hire enough "
                + "trained technicians and drivers.");
        add(byTopic, VOCATIONAL, true, "Vocational training gives people a trade they can use anywhere, "
                + "and it costs far less than a university degree.");
        add(byTopic, VOCATIONAL, false, "Training budgets should follow the person, not the type of school. "
                + "Let each colleague choose what to learn.");
        add(byTopic, VOCATIONAL, true, "Pair every apprentice with an experienced colleague; the mentors learn "
                + "as much as the apprentices.");
        add(byTopic, VOCATIONAL, false, "Subsidies tend to go to the courses that exist, not to the skills we "
                + "will need in five years.");
        add(byTopic, VOCATIONAL, true, "Short certified courses on weekends would let shift workers learn "
                + "without losing income.");
        add(byTopic, IP, false, "If anyone could copy an invention the day it is published, few would spend "
                + "years developing one.");
        add(byTopic, IP, true, "Most good ideas build on someone else's. Open sharing inside the company would "
                + "speed us up more than patents protect us.");
        add(byTopic, IP, false, "Credit matters: the person who had the idea should be named when it is used.");
        add(byTopic, IP, true, "Patents mostly help those who can afford lawyers, not the people who invent.");
        add(byTopic, IP, false, "Our partners only share their designs with us because they know those designs "
                + "stay protected.");
        add(byTopic, IP, true, "Publish our internal tools as open source; others will improve them for free.");
        add(byTopic, URBANIZATION, true, "Offices in smaller towns would give people shorter commutes and "
                + "cheaper homes.");
        add(byTopic, URBANIZATION, false, "Cities bring people, customers and universities together; that is "
                + "where new ideas come from.");
        add(byTopic, URBANIZATION, true, "Remote work lets us hire talent wherever people want to live.");
        add(byTopic, URBANIZATION, false, "Public transport in cities is greener than everyone driving to a "
                + "rural site.");
        add(byTopic, URBANIZATION, true, "Rents in the big cities push our service staff into two-hour "
                + "commutes.");
        add(byTopic, URBANIZATION, false, "Teams that sit together solve problems faster than teams spread "
                + "over many small sites.");
        add(byTopic, JOURNALISM, true, "Local news keeps an eye on power; without support it disappears.");
        add(byTopic, JOURNALISM, false, "Whoever pays for the news will sooner or later be tempted to shape it.");
        add(byTopic, JOURNALISM, true, "Support could go through independent foundations, at arm's length "
                + "from any government or company.");
        add(byTopic, JOURNALISM, false, "Readers who pay for news decide what is worth reporting; subsidies "
                + "take that away.");
        add(byTopic, SPACE, true, "Satellites guide our trucks and forecast the weather; space research pays "
                + "for itself.");
        add(byTopic, SPACE, false, "We should fix problems on Earth before spending billions on rockets.");
        return byTopic;
    }

    private static void add(Map<String, List<Argument>> into, String topic, boolean pro, String text) {
        into.computeIfAbsent(topic, k -> new ArrayList<>()).add(new Argument(topic, text, pro));
    }
}
