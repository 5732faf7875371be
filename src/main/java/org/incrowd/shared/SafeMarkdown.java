package org.incrowd.shared;

import java.util.List;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Markdown → HTML → sanitiser, in that order. Raw HTML in the Markdown is escaped by the renderer, and the sanitiser
 * then allows only formatting, lists, quotes, code and http(s)/mailto links, so no script, event handler, style or
 * {@code javascript:} URL survives, whatever the renderer produced. Used for posts and for a Jam's purpose alike.
 */
public final class SafeMarkdown {

    private static final List<org.commonmark.Extension> EXTENSIONS =
            List.of(AutolinkExtension.create(), StrikethroughExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS)
            .escapeHtml(true).sanitizeUrls(true).softbreak("<br>").build();
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "em", "strong", "del", "code", "pre", "blockquote", "ul", "ol", "li", "hr",
                    "h3", "h4", "h5", "h6", "a")
            .allowAttributes("href").onElements("a")
            .allowUrlProtocols("http", "https", "mailto")
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer", "ugc")
            .allowAttributes("start").matching(java.util.regex.Pattern.compile("\\d{1,6}")).onElements("ol")
            .toFactory();

    private SafeMarkdown() {
    }

    public static String toHtml(String markdown) {
        // Headings h1/h2 belong to the page; a post's headings start at h3.
        String html = RENDERER.render(PARSER.parse(markdown))
                .replace("<h1>", "<h3>").replace("</h1>", "</h3>")
                .replace("<h2>", "<h4>").replace("</h2>", "</h4>");
        return POLICY.sanitize(html);
    }
}
