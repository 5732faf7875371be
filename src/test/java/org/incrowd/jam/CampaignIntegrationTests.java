package org.incrowd.jam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.incrowd.discussion.ReactionKind;
import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.incrowd.support.SignedInRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Idea campaigns beside Jams: an idea box, always open, and a challenge with a deadline and a prize are created on
 * the page and through the API, listed as what they are, and taken part in like any Jam; bad input keeps what was
 * typed.
 */
@IncrowdTest
class CampaignIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;

    Fixtures fixtures;
    SignedInRequests requests;
    Person organiser;
    Person member;

    @BeforeEach
    void people() {
        fixtures = Fixtures.of(context);
        requests = new SignedInRequests(mvc, fixtures);
        organiser = fixtures.organiser();
        member = fixtures.person("Mia Member", Role.PARTICIPANT);
    }

    static String local(Duration fromNow) {
        return LocalDateTime.now(ZoneOffset.UTC).plus(fromNow).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    MockHttpServletRequestBuilder form(String title, String kind) {
        return post("/jams").accept(MediaType.TEXT_HTML).param("title", title).param("kind", kind)
                .param("startsAt", local(Duration.ofHours(-1))).param("timeZone", "UTC")
                .param("audience", "EMPLOYEE", "PUBLIC");
    }

    long created(MockHttpServletResponse response) {
        assertThat(response.getStatus()).as(response.getContentAsByteArray().length > 0 ? "refused" : "")
                .isEqualTo(302);
        String url = response.getRedirectedUrl();
        return Long.parseLong(url.substring("/jams/".length(), url.indexOf("/edit")));
    }

    @Test
    void anOrganiserOpensAnIdeaBoxOnThePageAndEveryoneSeesItAlwaysOpenWithoutEnd() throws Exception {
        String title = "Ideas for the depot " + System.nanoTime();
        long id = created(requests.send(organiser, form(title, "IDEA_BOX").param("unit", "Logistics")
                .param("endsAt", "")));
        requests.send(organiser, post("/jams/" + id + "/publish"));

        String list = requests.page(member, "/jams");
        String card = list.substring(list.indexOf(title));
        assertThat(card.substring(0, card.indexOf("</li>"))).contains("Idea box", "Live", "for Logistics")
                .doesNotContain("left", "closes in");
        assertThat(requests.page(member, "/jams/" + id)).contains("without end").doesNotContain("9999");
        var jam = fixtures.jams().require(fixtures.actor(member), id);
        assertThat(jam.kind()).isEqualTo(JamKind.IDEA_BOX);
        assertThat(jam.phase(jam.startsAt().plus(Duration.ofDays(365 * 50)))).as("never closes by the clock")
                .isEqualTo(JamPhase.LIVE);
    }

    @Test
    void anIdeaBoxTakesIdeasBuildingOnAndReactionsLikeAJam() throws Exception {
        var box = fixtures.jam("Box " + System.nanoTime()).campaign(JamKind.IDEA_BOX, null, null).create();
        var forum = fixtures.forum(box, "Canteen");
        fixtures.join(box, member);

        var idea = fixtures.idea(forum, member, "Soup on Fridays", "Warm soup every Friday");
        fixtures.reply(idea, organiser, "And bread from the local bakery");
        var reacted = fixtures.reacting().react(fixtures.actor(organiser), idea.id(), ReactionKind.AGREE);

        assertThat(reacted.counts().agree()).isEqualTo(1);
        assertThat(requests.page(member, "/threads/" + idea.id())).contains("Soup on Fridays", "local bakery");
        assertThat(requests.page(organiser, "/jams/" + box.id() + "/participation")).contains("Canteen");
    }

    @Test
    void aChallengeThroughTheApiCarriesItsKindPrizeAndUnitAndIsListedWithItsDeadline() throws Exception {
        String title = "Cut packaging " + System.nanoTime();
        var response = mvc.perform(post("/api/v1/jams").with(fixtures.bearer(organiser))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"title": "%s", "startsAt": "%s", "endsAt": "%s", "timeZone": "UTC",
                         "audience": ["EMPLOYEE"], "invitationOnly": false, "kind": "CHALLENGE",
                         "prize": "A trip to the recycling plant", "unit": "Operations"}"""
                        .formatted(title, local(Duration.ofHours(-1)), local(Duration.ofDays(3).plusHours(1)))))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getContentAsString()).contains("\"kind\":\"CHALLENGE\"",
                "\"prize\":\"A trip to the recycling plant\"", "\"unit\":\"Operations\"");
        long id = Long.parseLong(response.getContentAsString().replaceAll("^\\{\"id\":(\\d+).*$", "$1"));
        fixtures.jams().publish(fixtures.actor(organiser), id);

        String list = requests.page(member, "/jams");
        String card = list.substring(list.indexOf(title));
        assertThat(card.substring(0, card.indexOf("</li>"))).contains("Challenge", "closes in 3 days",
                "Prize: A trip to the recycling plant", "for Operations");
        assertThat(mvc.perform(get("/api/v1/jams/" + id).with(fixtures.bearer(member))).andReturn().getResponse()
                .getContentAsString()).contains("\"kind\":\"CHALLENGE\"");
    }

    @Test
    void aChallengeWithoutDeadlineAnIdeaBoxWithAPrizeAndAPastDeadlineAreRefusedKeepingWhatWasTyped()
            throws Exception {
        var noDeadline = requests.send(organiser, form("Typed <challenge>", "CHALLENGE").param("endsAt", "")
                .param("prize", "A bike"));
        assertThat(noDeadline.getStatus()).isEqualTo(422);
        assertThat(noDeadline.getContentAsString()).contains("Give the challenge's deadline.",
                "value=\"Typed &lt;challenge>\"", "value=\"A bike\"");

        var prizedBox = requests.send(organiser, form("Box with prize", "IDEA_BOX").param("prize", "A bike"));
        assertThat(prizedBox.getStatus()).isEqualTo(422);
        assertThat(prizedBox.getContentAsString()).contains("Only a challenge offers a prize.",
                "value=\"Box with prize\"", "value=\"A bike\"");

        var past = requests.send(organiser, form("Late challenge", "CHALLENGE")
                .param("startsAt", local(Duration.ofDays(-3))).param("endsAt", local(Duration.ofDays(-1))));
        assertThat(past.getStatus()).isEqualTo(422);
        assertThat(past.getContentAsString()).contains("The deadline has passed already.",
                "value=\"Late challenge\"");

        var api = mvc.perform(post("/api/v1/jams").with(fixtures.bearer(organiser))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"title": "No deadline", "startsAt": "%s", "timeZone": "UTC", "audience": ["EMPLOYEE"],
                         "invitationOnly": false,
                         "kind": "CHALLENGE"}""".formatted(local(Duration.ofHours(1))))).andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(422);
        assertThat(api.getContentAsString()).contains("\"field\":\"endsAt\"");
        assertThat(fixtures.jams().visibleTo(fixtures.actor(organiser))).extracting(Jam::title)
                .doesNotContain("Typed <challenge>", "Box with prize", "Late challenge", "No deadline");
    }

    @Test
    void aChosenCommunityForumTakesPostsWhileAnotherForumOfTheSameJamIsAReadOnlyArchive() throws Exception {
        var jam = fixtures.liveJam("After " + System.nanoTime());
        var garden = fixtures.forum(jam, "Garden");
        var parking = fixtures.forum(jam, "Parking");
        fixtures.join(jam, member);
        fixtures.idea(parking, member, "More bike racks", "Near the entrance");
        fixtures.closeNow(jam);

        var response = requests.send(organiser, post("/jams/" + jam.id() + "/community").param("choose", "forums")
                .param("continuing", Long.toString(garden.id())));
        assertThat(response.getRedirectedUrl()).isEqualTo("/jams/" + jam.id());

        var herbs = fixtures.idea(garden, member, "Herb beds", "Let us plant herbs");
        assertThat(requests.page(member, "/threads/" + herbs.id())).contains("Let us plant herbs");
        var refused = requests.send(member, post("/forums/" + parking.id() + "/threads").accept(MediaType.TEXT_HTML)
                .param("title", "Still here").param("body", "Carry on"));
        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(refused.getContentAsString()).contains("This forum is kept as a read-only archive");
        String home = requests.page(member, "/jams/" + jam.id());
        assertThat(home.substring(home.indexOf("Garden"), home.indexOf("Parking")))
                .contains("Continues as a community");
        assertThat(home.substring(home.indexOf("Parking"))).contains("Archive (read only)");
        assertThat(requests.page(member, "/forums/" + parking.id())).as("the archive still reads, and says so")
                .contains("More bike racks", "This forum is kept as a read-only archive");
        assertThat(requests.page(member, "/forums/" + garden.id()))
                .doesNotContain("This forum is kept as a read-only archive");
    }

    @Test
    void theWholeJamEntersTheCommunityAsBeforeWhenTheOrganiserAllowsPosting() {
        var jam = fixtures.liveJam("Whole " + System.nanoTime());
        var forum = fixtures.forum(jam, "Everything");
        fixtures.join(jam, member);
        fixtures.closeNow(jam);

        fixtures.jams().enterCommunity(fixtures.actor(organiser), jam.id(), true);

        assertThat(fixtures.idea(forum, member, "Keep going", "Still ideas").id()).isPositive();
        assertThat(fixtures.jams().forums(fixtures.actor(member), jam.id()))
                .allMatch(Forum::communityContinues);
    }
}
