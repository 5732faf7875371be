package org.incrowd.review.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.incrowd.insight.JamThemes;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Jam;
import org.incrowd.review.QueueFilter;
import org.incrowd.review.QueuePage;
import org.incrowd.review.SavedViews;
import org.incrowd.review.Stage;
import org.incrowd.shared.FieldErrors;

/**
 * The review queue page: the filters, one page of ideas, the saved views, and the bulk form, kept as typed (the
 * selection, stage, reason and reviewer) when a bulk action is refused.
 */
public record QueueScreen(Jam jam, boolean organiser, QueueFilter filter, QueuePage queue, List<Stage> stages,
                          List<Forum> forums, List<JamThemes.Theme> themes, List<SavedViews.View> views,
                          Set<Long> selected, boolean all, String bulkStage, String reason, String reviewer,
                          FieldErrors errors, String notice, Instant now) {

    public String stageLabel(String key, org.incrowd.shared.Ui ui) {
        return stages.stream().filter(s -> s.key().equals(key)).findFirst().map(s -> s.label(ui)).orElse(key);
    }

    public String forumTitle(long forumId) {
        return forums.stream().filter(f -> f.id() == forumId).findFirst().map(Forum::title).orElse("");
    }

    public String themeLabel(String key) {
        return key == null ? "" : themes.stream().filter(t -> t.key().equals(key)).findFirst()
                .map(JamThemes.Theme::label).orElse(key);
    }

    public List<String> types() {
        return java.util.Arrays.stream(org.incrowd.identity.ParticipantType.values()).map(Enum::name).toList();
    }

    public List<String> sorts() {
        return List.of("waiting", "score", "newest", "due");
    }

    public static String sortMessage(String sort) {
        return "review.queue.sort." + sort;
    }

    /** The message naming a participant type stored by name. */
    public static String typeMessage(String type) {
        return org.incrowd.identity.ParticipantType.valueOf(type).messageKey();
    }

    /** The link to another page of the same filters. */
    public String pageLink(int page) {
        String query = filter.query();
        return "/jams/" + jam.id() + "/review?" + (query.isEmpty() ? "" : query + "&") + "page=" + page;
    }

    public static String score(Double value) {
        return value == null ? "–" : String.format(java.util.Locale.ROOT, "%.2f", value);
    }

    public Map<String, String> none() {
        return Map.of();
    }
}
