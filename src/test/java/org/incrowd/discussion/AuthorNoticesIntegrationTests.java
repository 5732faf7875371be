package org.incrowd.discussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.incrowd.identity.Person;
import org.incrowd.identity.Pseudonyms;
import org.incrowd.identity.Role;
import org.incrowd.jam.IdentityMode;
import org.incrowd.jam.IdentityModes;
import org.incrowd.support.Fixtures;
import org.incrowd.support.HiddenAuthors;
import org.incrowd.support.IncrowdTest;
import org.incrowd.support.SignedInRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Everyone learns how authors appear before they write: the Jam home, forum and thread pages and every compose form
 * say it, a signed-in person reads their own pseudonym there, guests the mode only; their own posts carry "(you)"
 * beside the pseudonym others see (ADR 42).
 */
@IncrowdTest
class AuthorNoticesIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    IdentityModes modes;
    @Autowired
    Pseudonyms pseudonyms;

    HiddenAuthors hidden;
    SignedInRequests requests;
    Person reader;
    String pseudonym;

    @BeforeEach
    void aPseudonymousJam() {
        hidden = HiddenAuthors.in(context);
        requests = new SignedInRequests(mvc, hidden.fixtures);
        reader = hidden.fixtures.person("Rowan Reader", Role.PARTICIPANT);
        hidden.fixtures.join(hidden.jam, reader);
        pseudonym = pseudonyms.of(hidden.jam.id(), hidden.author.id());
    }

    @Test
    void aMemberReadsTheirOwnPseudonymOnTheJamForumThreadAndEveryComposeForm() throws Exception {
        var idea = hidden.pseudonymousIdea("Flexible hours", "Let teams choose their core hours.");
        String sentence = "others see you as " + pseudonym + " (Employee), never your name, unit or role.";

        assertThat(requests.page(hidden.author, "/jams/" + hidden.jam.id())).contains("In this Jam " + sentence);
        String forum = requests.page(hidden.author, "/forums/" + hidden.pseudonymous.id());
        assertThat(forum).as("said once, beside the form right under it").doesNotContain("id=\"author-notice\"")
                .contains("id=\"idea-author-notice\"").contains("In this forum " + sentence);
        String thread = requests.page(hidden.author, "/threads/" + idea.id());
        assertThat(thread).contains("id=\"reply-author-notice\"").contains("In this forum " + sentence);
        assertThat(requests.page(hidden.author, "/posts/" + idea.id() + "/edit"))
                .contains("id=\"edit-author-notice\"").contains("In this forum " + sentence);
    }

    @Test
    void anAnonymousForumSaysNoAuthorIsShownAndANamedOneAddsNothing() throws Exception {
        var idea = hidden.anonymousIdea("Exit interviews", "Make them anonymous too.");
        var named = hidden.fixtures.forum(hidden.jam, "By name");
        modes.setForForum(hidden.fixtures.actor(hidden.fixtures.organiser()), named.id(), IdentityMode.NAMED);

        assertThat(requests.page(reader, "/forums/" + hidden.anonymous.id()))
                .contains("In this forum no author is shown, not even a pseudonym.").doesNotContain("others see you as");
        assertThat(requests.page(reader, "/threads/" + idea.id())).contains("id=\"reply-author-notice\"")
                .contains("In this forum no author is shown, not even a pseudonym.");
        assertThat(requests.page(reader, "/forums/" + named.id())).doesNotContain("author-notice");
    }

    @Test
    void aGuestLearnsTheModeButIsGivenNoPseudonym() throws Exception {
        hidden.fixtures.jams().openToGuests(hidden.fixtures.actor(hidden.fixtures.organiser()), hidden.jam.id(), true);

        String forum = mvc.perform(get("/forums/" + hidden.pseudonymous.id()).with(Fixtures.browser()))
                .andReturn().getResponse().getContentAsString();

        assertThat(forum).contains("In this forum authors appear under pseudonyms, never with their name, unit or role.")
                .doesNotContain("others see you as");
    }

    @Test
    void whereTheOrganiserAllowsItThePseudonymShowsTheCountryAndTheNoticeSaysSo() throws Exception {
        var jam = hidden.fixtures.liveJam("Countries " + System.nanoTime());
        var forum = hidden.fixtures.forum(jam, "Everywhere");
        modes.setForJam(hidden.fixtures.actor(hidden.fixtures.organiser()), jam.id(), IdentityMode.PSEUDONYMOUS, true);
        hidden.fixtures.join(jam, hidden.author);
        hidden.fixtures.join(jam, reader);
        var idea = hidden.fixtures.idea(forum, hidden.author, "Time zones", "Meetings in everyone's daytime.");
        String shown = pseudonyms.of(jam.id(), hidden.author.id());

        assertThat(requests.page(hidden.author, "/forums/" + forum.id()))
                .contains("others see you as " + shown + " (Employee, Tuvalu), never your name, unit or role.");
        assertThat(requests.page(reader, "/threads/" + idea.id())).contains(shown).contains("(Employee, Tuvalu)")
                .doesNotContain(HiddenAuthors.NAME);
    }

    @Test
    void theAuthorSeesTheirPseudonymMarkedAsTheirsAndOthersSeeItWithTheParticipantTypeOnly() throws Exception {
        var idea = hidden.pseudonymousIdea("Standing desks", "One per team to share.");

        String own = requests.page(hidden.author, "/threads/" + idea.id());
        String others = requests.page(reader, "/threads/" + idea.id());
        String forum = requests.page(hidden.author, "/forums/" + hidden.pseudonymous.id());

        assertThat(own).contains(pseudonym).containsPattern("class=\"byline-mine\">\\(you\\)");
        assertThat(forum).containsPattern("class=\"byline-mine\">\\(you\\)");
        assertThat(others).contains(pseudonym).contains("(Employee)").doesNotContain("byline-mine");
        hidden.assertNoTrace("the thread as another member reads it", others);
    }
}
