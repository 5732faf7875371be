package org.incrowd.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.incrowd.discussion.ReactionKind;
import org.incrowd.identity.ParticipantType;
import org.incrowd.identity.Role;
import org.incrowd.jam.ForumRole;
import org.incrowd.jam.JamPhase;
import org.junit.jupiter.api.Test;

/**
 * Every text a page or a refusal shows must exist in English and German, with the same placeholders, and must format.
 * Reads the bundles and the sources directly: no Spring context, so it runs in a second.
 */
class MessagesTests {

    private static final Path TEMPLATES = Path.of("src/main/jte");
    private static final Path JAVA = Path.of("src/main/java");
    private static final Path JAM_RULES = JAVA.resolve("org/incrowd/jam/JamRules.java");

    /** A message key: lower-case namespace, then dot-separated segments ({@code post.body.required}). */
    private static final String KEY = "[a-z][A-Za-z0-9]*(?:\\.[A-Za-z][A-Za-z0-9_]*)+";
    private static final Pattern KEY_SHAPE = Pattern.compile(KEY);
    private static final Pattern STRING_LITERAL = Pattern.compile("\"(" + KEY + ")\"");
    private static final Pattern TEMPLATE_CALL = Pattern.compile("ui\\.t\\(\\s*\"([^\"]+)\"");
    private static final Pattern REFUSAL_WITHOUT_FIELD =
            Pattern.compile("Refusal\\s*\\.\\s*(?:notFound|forbidden|conflict|tooMany)\\(\\s*\"([^\"]+)\"");
    private static final Pattern REFUSAL_WITH_FIELD =
            Pattern.compile("Refusal\\s*\\.\\s*invalid\\(\\s*[^,()]+,\\s*\"([^\"]+)\"");
    private static final Pattern REFUSAL_CONSTRUCTOR =
            Pattern.compile("Refusal\\(\\s*HttpStatus\\.\\w+\\s*,\\s*\"([^\"]+)\"");
    /** {@code errors.add("email", "signup.email.taken")}, {@code FieldErrors.none().add(field, "form.tooLong")}. */
    private static final Pattern FIELD_ERROR = Pattern.compile("\\.add\\(\\s*(?:\"[^\"]*\"|[\\w.]+)\\s*,\\s*\"([^\"]+)\"\\s*\\)");
    /** Required fields in JamRules whose message key is built as "jam." + field + ".required". */
    private static final Pattern JAM_REQUIRED_TEXT = Pattern.compile("text\\([^;]*?,\\s*\"(\\w+)\"\\s*,\\s*\\w+\\s*,\\s*true\\s*,");
    private static final Pattern JAM_REQUIRED_INSTANT = Pattern.compile("instant\\([^;]*?,\\s*\"(\\w+)\"\\s*,\\s*errors\\)");
    private static final Set<String> JAM_REQUIRED_FIELDS = Set.of("title", "startsAt", "endsAt", "forumTitle");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    private final Map<String, String> english = bundle("i18n/messages.properties");
    private final Map<String, String> german = bundle("i18n/messages_de.properties");

    @Test
    void everyEnglishKeyHasAGermanMessage() {
        assertThat(difference(english.keySet(), german.keySet()))
                .as("keys in messages.properties missing from messages_de.properties").isEmpty();
    }

    @Test
    void everyGermanKeyHasAnEnglishMessage() {
        assertThat(difference(german.keySet(), english.keySet()))
                .as("keys in messages_de.properties missing from messages.properties").isEmpty();
    }

    @Test
    void noBundleDefinesAKeyTwiceOrLeavesAMessageEmpty() throws IOException {
        for (String bundle : List.of("i18n/messages.properties", "i18n/messages_de.properties")) {
            var keys = new ArrayList<String>();
            for (String line : text(bundle).lines().toList()) {
                String stripped = line.strip();
                if (!stripped.isEmpty() && !stripped.startsWith("#") && !stripped.startsWith("!")) {
                    keys.add(stripped.split("\\s*[=:]", 2)[0]);
                }
            }
            assertThat(duplicates(keys)).as("keys defined twice in " + bundle).isEmpty();
        }
        assertThat(blank(english)).as("empty English messages").isEmpty();
        assertThat(blank(german)).as("empty German messages").isEmpty();
    }

    @Test
    void everyKeyUsedInTemplatesHasAnEnglishMessage() throws IOException {
        Set<String> used = matches(TEMPLATES, ".jte", TEMPLATE_CALL);
        assertThat(used).as("ui.t(\"...\") calls found in templates").hasSizeGreaterThan(50);
        assertThat(difference(used, english.keySet())).as("template keys missing from messages.properties").isEmpty();
    }

    @Test
    void everyKeyShapedLiteralInTemplatesHasAnEnglishMessage() throws IOException {
        // Catches keys chosen by an expression, such as ui.t(live ? "jam.endsIn" : "jam.startsIn", ...).
        Set<String> literals = matches(TEMPLATES, ".jte", STRING_LITERAL).stream()
                .filter(this::inKnownNamespace).collect(Collectors.toCollection(TreeSet::new));
        assertThat(difference(literals, english.keySet())).as("key-shaped template literals without a message").isEmpty();
    }

    @Test
    void everyKeyARefusalOrFieldErrorNamesHasAnEnglishMessage() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Pattern pattern : List.of(REFUSAL_WITHOUT_FIELD, REFUSAL_WITH_FIELD, REFUSAL_CONSTRUCTOR, FIELD_ERROR)) {
            used.addAll(matches(JAVA, ".java", pattern));
        }
        assertThat(used).as("refusal and field error keys found in Java sources").hasSizeGreaterThan(30);
        assertThat(used).allSatisfy(key -> assertThat(key).matches(KEY_SHAPE));
        assertThat(difference(used, english.keySet())).as("refusal keys missing from messages.properties").isEmpty();
    }

    @Test
    void everyKeyShapedLiteralInJavaHasAnEnglishMessage() throws IOException {
        // Keys handed around as plain strings first (a join refusal, an error handler's key, Ui.duration's units).
        Set<String> literals = matches(JAVA, ".java", STRING_LITERAL).stream()
                .filter(this::inKnownNamespace).collect(Collectors.toCollection(TreeSet::new));
        assertThat(difference(literals, english.keySet())).as("key-shaped Java literals without a message").isEmpty();
    }

    @Test
    void everyRequiredJamFieldHasItsBuiltMessageKey() throws IOException {
        String rules = Files.readString(JAM_RULES);
        assertThat(rules).as("JamRules still builds its keys this way").contains("\"jam.\" + field + \".required\"");
        Set<String> fields = new TreeSet<>(JAM_REQUIRED_FIELDS);
        fields.addAll(all(JAM_REQUIRED_TEXT, rules));
        fields.addAll(all(JAM_REQUIRED_INSTANT, rules));
        Set<String> keys = fields.stream().map(field -> "jam." + field + ".required").collect(Collectors.toSet());
        assertThat(difference(keys, english.keySet())).as("missing from messages.properties").isEmpty();
        assertThat(difference(keys, german.keySet())).as("missing from messages_de.properties").isEmpty();
    }

    @Test
    void everyEnumConstantShownToPeopleHasAMessageInBothLanguages() {
        Set<String> keys = new TreeSet<>();
        keys.addAll(keys(ParticipantType.values(), ParticipantType::messageKey));
        keys.addAll(keys(Role.values(), Role::messageKey));
        keys.addAll(keys(JamPhase.values(), JamPhase::messageKey));
        keys.addAll(keys(org.incrowd.jam.JamKind.values(), org.incrowd.jam.JamKind::messageKey));
        keys.addAll(keys(org.incrowd.jam.JamKind.values(), kind -> kind.messageKey() + ".hint"));
        keys.addAll(keys(ForumRole.values(), ForumRole::messageKey));
        keys.addAll(keys(ReactionKind.values(), ReactionKind::messageKey));
        keys.addAll(keys(org.incrowd.facilitation.internal.FlagReason.values(),
                org.incrowd.facilitation.internal.FlagReason::messageKey));
        keys.addAll(keys(org.incrowd.facilitation.internal.AuditLog.Action.values(),
                org.incrowd.facilitation.internal.AuditLog.Action::messageKey));
        keys.addAll(keys(org.incrowd.webhook.internal.WebhookEvent.values(),
                org.incrowd.webhook.internal.WebhookEvent::messageKey));
        keys.addAll(keys(org.incrowd.webhook.internal.Delivery.State.values(),
                org.incrowd.webhook.internal.Delivery.State::messageKey));
        keys.addAll(keys(org.incrowd.identity.internal.PeopleQuery.Status.values(),
                org.incrowd.identity.internal.PeopleQuery.Status::messageKey));
        keys.addAll(keys(org.incrowd.report.OpenDataMode.values(), org.incrowd.report.OpenDataMode::messageKey));
        keys.addAll(keys(org.incrowd.report.OpenDataMode.values(), org.incrowd.report.OpenDataMode::hintKey));
        assertThat(difference(keys, english.keySet())).as("missing from messages.properties").isEmpty();
        assertThat(difference(keys, german.keySet())).as("missing from messages_de.properties").isEmpty();
    }

    @Test
    void germanMessagesUseTheSamePlaceholdersAsEnglish() {
        Map<String, String> mismatches = new TreeMap<>();
        english.forEach((key, message) -> {
            if (german.containsKey(key) && !placeholders(message).equals(placeholders(german.get(key)))) {
                mismatches.put(key, placeholders(message) + " vs " + placeholders(german.get(key)));
            }
        });
        assertThat(mismatches).as("placeholders differ between en and de").isEmpty();
    }

    @Test
    void everyMessageWithArgumentsFormatsInBothLanguages() {
        assertFormats(english, Locale.ENGLISH);
        assertFormats(german, Locale.GERMAN);
    }

    @Test
    void messagesWithArgumentsEscapeEveryApostrophe() {
        // MessageFormat reads a single ' as the start of quoted text, which would swallow the rest of the message.
        assertThat(loneApostrophes(english)).as("write '' for an apostrophe in messages.properties").isEmpty();
        assertThat(loneApostrophes(german)).as("write '' for an apostrophe in messages_de.properties").isEmpty();
    }

    private static void assertFormats(Map<String, String> bundle, Locale locale) {
        bundle.forEach((key, message) -> {
            Set<Integer> indexes = placeholders(message);
            if (indexes.isEmpty()) {
                return;
            }
            Object[] arguments = new Object[indexes.stream().mapToInt(Integer::intValue).max().orElseThrow() + 1];
            Arrays.fill(arguments, 2L);
            assertThatCode(() -> new MessageFormat(message, locale).format(arguments))
                    .as("%s (%s)", key, locale).doesNotThrowAnyException();
            String formatted = new MessageFormat(message, locale).format(arguments);
            assertThat(formatted).as("%s (%s) leaves no placeholder unfilled", key, locale)
                    .doesNotContain("{").doesNotContain("}");
        });
    }

    @Test
    void messagesWithoutArgumentsWriteAnApostropheOnce() {
        // Without arguments Spring returns the message as written, so a doubled '' would show as two apostrophes.
        var doubled = english.entrySet().stream()
                .filter(e -> placeholders(e.getValue()).isEmpty() && e.getValue().contains("''"))
                .map(Map.Entry::getKey).toList();
        assertThat(doubled).as("messages without {0} that write '' instead of '").isEmpty();
    }

    private static Map<String, String> loneApostrophes(Map<String, String> bundle) {
        return bundle.entrySet().stream()
                .filter(e -> !placeholders(e.getValue()).isEmpty())
                .filter(e -> e.getValue().replace("''", "").contains("'"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    private static Set<Integer> placeholders(String message) {
        Set<Integer> indexes = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(message.replace("''", ""));
        while (matcher.find()) {
            indexes.add(Integer.parseInt(matcher.group(1)));
        }
        return indexes;
    }

    private boolean inKnownNamespace(String literal) {
        String namespace = literal.substring(0, literal.indexOf('.') + 1);
        return english.keySet().stream().anyMatch(key -> key.startsWith(namespace));
    }

    private static <E> Set<String> keys(E[] constants, Function<E, String> messageKey) {
        return Arrays.stream(constants).map(messageKey).collect(Collectors.toSet());
    }

    private static Set<String> matches(Path root, String suffix, Pattern pattern) throws IOException {
        assertThat(root).as("run from the project root").isDirectory();
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
                found.addAll(all(pattern, Files.readString(file)));
            }
        }
        return found;
    }

    private static List<String> all(Pattern pattern, String text) {
        return pattern.matcher(text).results().map(result -> result.group(1)).toList();
    }

    private static Set<String> difference(Set<String> left, Set<String> right) {
        Set<String> missing = new TreeSet<>(left);
        missing.removeAll(right);
        return missing;
    }

    private static Set<String> duplicates(List<String> keys) {
        Set<String> seen = new TreeSet<>();
        return keys.stream().filter(key -> !seen.add(key)).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> blank(Map<String, String> bundle) {
        return bundle.entrySet().stream().filter(e -> e.getValue().isBlank()).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, String> bundle(String resource) {
        try {
            var properties = new Properties();
            properties.load(new StringReader(text(resource)));
            Map<String, String> messages = new TreeMap<>();
            properties.forEach((key, value) -> messages.put((String) key, (String) value));
            return messages;
        } catch (IOException e) {
            throw new IllegalStateException(resource, e);
        }
    }

    /** The bundle as strict UTF-8 (spring.messages.encoding), failing on bytes that are not. */
    private static String text(String resource) throws IOException {
        try (InputStream in = MessagesTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the class path").isNotNull();
            byte[] bytes = in.readAllBytes();
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw new AssertionError(resource + " is not valid UTF-8", e);
            }
        }
    }
}
