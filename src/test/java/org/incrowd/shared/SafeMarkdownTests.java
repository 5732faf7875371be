package org.incrowd.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What readers see of the Markdown people write: formatting works, nothing in it can run. */
class SafeMarkdownTests {

    @Test
    void rendersBoldItalicAndStrikethrough() {
        assertThat(SafeMarkdown.toHtml("This is **bold**, *italic* and ~~gone~~."))
                .contains("<strong>bold</strong>", "<em>italic</em>", "<del>gone</del>");
    }

    @Test
    void rendersBulletedAndNumberedLists() {
        String html = SafeMarkdown.toHtml("- one\n- two\n\n3. three\n4. four");

        assertThat(html).contains("<ul>", "<li>one</li>", "<li>two</li>", "</ul>");
        assertThat(html).contains("<ol start=\"3\">", "<li>three</li>", "<li>four</li>");
    }

    @Test
    void rendersQuotesCodeAndParagraphsWithLineBreaks() {
        String html = SafeMarkdown.toHtml("> quoted\n\nfirst line\nsecond line\n\n`x < y`\n\n    block();");

        assertThat(html).contains("<blockquote>", "quoted", "first line<br />second line", "<code>x &lt; y</code>",
                "<pre><code>block();");
    }

    @Test
    void headingsStartBelowThePageHeadings() {
        String html = SafeMarkdown.toHtml("# Big\n\n## Smaller\n\n### Third");

        assertThat(html).contains("<h3>Big</h3>", "<h4>Smaller</h4>", "<h3>Third</h3>").doesNotContain("<h1", "<h2");
    }

    @Test
    void rendersLinksThatAreSafeForReadersAndSearchEngines() {
        String html = SafeMarkdown.toHtml("See [the plan](https://example.org/plan?a=1&b=2) or https://example.com.");

        assertThat(html).contains("href=\"https://example.org/plan?a&#61;1&amp;b&#61;2\"", ">the plan</a>");
        assertThat(html).contains("href=\"https://example.com\"");
        assertThat(html).containsPattern("<a href=\"https://example.org/[^\"]*\" rel=\"[^\"]*\"");
        // every link: nofollow (no SEO spam), noopener/noreferrer (the target cannot reach back to the page)
        var rel = java.util.regex.Pattern.compile("<a [^>]*rel=\"([^\"]*)\"").matcher(html);
        int links = 0;
        while (rel.find()) {
            links++;
            assertThat(rel.group(1).split(" ")).contains("nofollow", "noopener", "noreferrer", "ugc");
        }
        assertThat(links).isEqualTo(2);
    }

    @Test
    void keepsMailtoLinks() {
        assertThat(SafeMarkdown.toHtml("[write](mailto:team@example.org)")).contains("href=\"mailto:team&#64;example.org\"");
    }

    @Test
    void escapesRawHtmlSoItShowsAsText() {
        String html = SafeMarkdown.toHtml("Hello <b onclick=\"x()\">world</b> <script>alert(1)</script>\n\n<div>block</div>");

        assertThat(html).doesNotContain("<b", "<script", "<div", "onclick=\"");
        assertThat(html).contains("&lt;b onclick&#61;&#34;x()&#34;&gt;world&lt;/b&gt;", "&lt;script&gt;alert(1)&lt;/script&gt;",
                "&lt;div&gt;block&lt;/div&gt;");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[click](javascript:alert(1))",
            "[click](JavaScript:alert(1))",
            "[click](  javascript:alert(1))",
            "[click](javascript&#58;alert(1))",
            "[click](jav&#x09;ascript:alert(1))",
            "[click](vbscript:msgbox(1))",
            "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "<javascript:alert(1)>",
            "![image](javascript:alert(1))",
            "[click][ref]\n\n[ref]: javascript:alert(1)",
    })
    void removesLinksThatWouldRunScript(String markdown) {
        String html = SafeMarkdown.toHtml(markdown);

        assertThat(html.toLowerCase()).doesNotContainPattern("href=\"\\s*(javascript|vbscript|data):")
                .doesNotContain("<img", "src=");
        assertThat(html.replaceAll("&#\\d+;|&\\w+;", "").toLowerCase()).doesNotContainPattern("href=\"[^\"]*script");
    }

    @Test
    void showsNoImagesFromOtherSites() {
        // Images would let an author track readers (and their alt text is currently dropped with them).
        assertThat(SafeMarkdown.toHtml("![a chart](https://example.org/chart.png)")).doesNotContain("<img", "src=");
    }

    @Test
    void autolinksCannotBreakOutOfTheirAttribute() {
        String html = SafeMarkdown.toHtml("<https://example.org/\" onmouseover=\"alert(1)>\n\nwww.example.org/\"onmouseover=\"alert(1)");

        assertThat(html).doesNotContainPattern("\\son\\w+=");
    }
}
