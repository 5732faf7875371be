package org.incrowd.insight.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.incrowd.identity.Role;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** Counts are kept for a while (here one second) and redone in the background, never while the viewer waits. */
@IncrowdTest
@TestPropertySource(properties = "incrowd.participation.fresh-seconds=1")
class ParticipationRecountIntegrationTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;

    @Test
    void aReloadShowsTheLastCountAtOnceAndANewerOneOnceTheBackgroundRecountIsDone() throws Exception {
        var fixtures = Fixtures.of(context);
        var jam = fixtures.liveJam("Recounted Jam");
        var forum = fixtures.forum(jam, "Lunch");
        var session = fixtures.signIn(fixtures.organiser());
        assertThat(page(session, jam.id())).contains("<dd id=\"total-active\">0</dd>");

        var author = fixtures.person("Author", Role.PARTICIPANT);
        fixtures.join(jam, author);
        fixtures.idea(forum, author, "Salad bar", "Fresh every day.");
        // The kept count comes back at once, however old; an old one starts a recount for the next view.
        assertThat(page(session, jam.id())).contains("<dd id=\"total-active\">0</dd>");

        String latest = "";
        for (int attempt = 0; attempt < 60 && !latest.contains("<dd id=\"total-active\">1</dd>"); attempt++) {
            Thread.sleep(500);
            latest = page(session, jam.id());
        }
        assertThat(latest).contains("<dd id=\"total-active\">1</dd>", "<dd id=\"total-posts\">1</dd>");
    }

    private String page(MockHttpSession session, long jamId) throws Exception {
        return mvc.perform(get("/jams/" + jamId + "/participation").with(Fixtures.browser()).session(session))
                .andReturn().getResponse().getContentAsString();
    }
}
