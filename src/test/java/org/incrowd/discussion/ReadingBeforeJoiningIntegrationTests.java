package org.incrowd.discussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.jam.Jam;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Someone who may read a live Jam but has not joined it sees why its buttons are greyed out before the first post,
 * with the way to the Jam's page where they join, not only at the foot of a long thread.
 */
@IncrowdTest
class ReadingBeforeJoiningIntegrationTests {

    private static final String BODY = "A bench by the loading bay for the drivers on their breaks.";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;

    Fixtures fixtures;
    Jam jam;
    Post idea;

    @BeforeEach
    void anIdeaInALiveJam() {
        fixtures = Fixtures.of(context);
        jam = fixtures.liveJam("Reading first " + System.nanoTime());
        var forum = fixtures.forum(jam, "Breaks");
        var author = fixtures.person("Ada Author", Role.PARTICIPANT);
        fixtures.join(jam, author);
        idea = fixtures.idea(forum, author, "A bench for drivers", BODY);
    }

    private String thread(Person reader) throws Exception {
        var response = mvc.perform(get("/threads/" + idea.id()).session(fixtures.signIn(reader))
                .with(Fixtures.browser())).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    @Test
    void aReaderWhoHasNotJoinedIsToldWhyAndWhereToJoinAboveTheIdea() throws Exception {
        var page = thread(fixtures.person("Rui Reader", Role.PARTICIPANT));
        assertThat(page).contains("id=\"cannot-post\"", "href=\"/jams/" + jam.id() + "\"");
        assertThat(page.indexOf("id=\"cannot-post\"")).isLessThan(page.indexOf(BODY));
        assertThat(page).containsOnlyOnce("join the Jam while it is live");
    }

    @Test
    void aMemberSeesNoSuchNote() throws Exception {
        var member = fixtures.person("Mia Member", Role.PARTICIPANT);
        fixtures.join(jam, member);
        assertThat(thread(member)).doesNotContain("id=\"cannot-post\"");
    }
}
