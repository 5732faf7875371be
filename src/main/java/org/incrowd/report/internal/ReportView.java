package org.incrowd.report.internal;

import java.time.Instant;
import java.util.List;
import org.incrowd.jam.Jam;
import org.incrowd.review.Stage;

/**
 * A report as readers see it, every source resolved to something they can follow: the page, the PDF, the Markdown
 * and the JSON API all show this.
 *
 * @param published whether participants see it (else a draft, for organisers only)
 */
public record ReportView(Jam jam, boolean published, Instant publishedAt, Instant updatedAt, String heard,
                         String next, List<Recommendation> recommendations) {

    /** A recommendation with its sources, the common ground and the minority view behind it. */
    public record Recommendation(int number, String title, String rationale, List<ThemeSource> themes,
                                 List<PostSource> posts, List<GroupSource> groups, List<Statement> commonGround,
                                 boolean commonGroundOfJam, List<Statement> minority) {
    }

    /** @param label null where the theme is gone since (a later computation); the key is shown then */
    public record ThemeSource(String key, String label, int size, String href) {
    }

    /**
     * A cited post, with the decision on it where it is an idea.
     *
     * @param text   its title, or the start of its text; null where the reader may not read it (hidden)
     * @param stage  the idea's stage, or null (a reply)
     * @param reason the latest decision's written reason, or null
     */
    public record PostSource(long id, String text, String href, Stage stage, String reason) {
    }

    public record GroupSource(int id, String name, int size, String href) {
    }

    /**
     * A statement of the opinion map: common ground (every group) or a minority view (one group).
     *
     * @param group the group's name (minority views), or null
     */
    public record Statement(long postId, String text, String href, boolean agree, String group, int percent,
                            int othersPercent) {
    }

    public String path() {
        return "/jams/" + jam.id() + "/report";
    }
}
