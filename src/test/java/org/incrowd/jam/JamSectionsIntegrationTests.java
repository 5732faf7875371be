package org.incrowd.jam;

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
 * A section of a Jam's home alone, as a live region in it fetches it again: the same section the home shows its
 * reader, without the rest of the page, and refused as the home is.
 */
@IncrowdTest
class JamSectionsIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;

    private MockHttpServletResponse read(String path, MockHttpSession session) throws Exception {
        return Fixtures.page(mvc, path, session);
    }

    @Test
    void theActivitySectionAloneShowsTheLatestPostsAndCountsWithoutTheRestOfTheHome() throws Exception {
        var fixtures = Fixtures.of(context);
        var jam = fixtures.liveJam("Sections Jam");
        var forum = fixtures.forum(jam, "Loading bays");
        var author = fixtures.person("Dara", Role.PARTICIPANT);
        fixtures.join(jam, author);
        var reader = fixtures.signIn(fixtures.person("Eli", Role.PARTICIPANT));

        var empty = read("/jams/" + jam.id() + "/sections/activity", reader);
        assertThat(empty.getStatus()).isEqualTo(200);
        assertThat(empty.getContentAsString()).contains("id=\"activity\"").contains("Nothing posted yet.");

        var idea = fixtures.idea(forum, author, "Covered bays", "Rain soaks the pallets.");
        fixtures.reply(idea, author, "Even a roof over two bays would do.");
        var section = read("/jams/" + jam.id() + "/sections/activity", reader);
        var html = HtmlUtils.htmlUnescape(section.getContentAsString());
        assertThat(html).contains("Covered bays").contains("<strong>1</strong> ideas")
                .contains("<strong>2</strong> posts in all").doesNotContain("Nothing posted yet.")
                // the section, not the page: no layout, no forums, no other module's sections
                .doesNotContain("<html").doesNotContain("Loading bays");
        assertThat(read("/jams/" + jam.id(), reader).getContentAsString())
                .contains("data-live-src=\"/jams/" + jam.id() + "/sections/activity\"");
    }

    @Test
    void anUnknownSectionIsNamedInA404AndAJamNotOpenToTheReaderIsRefusedAsItsHomeIs() throws Exception {
        var fixtures = Fixtures.of(context);
        var jam = fixtures.liveJam("Closed sections Jam");
        var reader = fixtures.signIn(fixtures.person("Fay", Role.PARTICIPANT));

        var unknown = read("/jams/" + jam.id() + "/sections/gossip", reader);
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(HtmlUtils.htmlUnescape(unknown.getContentAsString()))
                .contains("The Jam's home has no section called \"gossip\".");

        var guest = new MockHttpSession();
        var home = read("/jams/" + jam.id(), guest);
        var section = read("/jams/" + jam.id() + "/sections/activity", guest);
        assertThat(section.getStatus()).isEqualTo(home.getStatus()).isNotEqualTo(200);
        assertThat(section.getRedirectedUrl()).isEqualTo(home.getRedirectedUrl());
        assertThat(read("/jams/999999/sections/activity", reader).getStatus()).isEqualTo(404);
    }
}
