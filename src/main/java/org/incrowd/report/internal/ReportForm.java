package org.incrowd.report.internal;

import org.incrowd.report.ReportDraft;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.incrowd.shared.FieldErrors;

/**
 * The edit page's form as typed: recommendations are numbered rows ({@code rec-0-title} ...), posts are typed as ids
 * or links to them, one per line or separated by commas. A refused form is shown again exactly as typed.
 */
public record ReportForm(String heard, String next, List<Row> rows) {

    /** Spare empty rows the page offers for new recommendations. */
    static final int SPARE_ROWS = 2;
    private static final Pattern LAST_NUMBER = Pattern.compile("(\\d+)\\D*$");

    public record Row(String title, String rationale, Set<String> themes, String posts, Set<Integer> groups) {

        static final Row EMPTY = new Row("", "", Set.of(), "", Set.of());

        public boolean hasTheme(String key) {
            return themes.contains(key);
        }

        public boolean hasGroup(int id) {
            return groups.contains(id);
        }
    }

    static ReportForm of(ReportDraft draft) {
        var rows = new ArrayList<Row>();
        draft.recommendations().forEach(rec -> rows.add(new Row(rec.title(), rec.rationale(),
                Set.copyOf(rec.themes()), rec.posts().stream().map(String::valueOf)
                .collect(Collectors.joining("\n")), Set.copyOf(rec.groups()))));
        return new ReportForm(draft.heard(), draft.next(), withSpares(rows));
    }

    static ReportForm of(HttpServletRequest request) {
        int count = Math.clamp(parseInt(request.getParameter("rows")), 0, ReportWriting.MAX_RECOMMENDATIONS + 10);
        var rows = new ArrayList<Row>();
        for (int i = 0; i < count; i++) {
            String prefix = "rec-" + i + "-";
            rows.add(new Row(value(request, prefix + "title"), value(request, prefix + "rationale"),
                    Set.copyOf(values(request, prefix + "themes")), value(request, prefix + "posts"),
                    values(request, prefix + "groups").stream().map(ReportForm::parseInt).filter(g -> g >= 0)
                            .collect(Collectors.toUnmodifiableSet())));
        }
        return new ReportForm(value(request, "heard"), value(request, "next"), rows);
    }

    /** The form with spare rows at the end, for the page to show again. */
    ReportForm shown() {
        return new ReportForm(heard, next, withSpares(new ArrayList<>(rows.stream()
                .filter(row -> !row.equals(Row.EMPTY)).toList())));
    }

    /** The draft this form asks for; posts that cannot be read as ids or links are reported by row. */
    ReportDraft draft(FieldErrors errors) {
        var recommendations = new ArrayList<ReportDraft.Recommendation>();
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            var posts = new ArrayList<Long>();
            var unreadable = new ArrayList<String>();
            for (String token : row.posts().split("[\\s,;]+")) {
                if (token.isBlank()) {
                    continue;
                }
                var number = LAST_NUMBER.matcher(token);
                if (number.find() && number.group(1).length() < 18) {
                    posts.add(Long.parseLong(number.group(1)));
                } else {
                    unreadable.add(token);
                }
            }
            if (!unreadable.isEmpty()) {
                errors.add("rec-" + i + "-posts", "report.posts.unreadable", String.join(", ", unreadable));
            }
            recommendations.add(new ReportDraft.Recommendation(row.title(), row.rationale(),
                    row.themes().stream().sorted().toList(), posts, row.groups().stream().sorted().toList()));
        }
        return new ReportDraft(heard, next, recommendations);
    }

    private static List<Row> withSpares(List<Row> rows) {
        for (int i = 0; i < SPARE_ROWS && rows.size() < ReportWriting.MAX_RECOMMENDATIONS; i++) {
            rows.add(Row.EMPTY);
        }
        return rows;
    }

    private static String value(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value;
    }

    private static List<String> values(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values == null ? List.of() : Arrays.asList(values);
    }

    private static int parseInt(String value) {
        try {
            return value == null ? -1 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
