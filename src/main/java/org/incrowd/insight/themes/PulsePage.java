package org.incrowd.insight.themes;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.incrowd.discussion.Post;
import org.incrowd.identity.Person;
import org.incrowd.insight.opinions.OpinionPage;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Jam;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Ui;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the Jam Pulse page shows for a Jam ({@code forum} null) or a forum.
 *
 * @param snapshot the latest stored themes, or null before the first computation
 * @param themes   the themes as the reader may see them, refined by the analysts
 * @param posts    the representative posts the reader may read, by id
 * @param analyst  whether the reader may refine the themes (the tools are shown)
 * @param placing  whether new posts are placed in the themes at once on this node
 * @param log      the latest refinements in the Jam, newest first (analysts only)
 * @param analysts the people named as analysts (organisers only)
 * @param people   names of the people in the log and the analysts, by id
 */
public record PulsePage(Jam jam, Forum forum, List<Forum> forums, ThemeSnapshot snapshot, List<PulseTheme> themes,
                        Map<Long, Post> posts, boolean analyst, boolean organiser, boolean placing,
                        List<ThemeDecision> log, List<Person> analysts, Map<Long, Person> people) {

    /**
     * A tool's form that was refused, to show again with the reason beside it and what the analyst typed.
     *
     * @param tool  the tool ("rename", "split", "merge", "analysts" ...), null when nothing was refused
     * @param theme the theme the form was about, or null
     * @param text  what was typed (a name, an e-mail address)
     */
    public record Refused(String tool, String theme, String text, FieldErrors errors) {

        public static final Refused NONE = new Refused(null, null, null, FieldErrors.none());

        /** Whether this form (tool, theme) is the one refused. */
        public boolean is(String tool, String theme) {
            return tool.equals(this.tool) && java.util.Objects.equals(theme, this.theme);
        }

        /** What to show in the form's text field: what was typed if this form was refused, else {@code usual}. */
        public String textOr(String tool, String theme, String usual) {
            return is(tool, theme) && text != null ? text : usual;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The chart stays readable with this many lines; the table beside it lists every theme. */
    static final int CHART_THEMES = 8;

    public boolean hasThemes() {
        return !themes.isEmpty();
    }

    public long forumId() {
        return forum == null ? ThemeSnapshot.WHOLE_JAM : forum.id();
    }

    /** The page's own address, for links and for the live refresh. */
    public String path() {
        return forum == null ? "/jams/" + jam.id() + "/pulse" : "/forums/" + forum.id() + "/pulse";
    }

    /** Where the analyst tools post to: always the Jam's, with the forum as a form field. */
    public String toolsPath() {
        return "/jams/" + jam.id() + "/pulse";
    }

    public Instant computedAt() {
        return snapshot == null ? null : snapshot.computedAt();
    }

    public int postCount() {
        return snapshot == null ? 0 : snapshot.posts().length;
    }

    public int windows() {
        return snapshot == null ? 0 : snapshot.windows();
    }

    public List<String> emergingTerms() {
        return snapshot == null ? List.of() : snapshot.emergingTerms();
    }

    public int newPosts() {
        return themes.stream().mapToInt(PulseTheme::newPosts).sum();
    }

    public Post post(long id) {
        return posts.get(id);
    }

    /** The other themes, for "merge into" and "move to" choices. */
    public List<PulseTheme> others(PulseTheme theme) {
        return themes.stream().filter(other -> !other.key().equals(theme.key())).toList();
    }

    public String label(String key) {
        return themes.stream().filter(theme -> theme.key().equals(key)).map(PulseTheme::label).findFirst()
                .orElse(key);
    }

    public String personName(long id) {
        var person = people.get(id);
        return person == null ? "?" : person.displayName();
    }

    /** The trend chart's data (posts per window of the largest themes), for pulse-chart.js. */
    public String chartData(Ui ui) {
        var series = themes.stream().limit(CHART_THEMES)
                .map(theme -> Map.of("name", theme.label(), "data", theme.windows())).toList();
        var windows = java.util.stream.IntStream.rangeClosed(1, windows())
                .mapToObj(window -> windowLabel(ui, window)).toList();
        return JSON.writeValueAsString(Map.of("windows", windows, "series", series));
    }

    /** A time window (1 = oldest) by when it starts, in the Jam's time zone; by its number where that is unknown. */
    public String windowLabel(Ui ui, int window) {
        var start = snapshot == null ? null : snapshot.windowStart(window - 1);
        return start == null ? ui.t("pulse.window", window) : ui.t("pulse.windowFrom", ui.shortTime(start, jam.timeZone()));
    }

    /** An idea by its title, a reply by the start of its text. */
    public static String summary(Post post) {
        return OpinionPage.summary(post);
    }

    /** One line of the record: who did what. */
    public String describe(Ui ui, ThemeDecision decision) {
        return ui.t(decision.kind().messageKey(), personName(decision.personId()),
                decision.themeKey() == null ? "" : label(decision.themeKey()),
                decision.targetKey() == null ? "" : label(decision.targetKey()),
                decision.label() == null ? "" : decision.label(), decision.posts().size());
    }
}
