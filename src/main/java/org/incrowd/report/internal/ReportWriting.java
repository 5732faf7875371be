package org.incrowd.report.internal;

import org.incrowd.report.ReportDraft;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.incrowd.discussion.Post;
import org.incrowd.discussion.Reading;
import org.incrowd.identity.Actor;
import org.incrowd.insight.OpinionFindings;
import org.incrowd.insight.JamThemes;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamService;
import org.incrowd.report.ReportPublished;
import org.incrowd.review.ReviewEvents;
import org.incrowd.review.ReviewLedger;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organisers write a Jam's report and publish it. Each save replaces the whole report, is checked as a whole (every
 * problem reported at once, nothing changed when refused), recorded in the response ledger and announced, so open
 * report pages refresh. A report without recommendations cannot be published: it would close the loop with nothing.
 */
@Service
public class ReportWriting {

    /** The ledger's actions: the report was saved (draft or published text changed), and published. */
    public static final String SAVED = "REPORT_SAVED";
    public static final String PUBLISHED = "REPORT_PUBLISHED";
    /** The live event's {@code what} for report changes. */
    public static final String LIVE_WHAT = "report";

    static final int MAX_TEXT = 20_000;
    static final int MAX_TITLE = 200;
    static final int MAX_RATIONALE = 8_000;
    static final int MAX_RECOMMENDATIONS = 30;
    static final int MAX_SOURCES = 50;

    private final JamService jams;
    private final Reading discussion;
    private final JamThemes themes;
    private final OpinionFindings opinions;
    private final ReportStore store;
    private final ReviewLedger ledger;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReportWriting(JamService jams, Reading discussion, JamThemes themes, OpinionFindings opinions,
                  ReportStore store, ReviewLedger ledger, ApplicationEventPublisher events, Clock clock) {
        this.jams = jams;
        this.discussion = discussion;
        this.themes = themes;
        this.opinions = opinions;
        this.store = store;
        this.ledger = ledger;
        this.events = events;
        this.clock = clock;
    }

    /** The Jam, if the actor may write its report: 404 where they cannot see it, 403 where they do not organise. */
    public Jam requireOrganiser(Actor actor, long jamId) {
        var jam = jams.require(actor, jamId);
        if (actor.isGuest() || !actor.canOrganise()) {
            throw Refusal.forbidden("report.organisersOnly");
        }
        return jam;
    }

    /** Saves the whole report; {@code found} carries problems already found in the form (unreadable links). */
    @Transactional
    public ReportDraft save(Actor actor, long jamId, ReportDraft draft, FieldErrors found) {
        requireOrganiser(actor, jamId);
        var cleaned = checked(actor, jamId, draft, found);
        found.throwIfAny();
        var now = clock.instant();
        store.save(jamId, cleaned, actor.personId(), now);
        ledger.record(new ReviewLedger.Act(jamId, null, null, SAVED, null,
                cleaned.recommendations().size() + " recommendations", null, actor.personId(), now, false));
        events.publishEvent(new ReviewEvents.LoopChanged(jamId, null, null, LIVE_WHAT));
        return cleaned;
    }

    /** Saves and publishes; refused (nothing saved) while the report has no recommendation. */
    @Transactional
    public void publish(Actor actor, long jamId, ReportDraft draft, FieldErrors found) {
        if (draft.recommendations().stream().allMatch(ReportDraft.Recommendation::isBlank)) {
            found.add("recommendations", "report.publish.noRecommendations");
        }
        save(actor, jamId, draft, found);
        publishStored(actor, jamId);
    }

    /** Publishes the report as saved; refused while there is none or it has no recommendation. */
    @Transactional
    public void publish(Actor actor, long jamId) {
        var jam = requireOrganiser(actor, jamId);
        var stored = store.find(jamId);
        if (stored.isEmpty() || stored.get().draft().recommendations().isEmpty()) {
            throw Refusal.invalid("recommendations", "report.publish.noRecommendations");
        }
        publishStored(actor, jam.id());
    }

    private void publishStored(Actor actor, long jamId) {
        var jam = jams.require(actor, jamId);
        boolean first = !store.isPublished(jamId);
        var now = clock.instant();
        if (first) {
            store.publish(jamId, actor.personId(), now);
        }
        ledger.record(new ReviewLedger.Act(jamId, null, null, PUBLISHED, null, null, null, actor.personId(), now,
                true));
        events.publishEvent(new ReviewEvents.LoopChanged(jamId, null, null, LIVE_WHAT));
        if (first) {
            events.publishEvent(new ReportPublished(jamId, jam.title(), actor.personId()));
        }
    }

    /** The draft with text trimmed and blank rows left out; problems go to {@code errors} by form field. */
    private ReportDraft checked(Actor actor, long jamId, ReportDraft draft, FieldErrors errors) {
        String heard = text(draft.heard());
        String next = text(draft.next());
        if (heard.length() > MAX_TEXT) {
            errors.add("heard", "report.text.tooLong", MAX_TEXT);
        }
        if (next.length() > MAX_TEXT) {
            errors.add("next", "report.text.tooLong", MAX_TEXT);
        }
        var rows = draft.recommendations();
        if (rows.stream().filter(row -> !row.isBlank()).count() > MAX_RECOMMENDATIONS) {
            errors.add("recommendations", "report.recommendations.tooMany", MAX_RECOMMENDATIONS);
        }
        var themeKeys = new HashSet<String>();
        themes.of(jamId).forEach(theme -> themeKeys.add(theme.key()));
        int groups = opinions.of(jamId).groups().size();
        var postsOfJam = postsOfJam(actor, jamId, rows);
        var kept = new ArrayList<ReportDraft.Recommendation>();
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            if (row.isBlank()) {
                continue;
            }
            String field = "rec-" + i + "-";
            String title = text(row.title());
            String rationale = text(row.rationale());
            if (title.isEmpty()) {
                errors.add(field + "title", "report.title.required");
            } else if (title.length() > MAX_TITLE) {
                errors.add(field + "title", "report.title.tooLong", MAX_TITLE);
            }
            if (rationale.length() > MAX_RATIONALE) {
                errors.add(field + "rationale", "report.rationale.tooLong", MAX_RATIONALE);
            }
            var posts = row.posts().stream().distinct().toList();
            var foreign = posts.stream().filter(id -> !postsOfJam.contains(id)).toList();
            if (!foreign.isEmpty()) {
                errors.add(field + "posts", "report.posts.unknown", foreign.stream().map(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(", ")));
            } else if (posts.size() > MAX_SOURCES) {
                errors.add(field + "posts", "report.sources.tooMany", MAX_SOURCES);
            }
            var chosenThemes = row.themes().stream().distinct().toList();
            if (!themeKeys.containsAll(chosenThemes)) {
                errors.add(field + "themes", "report.themes.unknown");
            }
            var chosenGroups = row.groups().stream().distinct().toList();
            if (chosenGroups.stream().anyMatch(group -> group < 0 || group >= groups)) {
                errors.add(field + "groups", "report.groups.unknown");
            }
            kept.add(new ReportDraft.Recommendation(title, rationale, chosenThemes, posts, chosenGroups));
        }
        return new ReportDraft(heard, next, kept);
    }

    /** Which of the cited posts are posts of this Jam the organiser can read (one read for all of them). */
    private java.util.Set<Long> postsOfJam(Actor actor, long jamId, List<ReportDraft.Recommendation> rows) {
        var cited = rows.stream().flatMap(row -> row.posts().stream()).distinct().toList();
        var found = new HashSet<Long>();
        if (cited.isEmpty()) {
            return found;
        }
        // A post of another Jam counts as unknown: a report cites only its own Jam.
        discussion.find(actor, cited).stream().filter(post -> post.jamId() == jamId).map(Post::id)
                .forEach(found::add);
        return found;
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
