package org.incrowd.report.internal;

import org.incrowd.report.ReportDraft;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.incrowd.discussion.Post;
import org.incrowd.discussion.Reading;
import org.incrowd.identity.Actor;
import org.incrowd.insight.OpinionFindings;
import org.incrowd.insight.JamThemes;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamService;
import org.incrowd.review.ReviewedIdeas;
import org.incrowd.shared.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a report as its reader may see it. Only what the report cites is read (its posts, the decisions on them, the
 * statements of the opinion map it shows), never the whole Jam, so a Jam of 50,000 ideas reports as fast as a small
 * one.
 */
@Service
public class ReportReading {

    /** Representatives of a cited theme that count as related to the recommendation (for its common ground). */
    static final int RELATED_PER_THEME = 10;
    /** Common ground shown when none of it concerns the recommendation's own sources: the Jam's strongest. */
    static final int JAM_COMMON_GROUND = 3;
    private static final int SUMMARY_LENGTH = 160;
    /** Leading posts of each theme the edit page offers to cite. */
    static final int LEADING_OFFERED = 3;

    private final JamService jams;
    private final Reading discussion;
    private final JamThemes themes;
    private final OpinionFindings opinions;
    private final ReviewedIdeas reviewed;
    private final ReportStore store;
    private final ReportWriting writing;

    ReportReading(JamService jams, Reading discussion, JamThemes themes, OpinionFindings opinions,
                  ReviewedIdeas reviewed, ReportStore store, ReportWriting writing) {
        this.jams = jams;
        this.discussion = discussion;
        this.themes = themes;
        this.opinions = opinions;
        this.reviewed = reviewed;
        this.store = store;
        this.writing = writing;
    }

    /** The published report for readers of the Jam, the draft too for organisers; 404 otherwise. */
    @Transactional(readOnly = true)
    public ReportView view(Actor actor, long jamId) {
        var jam = jams.require(actor, jamId);
        var stored = store.find(jamId).filter(report -> report.published() || mayWrite(actor))
                .orElseThrow(() -> Refusal.notFound("report.notFound"));
        return view(actor, jam, stored);
    }

    /** The stored report as its organiser edits it (empty before the first save). */
    @Transactional(readOnly = true)
    public ReportDraft draft(Actor actor, long jamId) {
        writing.requireOrganiser(actor, jamId);
        return store.find(jamId).map(StoredReport::draft).orElse(ReportDraft.EMPTY);
    }

    /** Whether the Jam's report is published: the Jam's home leads with it then. */
    public boolean isPublished(long jamId) {
        return store.isPublished(jamId);
    }

    public boolean mayWrite(Actor actor) {
        return !actor.isGuest() && actor.canOrganise();
    }

    private ReportView view(Actor actor, Jam jam, StoredReport stored) {
        var rows = stored.draft().recommendations();
        var themeByKey = new HashMap<String, JamThemes.Theme>();
        if (rows.stream().anyMatch(row -> !row.themes().isEmpty())) {
            themes.of(jam.id()).forEach(theme -> themeByKey.put(theme.key(), theme));
        }
        var map = opinions.of(jam.id());
        var cited = new ArrayList<Cited>();
        var toRead = new LinkedHashSet<Long>();
        for (var row : rows) {
            var related = new LinkedHashSet<>(row.posts());
            row.themes().stream().map(themeByKey::get).filter(java.util.Objects::nonNull).forEach(theme ->
                    related.addAll(theme.representatives().subList(0,
                            Math.min(RELATED_PER_THEME, theme.representatives().size()))));
            var common = map.commonGround().stream().filter(s -> related.contains(s.postId())).toList();
            boolean ofJam = common.isEmpty();
            if (ofJam) {
                common = map.commonGround().subList(0, Math.min(JAM_COMMON_GROUND, map.commonGround().size()));
            }
            var minority = map.minority().stream().filter(s -> row.groups().contains(s.group())
                    || related.contains(s.postId())).toList();
            cited.add(new Cited(row, common, ofJam, minority));
            toRead.addAll(row.posts());
            common.forEach(s -> toRead.add(s.postId()));
            minority.forEach(s -> toRead.add(s.postId()));
        }
        var posts = new HashMap<Long, Post>();
        if (!toRead.isEmpty()) {
            discussion.find(actor, new ArrayList<>(toRead)).forEach(post -> posts.put(post.id(), post));
        }
        var decisions = reviewed.of(jam.id(), rows.stream().flatMap(row -> row.posts().stream()).distinct().toList());
        var recommendations = new ArrayList<ReportView.Recommendation>();
        int number = 1;
        for (var c : cited) {
            var row = c.row();
            recommendations.add(new ReportView.Recommendation(number++, row.title(), row.rationale(),
                    row.themes().stream().map(key -> themeSource(jam, key, themeByKey.get(key))).toList(),
                    row.posts().stream().map(id -> {
                        var decision = decisions.get(id);
                        return new ReportView.PostSource(id, text(posts.get(id)), href(id, posts.get(id)),
                                decision == null ? null : decision.stage(),
                                decision == null ? null : decision.reason());
                    }).toList(),
                    row.groups().stream().map(id -> groupSource(jam, id, map)).toList(),
                    statements(c.common(), posts), c.commonOfJam(), statements(c.minority(), posts)));
        }
        return new ReportView(jam, stored.published(), stored.publishedAt(), stored.updatedAt(),
                stored.draft().heard(), stored.draft().next(), recommendations);
    }

    private record Cited(ReportDraft.Recommendation row, List<OpinionFindings.Statement> common,
                         boolean commonOfJam, List<OpinionFindings.Statement> minority) {
    }

    private static ReportView.ThemeSource themeSource(Jam jam, String key, JamThemes.Theme theme) {
        return new ReportView.ThemeSource(key, theme == null ? null : theme.label(),
                theme == null ? 0 : theme.posts(), "/jams/" + jam.id() + "/pulse#theme-" + key);
    }

    private static ReportView.GroupSource groupSource(Jam jam, int id, OpinionFindings.Map map) {
        int size = map.groups().stream().filter(g -> g.id() == id).mapToInt(OpinionFindings.Group::size)
                .findFirst().orElse(0);
        return new ReportView.GroupSource(id, OpinionFindings.groupName(id), size,
                "/jams/" + jam.id() + "/opinions#group-" + id);
    }

    /** Statements whose posts the reader may read; the others are left out rather than shown empty. */
    private static List<ReportView.Statement> statements(List<OpinionFindings.Statement> found, Map<Long, Post> posts) {
        return found.stream().filter(s -> posts.containsKey(s.postId()) && text(posts.get(s.postId())) != null)
                .map(s -> new ReportView.Statement(s.postId(), text(posts.get(s.postId())),
                        href(s.postId(), posts.get(s.postId())), s.agree(),
                        s.group() == null ? null : OpinionFindings.groupName(s.group()), s.percent(),
                        s.othersPercent()))
                .toList();
    }

    private static String href(long postId, Post post) {
        if (post == null || post.parentId() == null) {
            return "/threads/" + postId;
        }
        return "/threads/" + post.threadId() + "#post-" + postId;
    }

    /** An idea by its title, a reply by the start of its text; null where the reader may not read it. */
    static String text(Post post) {
        if (post == null || post.moderation().hidden()) {
            return null;
        }
        if (post.title() != null && !post.title().isBlank()) {
            return post.title();
        }
        String body = post.body() == null ? "" : post.body().strip().replaceAll("\\s+", " ");
        return body.length() <= SUMMARY_LENGTH ? body : body.substring(0, SUMMARY_LENGTH).strip() + "…";
    }

    /** What organisers pick sources from: the Jam's themes with their leading posts, and its opinion groups. */
    public Sources sources(Actor actor, long jamId) {
        var found = themes.of(jamId);
        var leading = new ArrayList<Long>();
        found.forEach(theme -> leading.addAll(theme.representatives().subList(0,
                Math.min(LEADING_OFFERED, theme.representatives().size()))));
        var titles = new HashMap<Long, String>();
        if (!leading.isEmpty()) {
            discussion.find(actor, leading).forEach(post -> titles.put(post.id(), text(post)));
        }
        return new Sources(found, titles, opinions.of(jamId).groups());
    }

    /**
     * @param titles the text of each theme's leading posts, by post id
     */
    public record Sources(List<JamThemes.Theme> themes, Map<Long, String> titles,
                          List<OpinionFindings.Group> groups) {

        public List<Long> leading(JamThemes.Theme theme) {
            return theme.representatives().stream().filter(titles::containsKey).limit(LEADING_OFFERED).toList();
        }
    }
}
