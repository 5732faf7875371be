package org.incrowd.insight.themes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.incrowd.insight.shared.ProfileTally;
import org.incrowd.insight.themes.algorithm.Trend;

/**
 * Applies analysts' decisions to a computed snapshot: replays them in order (rename, merge, split, pin, hide, move),
 * then counts each resulting theme's posts, time windows, trend and authors. Plain Java, so the same snapshot and
 * decisions give the same themes on every node. Pinned themes come first, then the largest.
 */
final class PulseThemes {

    static final int REPRESENTATIVES = 5;

    private final ThemeSnapshot snapshot;
    private final Map<String, String> mergedInto = new HashMap<>();
    private final Map<Long, String> movedTo = new LinkedHashMap<>();
    private final Map<String, String> labels = new HashMap<>();
    private final Set<String> splitOff = new LinkedHashSet<>();
    private final Set<String> pinned = new HashSet<>();
    private final Set<String> hidden = new HashSet<>();
    /** Themes that exist in this snapshot: computed ones and those split off; decisions about others wait. */
    private final Set<String> existing = new HashSet<>();

    private PulseThemes(ThemeSnapshot snapshot, List<ThemeDecision> decisions) {
        this.snapshot = snapshot;
        snapshot.themes().forEach(theme -> existing.add(theme.key()));
        decisions.stream().filter(decision -> decision.kind() == ThemeDecision.Kind.SPLIT)
                .forEach(decision -> existing.add(decision.targetKey()));
    }

    /**
     * @param placed posts written after the snapshot, by the raw theme index the model placed them in
     */
    static List<PulseTheme> of(ThemeSnapshot snapshot, List<ThemeDecision> decisions, Map<Long, Integer> placed) {
        return replayed(snapshot, decisions).themes(placed);
    }

    /** The snapshot with the decisions applied, to ask which theme a post is in now. */
    static PulseThemes replayed(ThemeSnapshot snapshot, List<ThemeDecision> decisions) {
        var themes = new PulseThemes(snapshot, decisions);
        decisions.forEach(themes::replay);
        return themes;
    }

    /** The theme a post is in now (placed: its raw theme index when written after the snapshot), or null. */
    String themeOf(long postId, Integer placed) {
        int raw = snapshot.contains(postId) ? snapshot.themeOf(postId) : placed == null ? -1 : placed;
        return keyOf(postId, raw);
    }

    /** The key a theme goes by now: itself, or the theme it was merged into (and so on). */
    String current(String key) {
        String at = key;
        while (mergedInto.containsKey(at)) {
            at = mergedInto.get(at);
        }
        return at;
    }

    /** A moved post's theme, while that theme exists; otherwise (a recompute dissolved it) null. */
    private String existingTarget(String key) {
        String target = current(key);
        return existing.contains(target) ? target : null;
    }

    private void replay(ThemeDecision decision) {
        switch (decision.kind()) {
            case RENAME -> labels.put(current(decision.themeKey()), decision.label());
            case MERGE -> {
                String from = current(decision.themeKey());
                String into = current(decision.targetKey());
                if (!from.equals(into) && existing.contains(from) && existing.contains(into)) {
                    mergedInto.put(from, into);
                }
            }
            case SPLIT -> {
                splitOff.add(decision.targetKey());
                labels.put(decision.targetKey(), decision.label());
                decision.posts().forEach(post -> movedTo.put(post, decision.targetKey()));
            }
            case MOVE -> decision.posts().forEach(post -> movedTo.put(post, decision.targetKey()));
            case PIN -> pinned.add(current(decision.themeKey()));
            case UNPIN -> pinned.remove(current(decision.themeKey()));
            case HIDE -> hidden.add(current(decision.themeKey()));
            case SHOW -> hidden.remove(current(decision.themeKey()));
            case ANALYST_NAMED, ANALYST_REMOVED -> {
            }
        }
    }

    private String keyOf(long postId, int rawTheme) {
        String moved = movedTo.get(postId);
        if (moved != null && existingTarget(moved) != null) {
            return existingTarget(moved);
        }
        return rawTheme < 0 ? null : current(snapshot.themes().get(rawTheme).key());
    }

    List<PulseTheme> themes(Map<Long, Integer> placed) {
        var counts = new LinkedHashMap<String, Counts>();
        for (var theme : snapshot.themes()) {
            if (current(theme.key()).equals(theme.key())) {
                counts.put(theme.key(), new Counts(snapshot.windows()));
            }
        }
        splitOff.stream().filter(key -> current(key).equals(key)).forEach(key -> counts.put(key,
                new Counts(snapshot.windows())));
        int[] totals = new int[snapshot.windows()];
        long[] posts = snapshot.posts();
        for (int i = 0; i < posts.length; i++) {
            int window = snapshot.windowOfPost()[i];
            if (window >= 0) {
                totals[window]++;
            }
            String key = keyOf(posts[i], snapshot.themeOfPost()[i]);
            var theme = key == null ? null : counts.get(key);
            if (theme != null) {
                theme.add(window, snapshot.authorOfPost()[i]);
            }
        }
        placed.forEach((postId, rawTheme) -> {
            String key = keyOf(postId, rawTheme);
            if (key != null && counts.containsKey(key)) {
                counts.get(key).newPosts++;
            }
        });
        int all = java.util.Arrays.stream(totals).sum();
        int latest = totals.length == 0 ? 0 : totals[totals.length - 1];
        var representatives = representatives(counts.keySet());
        var result = new ArrayList<PulseTheme>(counts.size());
        int index = 0;
        for (var entry : counts.entrySet()) {
            String key = entry.getKey();
            var theme = entry.getValue();
            int raw = snapshot.indexOf(key);
            String label = labels.getOrDefault(key, raw < 0 ? key : snapshot.themes().get(raw).label());
            var tally = new ProfileTally();
            theme.authors.forEach(author -> {
                var a = snapshot.authors().get(author);
                tally.add(a.country(), a.unit(), a.jobRole(), a.participantType());
            });
            result.add(new PulseTheme(key, label, labels.containsKey(key), theme.size, theme.newPosts,
                    theme.authors.size(), representatives.get(key),
                    raw < 0 ? List.of() : snapshot.themes().get(raw).summary(), Trend.of(theme.windows, latest, all),
                    java.util.Arrays.stream(theme.windows).boxed().toList(), tally.profile(index++),
                    pinned.contains(key), hidden.contains(key)));
        }
        result.removeIf(theme -> theme.size() == 0 && theme.newPosts() == 0);
        result.sort(Comparator.comparing((PulseTheme theme) -> !theme.pinned())
                .thenComparing(Comparator.comparingInt(PulseTheme::size).reversed())
                .thenComparing(PulseTheme::label).thenComparing(PulseTheme::key));
        return result;
    }

    /**
     * Each theme's representatives: the computed representatives of the themes now in it that still belong to it
     * (its own first), then posts an analyst put in it.
     */
    private Map<String, List<Long>> representatives(Set<String> keys) {
        var chosen = new HashMap<String, List<Long>>();
        keys.forEach(key -> chosen.put(key, new ArrayList<>()));
        var ownFirst = new ArrayList<>(snapshot.themes());
        ownFirst.sort(Comparator.comparing(theme -> !current(theme.key()).equals(theme.key())));
        for (var theme : ownFirst) {
            for (long post : theme.representatives()) {
                add(chosen, keyOf(post, snapshot.themeOf(post)), post);
            }
        }
        movedTo.forEach((post, key) -> {
            if (snapshot.contains(post)) {
                add(chosen, existingTarget(key), post);
            }
        });
        return chosen;
    }

    private static void add(Map<String, List<Long>> chosen, String key, long post) {
        var list = key == null ? null : chosen.get(key);
        if (list != null && list.size() < REPRESENTATIVES && !list.contains(post)) {
            list.add(post);
        }
    }

    private static final class Counts {
        final int[] windows;
        final Set<Integer> authors = new HashSet<>();
        int size;
        int newPosts;

        Counts(int windowCount) {
            windows = new int[windowCount];
        }

        void add(int window, int author) {
            size++;
            authors.add(author);
            if (window >= 0) {
                windows[window]++;
            }
        }
    }
}
