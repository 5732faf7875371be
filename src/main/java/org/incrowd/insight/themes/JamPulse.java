package org.incrowd.insight.themes;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.incrowd.discussion.Reading;
import org.incrowd.discussion.Post;
import org.incrowd.identity.Actor;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.Person;
import org.incrowd.insight.ThemesRecomputed;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamService;
import org.incrowd.shared.Refusal;
import org.incrowd.shared.RowCache;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Jam Pulse: a Jam's or forum's themes for everyone who may read the Jam, and the analyst tools. Organisers and
 * the analysts they name refine the themes; each refinement is recorded as a {@link ThemeDecision} and announced like
 * a recompute, so open pages show it at once.
 */
@Service
class JamPulse {

    static final int LABEL_LENGTH = 100;
    static final int LOG_LENGTH = 50;

    private final JamService jams;
    private final Reading discussion;
    private final IdentityService identity;
    private final ThemeSnapshots snapshots;
    private final ThemeDecisions decisions;
    private final ThemeModels models;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /**
     * A Jam's leading themes and the snapshot they come from (ADR 51): a newer snapshot replaces them, a decision
     * evicts them where it is recorded (so that the listeners of its event read it too); posts written since the
     * snapshot show in them within {@link RowCache#FRESH}.
     */
    private final RowCache<Long, Leading> leadingThemes = RowCache.of(1_000);

    private record Leading(java.time.Instant snapshotAt, List<PulseTheme> themes) {
    }

    JamPulse(JamService jams, Reading discussion, IdentityService identity, ThemeSnapshots snapshots,
             ThemeDecisions decisions, ThemeModels models, ApplicationEventPublisher events, Clock clock) {
        this.jams = jams;
        this.discussion = discussion;
        this.identity = identity;
        this.snapshots = snapshots;
        this.decisions = decisions;
        this.models = models;
        this.events = events;
        this.clock = clock;
    }

    // ---- reading --------------------------------------------------------------------------------------------------

    PulsePage ofJam(Actor actor, long jamId) {
        var jam = jams.require(actor, jamId);
        return page(actor, jam, null);
    }

    PulsePage ofForum(Actor actor, long forumId) {
        var place = jams.requireForum(actor, forumId);
        return page(actor, place.jam(), place.forum());
    }

    /**
     * The first themes of a Jam as participants see them, for the Jam's home page and the other modules' views of the
     * Jam's themes (the caller may read the Jam). Kept a few seconds per node ({@link #leadingThemes}): placing the
     * posts written since the snapshot reads each of them, and every view of the home asked for it.
     */
    List<PulseTheme> leading(long jamId, int count) {
        var snapshot = snapshots.latest(jamId, ThemeSnapshot.WHOLE_JAM).orElse(null);
        if (snapshot == null) {
            return List.of();
        }
        java.util.function.Function<Long, Leading> placed =
                id -> new Leading(snapshot.computedAt(), visible(refined(snapshot), false));
        var kept = leadingThemes.get(jamId, placed);
        if (!kept.snapshotAt().equals(snapshot.computedAt())) { // a newer snapshot, from this node or another
            leadingThemes.evict(jamId);
            kept = leadingThemes.get(jamId, placed);
        }
        return kept.themes().stream().limit(count).toList();
    }

    /** The posts of a whole-Jam theme now, ascending: the snapshot's and those placed since, decisions applied. */
    List<Long> postsOf(long jamId, String key) {
        var snapshot = snapshots.latest(jamId, ThemeSnapshot.WHOLE_JAM).orElse(null);
        if (snapshot == null || key == null) {
            return List.of();
        }
        var replayed = PulseThemes.replayed(snapshot, decisions.of(jamId, ThemeSnapshot.WHOLE_JAM));
        var posts = new java.util.TreeSet<Long>();
        for (long post : snapshot.posts()) {
            if (key.equals(replayed.themeOf(post, null))) {
                posts.add(post);
            }
        }
        models.placedSince(snapshot).forEach((post, raw) -> {
            if (key.equals(replayed.themeOf(post, raw))) {
                posts.add(post);
            }
        });
        return List.copyOf(posts);
    }

    private PulsePage page(Actor actor, Jam jam, Forum forum) {
        long forumId = forum == null ? ThemeSnapshot.WHOLE_JAM : forum.id();
        boolean analyst = isAnalyst(actor, jam.id());
        var snapshot = snapshots.latest(jam.id(), forumId).orElse(null);
        var themes = snapshot == null ? List.<PulseTheme>of() : visible(refined(snapshot), analyst);
        var ids = new LinkedHashSet<Long>();
        themes.forEach(theme -> ids.addAll(theme.representatives()));
        var posts = new LinkedHashMap<Long, Post>();
        discussion.find(actor, new ArrayList<>(ids)).forEach(post -> posts.put(post.id(), post));
        var log = analyst ? decisions.latestInJam(jam.id(), LOG_LENGTH) : List.<ThemeDecision>of();
        var analysts = actor.canOrganise() ? decisions.analysts(jam.id()) : List.<Long>of();
        var people = new HashSet<Long>(analysts);
        log.forEach(decision -> people.add(decision.personId()));
        Map<Long, Person> named = people.isEmpty() ? Map.of() : identity.findAll(people);
        return new PulsePage(jam, forum, jams.forums(actor, jam.id()), snapshot, themes, posts, analyst,
                actor.canOrganise(), snapshot != null && models.canPlace(snapshot), log,
                analysts.stream().map(named::get).filter(java.util.Objects::nonNull).toList(), named);
    }

    private List<PulseTheme> refined(ThemeSnapshot snapshot) {
        return PulseThemes.of(snapshot, decisions.of(snapshot.jamId(), snapshot.forumId()),
                models.placedSince(snapshot));
    }

    private static List<PulseTheme> visible(List<PulseTheme> themes, boolean analyst) {
        return analyst ? themes : themes.stream().filter(theme -> !theme.hidden()).toList();
    }

    // ---- who may refine -------------------------------------------------------------------------------------------

    /** Organisers, and the people they named as analysts of this Jam. */
    boolean isAnalyst(Actor actor, long jamId) {
        return actor.canOrganise() || decisions.isAnalyst(jamId, actor.personId());
    }

    void requireAnalyst(Actor actor, long jamId) {
        jams.require(actor, jamId);
        if (!isAnalyst(actor, jamId)) {
            throw Refusal.forbidden("error.forbidden");
        }
    }

    void requireOrganiser(Actor actor, long jamId) {
        jams.require(actor, jamId);
        if (!actor.canOrganise()) {
            throw Refusal.forbidden("error.forbidden");
        }
    }

    /** Forum 0 is the whole Jam; any other must be one of the Jam's forums. */
    private void requireScope(Actor actor, long jamId, long forumId) {
        if (forumId == ThemeSnapshot.WHOLE_JAM) {
            jams.require(actor, jamId);
        } else if (jams.requireForum(actor, forumId).jam().id() != jamId) {
            throw Refusal.notFound("forum.notFound");
        }
    }

    // ---- refinement -----------------------------------------------------------------------------------------------

    @Transactional
    void rename(Actor actor, long jamId, long forumId, String key, String label) {
        var scope = refinable(actor, jamId, forumId);
        scope.requireTheme(key);
        record(actor, jamId, forumId, ThemeDecision.Kind.RENAME, key, null, label(label), List.of());
    }

    @Transactional
    void merge(Actor actor, long jamId, long forumId, String key, String into) {
        var scope = refinable(actor, jamId, forumId);
        scope.requireTheme(key);
        if (into == null || into.isBlank()) {
            throw Refusal.invalid("into", "pulse.merge.target");
        }
        scope.requireTheme(into);
        if (scope.current(key).equals(scope.current(into))) {
            throw Refusal.invalid("into", "pulse.merge.same");
        }
        record(actor, jamId, forumId, ThemeDecision.Kind.MERGE, key, into, null, List.of());
    }

    /** Splits the chosen posts of a theme off into a new theme with its own name. */
    @Transactional
    void split(Actor actor, long jamId, long forumId, String key, List<Long> posts, String label) {
        var scope = refinable(actor, jamId, forumId);
        scope.requireTheme(key);
        String name = label(label);
        if (posts == null || posts.isEmpty()) {
            throw Refusal.invalid("posts", "pulse.split.noPosts");
        }
        var chosen = posts.stream().distinct().toList();
        for (long post : chosen) {
            if (!key.equals(scope.themeOf(post))) {
                throw Refusal.invalid("posts", "pulse.post.notInTheme");
            }
        }
        // The split-off theme is named after its decision, so the key is set before anyone hears of the change.
        long id = decisions.record(jamId, forumId, ThemeDecision.Kind.SPLIT, key, null, name, chosen,
                actor.personId(), clock.instant());
        leadingThemes.evict(jamId);
        decisions.target(id, "s" + id);
        events.publishEvent(new ThemesRecomputed(jamId, clock.instant()));
    }

    @Transactional
    void pin(Actor actor, long jamId, long forumId, String key, boolean pinned) {
        refinable(actor, jamId, forumId).requireTheme(key);
        record(actor, jamId, forumId, pinned ? ThemeDecision.Kind.PIN : ThemeDecision.Kind.UNPIN, key, null, null,
                List.of());
    }

    @Transactional
    void hide(Actor actor, long jamId, long forumId, String key, boolean hidden) {
        refinable(actor, jamId, forumId).requireTheme(key);
        record(actor, jamId, forumId, hidden ? ThemeDecision.Kind.HIDE : ThemeDecision.Kind.SHOW, key, null, null,
                List.of());
    }

    @Transactional
    void move(Actor actor, long jamId, long forumId, long postId, String into) {
        var scope = refinable(actor, jamId, forumId);
        String from = scope.themeOf(postId);
        if (from == null && !scope.snapshot.contains(postId) && !scope.placed.containsKey(postId)) {
            throw Refusal.notFound("pulse.post.notFound");
        }
        scope.requireTheme(into);
        record(actor, jamId, forumId, ThemeDecision.Kind.MOVE, from, into, null, List.of(postId));
    }

    @Transactional
    void nameAnalyst(Actor actor, long jamId, String email) {
        requireOrganiser(actor, jamId);
        var person = identity.findByEmail(email == null ? "" : email.strip())
                .orElseThrow(() -> Refusal.invalid("email", "pulse.analyst.unknown"));
        if (decisions.name(jamId, person.id(), actor.personId(), clock.instant())) {
            record(actor, jamId, ThemeSnapshot.WHOLE_JAM, ThemeDecision.Kind.ANALYST_NAMED, null, null,
                    person.displayName(), List.of());
        }
    }

    @Transactional
    void removeAnalyst(Actor actor, long jamId, long personId) {
        requireOrganiser(actor, jamId);
        var person = identity.find(personId).orElseThrow(() -> Refusal.notFound("pulse.analyst.notFound"));
        if (!decisions.remove(jamId, personId)) {
            throw Refusal.notFound("pulse.analyst.notFound");
        }
        record(actor, jamId, ThemeSnapshot.WHOLE_JAM, ThemeDecision.Kind.ANALYST_REMOVED, null, null,
                person.displayName(), List.of());
    }

    private long record(Actor actor, long jamId, long forumId, ThemeDecision.Kind kind, String key, String target,
                        String label, List<Long> posts) {
        var now = clock.instant();
        long id = decisions.record(jamId, forumId, kind, key, target, label, posts, actor.personId(), now);
        leadingThemes.evict(jamId);
        events.publishEvent(new ThemesRecomputed(jamId, now));
        return id;
    }

    private static String label(String label) {
        String name = label == null ? "" : label.strip();
        if (name.isEmpty()) {
            throw Refusal.invalid("label", "pulse.label.required");
        }
        if (name.length() > LABEL_LENGTH) {
            throw Refusal.invalid("label", "pulse.label.tooLong", LABEL_LENGTH);
        }
        return name;
    }

    /** A scope an analyst may refine now: it has themes, and the decisions so far are applied. */
    private Refinable refinable(Actor actor, long jamId, long forumId) {
        requireAnalyst(actor, jamId);
        requireScope(actor, jamId, forumId);
        var snapshot = snapshots.latest(jamId, forumId)
                .orElseThrow(() -> Refusal.notFound("pulse.theme.notFound"));
        var placed = models.placedSince(snapshot);
        var replayed = PulseThemes.replayed(snapshot, decisions.of(jamId, forumId));
        var keys = new HashSet<String>();
        replayed.themes(placed).forEach(theme -> keys.add(theme.key()));
        return new Refinable(snapshot, placed, replayed, keys);
    }

    private record Refinable(ThemeSnapshot snapshot, Map<Long, Integer> placed, PulseThemes replayed,
                             java.util.Set<String> keys) {

        void requireTheme(String key) {
            if (key == null || !keys.contains(key)) {
                throw Refusal.notFound("pulse.theme.notFound");
            }
        }

        String current(String key) {
            return replayed.current(key);
        }

        String themeOf(long postId) {
            return replayed.themeOf(postId, placed.get(postId));
        }
    }
}
