package org.incrowd.report;

import java.util.List;

/**
 * A report as organisers write it, whole: what we heard, what happens next, and the recommendations in order. The
 * edit page and {@code PUT /api/v1/jams/{id}/report} both save one.
 */
public record ReportDraft(String heard, String next, List<Recommendation> recommendations) {

    /**
     * One recommendation with the sources it draws on.
     *
     * @param themes Jam Pulse theme keys
     * @param posts  post ids (ideas or replies of this Jam)
     * @param groups opinion group ids (0 = group A)
     */
    public record Recommendation(String title, String rationale, List<String> themes, List<Long> posts,
                                 List<Integer> groups) {

        public Recommendation {
            themes = themes == null ? List.of() : List.copyOf(themes);
            posts = posts == null ? List.of() : List.copyOf(posts);
            groups = groups == null ? List.of() : List.copyOf(groups);
        }

        /** A row the organiser left empty (the form's spare rows): not a recommendation. */
        public boolean isBlank() {
            return (title == null || title.isBlank()) && (rationale == null || rationale.isBlank())
                    && themes.isEmpty() && posts.isEmpty() && groups.isEmpty();
        }
    }

    public ReportDraft {
        recommendations = recommendations == null ? List.of() : List.copyOf(recommendations);
    }

    public static final ReportDraft EMPTY = new ReportDraft("", "", List.of());
}
