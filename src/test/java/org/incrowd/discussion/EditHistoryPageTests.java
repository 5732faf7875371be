package org.incrowd.discussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.incrowd.identity.Role;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/** The edit history dates each version as the Jam's other pages do: in the Jam's time zone. */
@IncrowdTest
class EditHistoryPageTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;

    @Test
    void anEditIsDatedInTheJamsTimeZone() throws Exception {
        var fixtures = Fixtures.of(context);
        var jam = fixtures.jam("Harbour " + System.nanoTime()).timeZone("America/New_York").create();
        var forum = fixtures.forum(jam, "Commutes");
        var author = fixtures.person("Edie Editor", Role.PARTICIPANT);
        fixtures.join(jam, author);
        var idea = fixtures.idea(forum, author, "Ferry times", "The first ferry is too late.");
        fixtures.editing().edit(fixtures.actor(author), idea.id(),
                new PostDraft("Ferry times", "The first ferry leaves too late.", ""));

        var page = mvc.perform(get("/posts/" + idea.id() + "/history").session(fixtures.signIn(author))).andReturn()
                .getResponse();

        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("The first ferry is too late.").contains("(America/New_York)")
                .doesNotContain("(UTC)");
    }
}
