package org.incrowd.report.internal;

import java.util.List;
import org.incrowd.shared.PublicUrl;
import org.incrowd.shared.Ui;
import org.springframework.stereotype.Component;

/**
 * The report as Markdown, for wikis, repositories and mail. Everything people wrote is escaped character by character
 * (every ASCII punctuation mark gets a backslash, which CommonMark defines as the literal mark), so their text can
 * neither start a heading, list or link nor carry HTML into the place the file is shown. Links are absolute.
 */
@Component
class ReportMarkdown {

    private final PublicUrl publicUrl;

    ReportMarkdown(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    String render(ReportView report, Ui ui) {
        var md = new StringBuilder();
        md.append("# ").append(escape(ui.t("report.heading", report.jam().title()))).append("\n\n");
        if (!report.published()) {
            md.append("**").append(escape(ui.t("report.draftBanner"))).append("**\n\n");
        }
        md.append(link(report.jam().title(), "/jams/" + report.jam().id())).append("\n\n");
        section(md, ui.t("report.heard"), report.heard());
        section(md, ui.t("report.next"), report.next());
        md.append("## ").append(escape(ui.t("report.recommendations"))).append("\n\n");
        for (var rec : report.recommendations()) {
            md.append("### ").append(escape(ui.t("report.recommendation.title", rec.number(), rec.title())))
                    .append("\n\n");
            paragraphs(md, rec.rationale());
            list(md, ui.t("report.sources.themes"), rec.themes().stream().map(theme -> link(
                    theme.label() != null ? theme.label() : ui.t("report.theme.gone", theme.key()), theme.href()))
                    .toList());
            list(md, ui.t("report.sources.posts"), rec.posts().stream().map(post -> link(
                    post.text() != null ? post.text() : ui.t("report.post.unavailable", post.id()), post.href())
                    + (post.stage() == null ? "" : " — " + escape(post.stage().label(ui))
                    + (post.reason() == null ? "" : ": " + escape(oneLine(post.reason()))))).toList());
            list(md, ui.t("report.sources.groups"), rec.groups().stream().map(group -> link(
                    ui.t("report.group", group.name(), group.size()), group.href())).toList());
            list(md, ui.t(rec.commonGroundOfJam() ? "report.commonGround.jam" : "report.commonGround"),
                    rec.commonGround().stream().map(s -> link(s.text(), s.href()) + " — " + escape(ui.t(
                            s.agree() ? "report.commonGround.agree" : "report.commonGround.disagree",
                            s.percent()))).toList());
            list(md, ui.t("report.minority"), rec.minority().stream().map(s -> link(s.text(), s.href()) + " — "
                    + escape(ui.t(s.agree() ? "report.minority.agree" : "report.minority.disagree", s.group(),
                    s.percent(), s.othersPercent()))).toList());
        }
        return md.toString();
    }

    private static void section(StringBuilder md, String heading, String text) {
        if (text != null && !text.isBlank()) {
            md.append("## ").append(escape(heading)).append("\n\n");
            paragraphs(md, text);
        }
    }

    /** People's line breaks are kept: a paragraph per blank line, a hard break per line. */
    private static void paragraphs(StringBuilder md, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        for (String paragraph : text.strip().split("\\R\\s*\\R")) {
            md.append(String.join("\\\n", paragraph.strip().lines().map(line -> escape(line.strip())).toList()))
                    .append("\n\n");
        }
    }

    private static void list(StringBuilder md, String heading, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        md.append("**").append(escape(heading)).append("**\n\n");
        items.forEach(item -> md.append("- ").append(item).append('\n'));
        md.append('\n');
    }

    private String link(String text, String path) {
        return "[" + escape(oneLine(text)) + "](<" + publicUrl.absolute(path) + ">)";
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    /** Every ASCII punctuation mark escaped: CommonMark reads {@code \<} as a literal {@code <}, never as markup. */
    static String escape(String text) {
        var out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            if (c < 128 && isPunctuation(c)) {
                out.append('\\');
            }
            out.appendCodePoint(c);
        });
        return out.toString();
    }

    private static boolean isPunctuation(int c) {
        return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
    }
}
