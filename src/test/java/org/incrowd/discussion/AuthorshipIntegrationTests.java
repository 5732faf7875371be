package org.incrowd.discussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Duration;
import java.util.regex.Pattern;
import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.jam.Forum;
import org.incrowd.jam.JamKind;
import org.incrowd.jam.Jam;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.incrowd.support.MailCatcher;
import org.incrowd.support.SignedInRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Who an idea is from beyond its byline: ideas entered for someone with their consent and claimed by them once,
 * teams whose members edit the idea (and nobody else does), build-ons adopted into an idea and taken out again.
 */
@IncrowdTest
@RecordApplicationEvents
class AuthorshipIntegrationTests {

    static final String XSS_NAME = "Maria <script>alert(1)</script>";
    static final String XSS_PLACE = "night shift, <img src=x onerror=alert(2)>";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    ApplicationEvents events;

    Fixtures fixtures;
    SignedInRequests as;
    Jam jam;
    Forum forum;
    Person sam;
    Person maria;
    Person colleague;

    @BeforeEach
    void aForumWithAnEntrantAndTheNamedPerson() {
        fixtures = Fixtures.of(context);
        as = new SignedInRequests(mvc, fixtures);
        jam = fixtures.liveJam("Depots " + System.nanoTime());
        forum = fixtures.forum(jam, "Night shift");
        sam = fixtures.person("Sam Supervisor", Role.PARTICIPANT);
        maria = fixtures.person("Maria Driver", Role.PARTICIPANT);
        colleague = fixtures.person("Cole Colleague", Role.PARTICIPANT);
        fixtures.join(jam, sam);
        fixtures.join(jam, maria);
        fixtures.join(jam, colleague);
    }

    @Test
    void aProxyIdeaWithoutConsentIsRefusedWithAClearMessageKeepsWhatWasTypedAndSavesNothing() throws Exception {
        var response = as.send(sam, post("/forums/" + forum.id() + "/proxy").param("title", "Lights at gate 4")
                .param("body", "The gate is dark at 3 am.").param("forName", "Maria")
                .param("forPlace", "night shift, depot 4").param("consentHow", "IN_PERSON"));

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentAsString())
                .contains("An idea can only be posted for Maria with their consent", "Lights at gate 4",
                        "The gate is dark at 3 am.", "night shift, depot 4");
        assertThat(as.page(sam, "/forums/" + forum.id())).doesNotContain("Lights at gate 4");
        assertThat(events.stream(DiscussionEvents.PostPublished.class)).isEmpty();
    }

    @Test
    void aProxyIdeaShowsWhoItIsFromAndItsClaimMovesAuthorshipOnceWithTheEntrantStillVisible() throws Exception {
        long ideaId = enter("Lights at gate 4", "Maria", "night shift, depot 4", null);
        String slip = as.page(sam, "/ideas/" + ideaId + "/slip");
        String code = code(slip);
        assertThat(as.page(colleague, "/threads/" + ideaId))
                .contains("From Maria, night shift, depot 4 · entered by Sam Supervisor, with their consent");
        assertThat(as.send(colleague, get("/ideas/" + ideaId + "/slip")).getStatus()).isEqualTo(403);

        var wrong = as.send(maria, post("/claim").param("code", "ZZZZ-ZZZZ"));
        assertThat(wrong.getStatus()).isEqualTo(422);
        assertThat(wrong.getContentAsString()).contains("No idea has this code", "ZZZZ-ZZZZ");
        var own = as.send(sam, post("/claim").param("code", code));
        assertThat(own.getContentAsString()).contains("You entered this idea yourself");

        var claimed = as.send(maria, post("/claim").param("code", code.toLowerCase().replace("-", " ")));
        assertThat(claimed.getStatus()).isEqualTo(302);
        assertThat(claimed.getRedirectedUrl()).startsWith("/threads/" + ideaId);
        assertThat(fixtures.reading().require(fixtures.actor(maria), ideaId).authorId()).isEqualTo(maria.id());
        assertThat(events.stream(DiscussionEvents.ProxyIdeaClaimed.class))
                .containsExactly(new DiscussionEvents.ProxyIdeaClaimed(ideaId, jam.id(), sam.id(), maria.id()));
        assertThat(as.page(colleague, "/threads/" + ideaId)).contains("Maria Driver", "entered by Sam Supervisor");
        assertThat(as.page(sam, "/notifications")).contains("Maria Driver claimed the idea you entered for them");

        var again = as.send(colleague, post("/claim").param("code", code));
        assertThat(again.getStatus()).isEqualTo(422);
        assertThat(again.getContentAsString()).contains("This code was used already");
        assertThat(fixtures.reading().require(fixtures.actor(maria), ideaId).authorId()).isEqualTo(maria.id());
        assertThat(events.stream(DiscussionEvents.ProxyIdeaClaimed.class)).hasSize(1);
    }

    @Test
    void theNamedPersonIsMailedAClaimLinkAndTheirNameAndPlaceAreEscapedOnTheThreadPageAndInTheMail()
            throws Exception {
        String address = fixtures.email("maria-proxy");
        long ideaId = enter("Heated cabins", XSS_NAME, XSS_PLACE, address);

        String thread = as.page(colleague, "/threads/" + ideaId);
        assertThat(thread).doesNotContain("<script>alert(1)", "<img src=x")
                .contains("Maria &lt;script&gt;alert(1)&lt;/script&gt;");
        var mail = MailCatcher.awaitOne(address);
        assertThat(MailCatcher.html(mail)).doesNotContain("<script>alert(1)", "<img src=x")
                .contains("Maria &lt;script&gt;");
        assertThat(MailCatcher.text(mail)).contains("Sam Supervisor posted your idea for you", "Heated cabins");
        String link = MailCatcher.link(mail, "/claim");
        var viaLink = as.send(maria, get(link.substring(link.indexOf("/claim"))));
        assertThat(viaLink.getStatus()).isEqualTo(200);
        String typedCode = code(as.page(sam, "/ideas/" + ideaId + "/slip")).replace("-", "");
        assertThat(viaLink.getContentAsString()).contains("value=\"" + typedCode + "\"");
    }

    @Test
    void aTeamMemberMayEditTheIdeaWithTheirNameInItsHistoryAndANonMemberMayNot() throws Exception {
        var idea = fixtures.idea(forum, sam, "Shared vans", "Vans shared between depots.");
        assertThat(as.page(colleague, "/threads/" + idea.id())).contains("Join the team");
        assertThat(as.send(colleague, post("/ideas/" + idea.id() + "/team")).getStatus()).isEqualTo(302);
        assertThat(as.page(maria, "/threads/" + idea.id())).contains("Team (1)", "Cole Colleague");
        assertThat(events.stream(DiscussionEvents.TeamJoined.class))
                .containsExactly(new DiscussionEvents.TeamJoined(idea.id(), jam.id(), colleague.id()));
        assertThat(as.page(sam, "/notifications")).contains("Cole Colleague joined the team of your idea");

        var edited = api(colleague, patch("/api/v1/posts/" + idea.id()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"Shared vans\",\"body\":\"Vans shared between depots, booked by app.\"}"));
        assertThat(edited.getStatus()).isEqualTo(200);
        assertThat(as.page(maria, "/posts/" + idea.id() + "/history"))
                .contains("Edited by Cole Colleague", "Vans shared between depots.");

        var refused = api(maria, patch("/api/v1/posts/" + idea.id()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"Mine now\",\"body\":\"Nope.\"}"));
        assertThat(refused.getStatus()).isEqualTo(403);

        assertThat(as.send(colleague, post("/ideas/" + idea.id() + "/team/leave")).getStatus()).isEqualTo(302);
        assertThat(events.stream(DiscussionEvents.TeamLeft.class)).hasSize(1);
        assertThat(api(colleague, patch("/api/v1/posts/" + idea.id()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"Shared vans\",\"body\":\"Again.\"}")).getStatus()).isEqualTo(403);
    }

    @Test
    void theAuthorTakesSomeoneOffTheTeamAndNobodyElseMay() throws Exception {
        var idea = fixtures.idea(forum, sam, "Night canteen", "Hot food after midnight.");
        assertThat(api(colleague, put("/api/v1/ideas/" + idea.id() + "/team")).getContentAsString())
                .contains("Cole Colleague");
        assertThat(api(maria, org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .delete("/api/v1/ideas/" + idea.id() + "/team/" + colleague.id())).getStatus()).isEqualTo(403);
        assertThat(as.send(sam, post("/ideas/" + idea.id() + "/team/" + colleague.id() + "/remove")).getStatus())
                .isEqualTo(302);
        assertThat(as.page(maria, "/threads/" + idea.id())).doesNotContain("Cole Colleague");
    }

    @Test
    void adoptingABuildOnPublishesTheEventShowsItOnReplyAndIdeaAndUndoingWithdrawsIt() throws Exception {
        var idea = fixtures.idea(forum, sam, "Quiet room", "A room to rest between shifts.");
        var buildOn = fixtures.reply(idea, maria, "With blackout curtains for day sleepers.");
        assertThat(as.page(sam, "/threads/" + idea.id())).contains("Adopt into the idea");
        assertThat(as.page(colleague, "/threads/" + idea.id())).doesNotContain("Adopt into the idea");
        assertThat(as.send(colleague, post("/posts/" + buildOn.id() + "/adopt")).getStatus()).isEqualTo(403);

        assertThat(as.send(sam, post("/posts/" + buildOn.id() + "/adopt")).getStatus()).isEqualTo(302);
        assertThat(events.stream(DiscussionEvents.BuildOnAdopted.class)).containsExactly(
                new DiscussionEvents.BuildOnAdopted(buildOn.id(), idea.id(), jam.id(), sam.id(), maria.id()));
        assertThat(as.page(colleague, "/threads/" + idea.id()))
                .contains("Adopted into the idea", "Adopted contributions (1)", "Build-on by Maria Driver");
        assertThat(as.page(maria, "/notifications")).contains("Sam Supervisor adopted your build-on into the idea");

        var undone = api(sam, org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .delete("/api/v1/posts/" + buildOn.id() + "/adoption"));
        assertThat(undone.getContentAsString()).contains("\"adopted\":false");
        assertThat(events.stream(DiscussionEvents.BuildOnAdoptionUndone.class)).containsExactly(
                new DiscussionEvents.BuildOnAdoptionUndone(buildOn.id(), idea.id(), jam.id(), sam.id(), maria.id()));
        assertThat(as.page(colleague, "/threads/" + idea.id())).doesNotContain("Adopted contributions");
    }

    @Test
    void anAnswerInAHelpStreamIsMarkedAsTheSolutionNotAdopted() throws Exception {
        var stream = fixtures.jam("Ask the depot").campaign(JamKind.HELP_STREAM, null, null)
                .endsIn(Duration.ofDays(1)).create();
        var topic = fixtures.forum(stream, "Lockers");
        fixtures.join(stream, sam);
        fixtures.join(stream, maria);
        var question = fixtures.idea(topic, maria, "Where are the spare keys?", "My locker is stuck.");
        var answer = fixtures.reply(question, sam, "At the gate office.");

        assertThat(as.page(maria, "/help/questions/" + question.id())).doesNotContain("Adopt into the idea");
        assertThat(as.send(maria, post("/posts/" + answer.id() + "/adopt")).getStatus()).isEqualTo(422);
        assertThat(events.stream(DiscussionEvents.BuildOnAdopted.class)).isEmpty();
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private long enter(String title, String name, String place, String email) throws Exception {
        var request = post("/forums/" + forum.id() + "/proxy").param("title", title)
                .param("body", "As told at the depot.").param("forName", name).param("forPlace", place)
                .param("consent", "true").param("consentHow", "IN_PERSON");
        if (email != null) {
            request.param("forEmail", email);
        }
        var response = as.send(sam, request);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(302);
        var matcher = Pattern.compile("/ideas/(\\d+)/slip").matcher(response.getRedirectedUrl());
        assertThat(matcher.find()).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private static String code(String slip) {
        var matcher = Pattern.compile("id=\"claim-code\">([A-Z0-9]{4}-[A-Z0-9]{4})<").matcher(slip);
        assertThat(matcher.find()).as(slip).isTrue();
        return matcher.group(1);
    }

    private MockHttpServletResponse api(Person person, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(fixtures.bearer(person)).with(Fixtures.servletPath())).andReturn()
                .getResponse();
    }
}
