package org.incrowd.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import org.incrowd.identity.Role;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * A thread's replies and a forum's ideas alone, as their pages' live regions fetch them again: what the page shows
 * its reader in that place, without the rest of the page, and refused as the page is.
 */
@IncrowdTest
class PartsOfPagesIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;

    private MockHttpServletResponse read(String path, MockHttpSession session) throws Exception {
        return Fixtures.page(mvc, path, session);
    }

    private static String comparable(String html) {
        return html.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"").replaceAll("\\s+", " ");
    }

    @Test
    void aThreadsRepliesAloneShowWhatItsPageShowsThereAndNothingElse() throws Exception {
        var fixtures = Fixtures.of(context);
        var jam = fixtures.liveJam("Replies alone Jam");
        var forum = fixtures.forum(jam, "Night buses");
        var author = fixtures.person("Gus", Role.PARTICIPANT);
        fixtures.join(jam, author);
        var idea = fixtures.idea(forum, author, "A bus at two", "The last bus leaves before the shift ends.");
        fixtures.reply(idea, author, "Or a shared taxi.");
        var rude = fixtures.reply(idea, author, "Something rude about the planners.");
        fixtures.moderating().hide(fixtures.actor(fixtures.organiser()), rude.id(), "Rude");
        var reader = fixtures.signIn(fixtures.person("Hana", Role.PARTICIPANT));

        var replies = read("/threads/" + idea.id() + "/replies", reader);
        assertThat(replies.getStatus()).isEqualTo(200);
        var html = HtmlUtils.htmlUnescape(replies.getContentAsString()).strip();
        var page = HtmlUtils.htmlUnescape(read("/threads/" + idea.id(), reader).getContentAsString());
        assertThat(html).startsWith("<div id=\"replies\"").contains("Or a shared taxi.")
                .contains("A facilitator hid this post.").doesNotContain("Something rude")
                // the replies, not the page: no layout, no idea, no reply form
                .doesNotContain("<html").doesNotContain("The last bus leaves").doesNotContain("id=\"reply-form\"");
        // the same as the page's replies, but for the lines' indentation and the forms' tokens (masked anew each time)
        assertThat(comparable(page)).contains(comparable(html));
    }

    @Test
    void aForumsIdeasAloneKeepTheirOrderAndSayWhenThereAreNone() throws Exception {
        var fixtures = Fixtures.of(context);
        var jam = fixtures.liveJam("Ideas alone Jam");
        var forum = fixtures.forum(jam, "Car parks");
        var reader = fixtures.signIn(fixtures.person("Ivo", Role.PARTICIPANT));

        var none = HtmlUtils.htmlUnescape(read("/forums/" + forum.id() + "/ideas", reader).getContentAsString()).strip();
        assertThat(none).startsWith("<div id=\"ideas\"").contains("No ideas yet");

        var first = fixtures.idea(forum, "Shade over the car park");
        fixtures.idea(forum, "Bicycle racks");
        fixtures.reacting().react(fixtures.actor(fixtures.organiser()), first.id(), ReactionKind.AGREE);
        var newest = HtmlUtils.htmlUnescape(read("/forums/" + forum.id() + "/ideas", reader).getContentAsString());
        var agreed = HtmlUtils.htmlUnescape(
                read("/forums/" + forum.id() + "/ideas?order=agreed", reader).getContentAsString());
        assertThat(newest.indexOf("Bicycle racks")).isLessThan(newest.indexOf("Shade over the car park"));
        assertThat(agreed.indexOf("Shade over the car park")).isLessThan(agreed.indexOf("Bicycle racks"));
        assertThat(newest).doesNotContain("No ideas yet").doesNotContain("<html").doesNotContain("Post idea")
                .contains("data-live-src=\"/forums/" + forum.id() + "/ideas?order=newest&page=0\"");
        assertThat(agreed).contains("data-live-src=\"/forums/" + forum.id() + "/ideas?order=agreed&page=0\"");

        var bogus = read("/forums/" + forum.id() + "/ideas?order=bogus", reader);
        assertThat(bogus.getStatus()).isEqualTo(422);
        assertThat(HtmlUtils.htmlUnescape(bogus.getContentAsString())).contains("There is no order called \"bogus\"");
        assertThat(read("/forums/999999/ideas", reader).getStatus()).isEqualTo(404);
        assertThat(read("/threads/999999/replies", reader).getStatus()).isEqualTo(404);
    }
}
