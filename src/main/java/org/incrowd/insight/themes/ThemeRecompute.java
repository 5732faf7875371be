package org.incrowd.insight.themes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.incrowd.discussion.DiscussionEvents;
import org.incrowd.discussion.PostFeed;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.Person;
import org.incrowd.insight.ThemesRecomputed;
import org.incrowd.insight.shared.JamRecompute;
import org.incrowd.insight.shared.Leases;
import org.incrowd.insight.themes.algorithm.Theme;
import org.incrowd.insight.themes.algorithm.ThemeAnalysis;
import org.incrowd.insight.themes.algorithm.ThemeDocument;
import org.incrowd.insight.themes.algorithm.ThemeModel;
import org.incrowd.insight.themes.algorithm.ThemeResult;
import org.incrowd.insight.themes.algorithm.ThemeSettings;
import org.incrowd.meaning.PostVectors;
import org.incrowd.shared.SettingRejected;
import org.incrowd.text.Language;
import org.incrowd.text.LanguageDetection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps a Jam's themes current without recomputing once per post: posts mark their Jam as changed, and every
 * debounce period one background pass recomputes the changed Jams (the whole Jam and each forum) on whichever node
 * holds the Jam's lease. Passes and an organiser's "recompute now" never overlap on a node ({@link JamRecompute}), so
 * the analysis takes at most one thread per node and pages stay responsive; a large Jam whose recompute takes long is
 * recomputed less often than the debounce, so that it runs at most {@code incrowd.themes.recompute-share} of the time;
 * posts written in between are placed at once with the last model ({@link ThemeModels}).
 */
@Component
class ThemeRecompute extends JamRecompute {

    private static final Logger log = LoggerFactory.getLogger(ThemeRecompute.class);
    /** Far longer than a recompute at Jam scale (tens of seconds), short enough that a dead node's lease frees soon. */
    private static final Duration LEASE = Duration.ofMinutes(5);
    /** Below this many posts a scope has no themes yet: too few to group, and the page says so. */
    static final int MIN_POSTS = 10;
    /** Keeps each IN list well below what databases accept. */
    private static final int BATCH = 1_000;
    /** At most this many posts without a stored vector are encoded by a recompute (a few seconds of the encoder). */
    static final int ENCODE_HERE = 2_000;
    /** As the encoder feed tells a post's language (ADR 56), so both agree on which posts get vectors. */
    private final LanguageDetection languages = new LanguageDetection(Language.ENGLISH);

    private final PostFeed discussion;
    private final PostVectors vectors;
    private final IdentityService identity;
    private final ThemeSnapshots snapshots;
    private final ThemeModels models;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ThemeSettings settings;

    /**
     * {@code themes}: a fixed number of themes per scope, or 0 (the default) to let the analysis choose; {@code share}:
     * the most of the time one Jam's recompute may run ({@link JamRecompute}).
     */
    ThemeRecompute(PostFeed discussion, PostVectors vectors, IdentityService identity, ThemeSnapshots snapshots,
                   ThemeModels models, Leases leases, ApplicationEventPublisher events, Clock clock,
                   @Value("${incrowd.themes.count:0}") int themes,
                   @Value("${incrowd.themes.recompute-share:0.1}") double share) {
        super("themes", leases, LEASE, discussion,
                jamId -> snapshots.computedAt(jamId, ThemeSnapshot.WHOLE_JAM).isPresent(), share);
        if (themes < 0) {
            throw new SettingRejected("incrowd.themes.count",
                    "must be 0 (the analysis chooses) or more, not " + themes);
        }
        this.settings = ThemeSettings.DEFAULT.withThemes(themes);
        this.discussion = discussion;
        this.vectors = vectors;
        this.identity = identity;
        this.snapshots = snapshots;
        this.models = models;
        this.events = events;
        this.clock = clock;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DiscussionEvents.PostPublished published) {
        changed(published.jamId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DiscussionEvents.PostEdited edited) {
        changed(edited.jamId());
    }

    @Scheduled(initialDelayString = "${incrowd.themes.debounce-ms:20000}",
            fixedDelayString = "${incrowd.themes.debounce-ms:20000}")
    void recomputeChanged() {
        pass();
    }

    @Override
    protected void recomputeNow(long jamId) {
        long started = System.nanoTime();
        var scopes = readPosts(jamId);
        var people = people(scopes.get(ThemeSnapshot.WHOLE_JAM));
        var computedAt = clock.instant();
        for (var entry : scopes.entrySet()) {
            try {
                var computed = analyse(jamId, entry.getKey(), entry.getValue(), people, computedAt);
                snapshots.save(computed.snapshot());
                models.keep(computed.snapshot(), computed.model());
            } catch (RuntimeException e) { // one scope's failure keeps its previous themes, not the others'
                log.error("Themes of Jam {} forum {} could not be recomputed", jamId, entry.getKey(), e);
            }
        }
        events.publishEvent(new ThemesRecomputed(jamId, computedAt));
        log.info("Themes of Jam {} recomputed ({} scopes) in {} ms", jamId, scopes.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** {@code model} is null when the scope has too few posts for themes. */
    private record Computed(ThemeSnapshot snapshot, ThemeModel model) {
    }

    private Computed analyse(long jamId, long forumId, Posts posts, Map<Long, Person> people, Instant computedAt) {
        int n = posts.ids.size();
        ThemeResult result = n < MIN_POSTS ? null : ThemeAnalysis.analyse(posts.documents, settings,
                vectors.encoder()::encodeAll);
        long[] ids = new long[n];
        int[] themeOfPost = new int[n];
        int[] windowOfPost = new int[n];
        int[] authorOfPost = new int[n];
        var authors = new ArrayList<ThemeSnapshot.Author>();
        var authorIndex = new HashMap<Long, Integer>();
        for (int i = 0; i < n; i++) {
            ids[i] = posts.ids.get(i);
            Integer theme = result == null ? null : result.theme(i);
            themeOfPost[i] = theme == null ? -1 : theme;
            windowOfPost[i] = result == null ? -1 : result.window(i);
            authorOfPost[i] = authorIndex.computeIfAbsent(posts.authors.get(i), id -> {
                authors.add(author(id, people.get(id)));
                return authors.size() - 1;
            });
        }
        var previous = snapshots.latest(jamId, forumId).orElse(null);
        var computed = result == null ? List.<Theme>of() : result.themes();
        var named = ThemeKeys.name(ids, themeOfPost, computed.size(), previous);
        var themes = new ArrayList<ThemeSnapshot.ComputedTheme>();
        for (var theme : computed) {
            themes.add(new ThemeSnapshot.ComputedTheme(named.keys().get(theme.id()), theme.label(),
                    theme.representatives().stream().map(posts.ids::get).toList(), theme.summary()));
        }
        long lastPostId = n == 0 ? 0 : ids[n - 1];
        var times = posts.documents.stream().map(ThemeDocument::time).filter(java.util.Objects::nonNull).toList();
        var snapshot = new ThemeSnapshot(jamId, forumId, computedAt, lastPostId, named.nextKey(), themes,
                result == null ? List.of() : result.emergingTerms(), result == null ? 0 : result.windowCount(), ids,
                themeOfPost, windowOfPost, authorOfPost, authors,
                times.stream().min(Instant::compareTo).orElse(null), times.stream().max(Instant::compareTo).orElse(null));
        return new Computed(snapshot, result == null ? null : result.model());
    }

    private static ThemeSnapshot.Author author(long id, Person person) {
        return new ThemeSnapshot.Author(id, person.country(), person.orgUnit(), person.jobRole(),
                person.participantType().name());
    }

    /**
     * The posts of each scope, in post id order: the whole Jam and each forum, read in a single pass, each with its
     * stored sentence vector where it has one (read in batches). A post in a language the model covers whose vector
     * is not stored yet (written seconds ago) is encoded here, up to {@link #ENCODE_HERE} of them, so that it joins a
     * theme on meaning rather than forming themes on words; more than that means the encoder is still catching up
     * with the Jam (ADR 56), and the rest are grouped by their words until the next recompute.
     */
    private Map<Long, Posts> readPosts(long jamId) {
        var rows = new ArrayList<Row>();
        discussion.forEachPostText(jamId, 0, (postId, forumId, authorId, createdAt, text) ->
                rows.add(new Row(postId, forumId, authorId, createdAt, text)));
        var stored = new HashMap<Long, float[]>();
        for (int start = 0; start < rows.size(); start += BATCH) {
            stored.putAll(vectors.of(rows.subList(start, Math.min(rows.size(), start + BATCH)).stream()
                    .map(Row::postId).toList()));
        }
        var encoder = vectors.encoder();
        var missing = rows.stream().filter(row -> !stored.containsKey(row.postId()))
                .filter(row -> encoder.covers(languages.detect(row.text()))).limit(ENCODE_HERE).toList();
        if (!missing.isEmpty()) {
            var encoded = encoder.encodeAll(missing.stream().map(Row::text).toList());
            for (int i = 0; i < missing.size(); i++) {
                stored.put(missing.get(i).postId(), encoded.get(i));
            }
        }
        var whole = new Posts();
        var byForum = new HashMap<Long, Posts>();
        for (var row : rows) {
            var document = new ThemeDocument(row.text(), row.createdAt(), stored.get(row.postId()));
            whole.add(row.postId(), row.authorId(), document);
            byForum.computeIfAbsent(row.forumId(), f -> new Posts()).add(row.postId(), row.authorId(), document);
        }
        var all = new TreeMap<Long, Posts>(byForum);
        all.put(ThemeSnapshot.WHOLE_JAM, whole);
        return all;
    }

    /** Every author's profile, read in batches (posts reference their author, so every one is found). */
    private Map<Long, Person> people(Posts posts) {
        var distinct = posts.authors.stream().distinct().sorted().toList();
        var people = new HashMap<Long, Person>();
        for (int start = 0; start < distinct.size(); start += BATCH) {
            people.putAll(identity.findAll(distinct.subList(start, Math.min(distinct.size(), start + BATCH))));
        }
        return people;
    }

    private record Row(long postId, long forumId, long authorId, Instant createdAt, String text) {
    }

    private static final class Posts {
        final List<Long> ids = new ArrayList<>();
        final List<Long> authors = new ArrayList<>();
        final List<ThemeDocument> documents = new ArrayList<>();

        void add(long id, long author, ThemeDocument document) {
            ids.add(id);
            authors.add(author);
            documents.add(document);
        }
    }
}
