package org.incrowd.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A page reaches the browser as the UTF-8 of what its template wrote, whatever the script of its text. */
class PageBufferTests {

    @Test
    void textInAnyScriptArrivesAsTheUtf8OfWhatTheTemplateWrote() throws Exception {
        var page = PageBuffer.take();
        page.writeBinaryContent("<p class=\"post\">".getBytes(StandardCharsets.UTF_8));
        page.writeContent("Crème brûlée, “quoted”, Ελληνικά, 日本語 and a rocket 🚀");
        page.writeContent("[skipped]only this[skipped]", 9, 18);
        page.writeBinaryContent("</p>".getBytes(StandardCharsets.UTF_8));

        assertThat(sent(page)).isEqualTo("<p class=\"post\">Crème brûlée, “quoted”, Ελληνικά, 日本語 and a rocket 🚀"
                + "only this</p>");
        page.release();
    }

    @Test
    void aBrokenCharacterIsWrittenAsTheJdkWritesIt() throws Exception {
        var page = PageBuffer.take();
        String broken = "a\uD83Db \uDE80c \uD83D";
        page.writeContent(broken);

        assertThat(sent(page).getBytes(StandardCharsets.UTF_8)).isEqualTo(broken.getBytes(StandardCharsets.UTF_8));
        page.release();
    }

    @Test
    void aPageLargerThanTheFirstArrayIsWrittenWhole() throws Exception {
        var page = PageBuffer.take();
        var expected = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            String line = "<li>Idea " + i + " — ünïcode</li>";
            page.writeContent(line);
            expected.append(line);
        }

        assertThat(sent(page)).isEqualTo(expected.toString());
        page.release();
    }

    @Test
    void aPageOnAReusedArrayShowsNothingOfThePageBefore() throws Exception {
        var first = PageBuffer.take();
        first.writeContent("the previous reader's private page");
        first.release();

        var next = PageBuffer.take();
        next.writeContent("mine");

        assertThat(sent(next)).isEqualTo("mine");
        next.release();
    }

    private static String sent(PageBuffer page) throws Exception {
        var out = new ByteArrayOutputStream();
        page.writeTo(out);
        assertThat(out.size()).isEqualTo(page.length());
        return out.toString(StandardCharsets.UTF_8);
    }
}
