package org.incrowd.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.incrowd.discussion.Post;
import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Jam;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.incrowd.support.SignedInRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who is told what: each trigger reaches exactly the people it concerns (the author yes, the writer no, whoever
 * muted no, people outside the Jam no), with what the notification text needs, and never who flagged.
 */
@IncrowdTest
class TriggersIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JamDigest digest;

    Fixtures fixtures;
    SignedInRequests requests;
    Jam jam;
    Forum forum;
    Person ann;
    Person ben;
    Person cleo;
    Person facilitator;
    Post idea;

    @BeforeEach
    void aForumWithAnIdea() {
        fixtures = Fixtures.of(context);
        requests = new SignedInRequests(mvc, fixtures);
        jam = fixtures.liveJam("Told " + System.nanoTime());
        forum = fixtures.forum(jam, "Commuting");
        ann = member("Ann Author");
        ben = member("Ben Builder");
        cleo = member("Cleo Colleague");
        facilitator = fixtures.person("Fay Facilitator", Role.PARTICIPANT);
        fixtures.facilitator(forum, facilitator);
        idea = fixtures.idea(forum, ann, "Night buses", "The last bus leaves before the late shift ends.");
    }

    // ---- replies and build-ons ------------------------------------------------------------------------------------

    @Test
    void buildingOnAnIdeaTellsItsAuthorButNotTheWriter() {
        var reply = fixtures.reply(idea, ben, "A shuttle from the station would do.");

        assertThat(told("BUILD_ON")).containsExactly(ann.id());
        assertThat(told("REPLY")).isEmpty();
        var row = rows("BUILD_ON").getFirst();
        assertThat(row.link()).isEqualTo("/posts/" + reply.id());
        assertThat(row.params()).containsEntry("actor", "Ben Builder").containsEntry("title", "Night buses")
                .containsEntry("text", "A shuttle from the station would do.");
    }

    @Test
    void aReplyToAReplyTellsItsAuthorAndTheThreadsFollowersOnceEach() throws Exception {
        var reply = fixtures.reply(idea, ben, "A shuttle from the station would do.");
        requests.send(cleo, post("/threads/" + idea.id() + "/follow").param("state", "FOLLOW"));

        fixtures.reply(reply, cleo, "Who would drive it?");

        assertThat(told("REPLY")).as("Ben's reply was answered; Ann follows her own thread; Cleo wrote it")
                .containsExactlyInAnyOrder(ben.id(), ann.id());
    }

    @Test
    void aMutedThreadOrForumTellsNothingOfReplies() throws Exception {
        var dan = member("Dan Dormant");
        requests.send(dan, post("/threads/" + idea.id() + "/follow").param("state", "FOLLOW"));
        requests.send(dan, post("/forums/" + forum.id() + "/follow").param("state", "MUTE"));
        requests.send(ann, post("/threads/" + idea.id() + "/follow").param("state", "MUTE"));

        fixtures.reply(idea, ben, "A shuttle from the station would do.");

        assertThat(told("BUILD_ON")).isEmpty();
        assertThat(told("REPLY")).isEmpty();
    }

    @Test
    void unfollowingAThreadOneStartedStopsItsNews() throws Exception {
        var response = requests.send(ann, post("/threads/" + idea.id() + "/follow").param("state", "NONE"));
        assertThat(response.getRedirectedUrl()).isEqualTo("/threads/" + idea.id());
        var reply = fixtures.reply(idea, ben, "A shuttle from the station would do.");

        fixtures.reply(reply, cleo, "Who would drive it?");

        assertThat(told("REPLY")).containsExactly(ben.id());
    }

    @Test
    void theFollowButtonsShowTheChoiceAndTakeItBack() throws Exception {
        String before = requests.page(cleo, "/threads/" + idea.id() + "/follow");
        assertThat(before).contains("id=\"follow-thread-" + idea.id() + "-follow\" class=\"reaction\" aria-pressed=\"false\"");

        var htmx = requests.send(cleo, post("/threads/" + idea.id() + "/follow").param("state", "FOLLOW")
                .header("HX-Request", "true"));
        assertThat(htmx.getContentAsString())
                .contains("id=\"follow-thread-" + idea.id() + "-follow\" class=\"reaction\" aria-pressed=\"true\"")
                .contains("name=\"state\" value=\"NONE\"")
                .contains("You follow this thread");
        assertThat(requests.page(ann, "/threads/" + idea.id() + "/follow")).as("authors follow their own threads")
                .contains("id=\"follow-thread-" + idea.id() + "-follow\" class=\"reaction\" aria-pressed=\"true\"");

        var bad = requests.send(cleo, post("/threads/" + idea.id() + "/follow").param("state", "MAYBE"));
        assertThat(bad.getStatus()).isEqualTo(422);
    }

    // ---- mentions -------------------------------------------------------------------------------------------------

    @Test
    void aMentionTellsTheMemberNamedAndNoOneElse() {
        var outsider = fixtures.person("Olga Outside", Role.PARTICIPANT);
        var twinOne = member("Sam Same");
        var twinTwo = member("Sam Same");

        var post = fixtures.reply(idea, ben, """
                Thanks @Cleo Colleague, and @Ann Author. — @Olga Outside may know; @Sam Same too; \
                write to ben@cleo.example.""");

        assertThat(told("MENTION")).as("Ann is told once, of the build-on; Olga is no member; Sam is two people")
                .containsExactly(cleo.id());
        assertThat(told("BUILD_ON")).containsExactly(ann.id());
        assertThat(rows("MENTION").getFirst().link()).isEqualTo("/posts/" + post.id());
        assertThat(told("MENTION")).doesNotContain(outsider.id(), twinOne.id(), twinTwo.id());
    }

    @Test
    void aMentionResolvesTheLongestNameAndAtMostTenPerPost() {
        var ada = member("Ada");
        var lovelace = member("Ada Lovelace");
        var many = new StringBuilder("@Ada Lovelace, and @Ada. ");
        var people = new java.util.ArrayList<Person>();
        for (int i = 0; i < 10; i++) {
            var person = member("Member Number" + (char) ('A' + i));
            people.add(person);
            many.append("@Member Number").append((char) ('A' + i)).append(' ');
        }

        fixtures.idea(forum, ben, "Everyone", many.toString());

        assertThat(told("MENTION")).as("the first ten mentions count").hasSize(10)
                .contains(lovelace.id(), ada.id()).doesNotContain(people.get(8).id(), people.get(9).id());
    }

    @Test
    void mentionSuggestionsOfferMembersNamesOnlyToMembers() throws Exception {
        member("Adam Apple");
        var outsider = fixtures.person("Adele Outside", Role.PARTICIPANT);

        var names = requests.send(ben, get("/jams/" + jam.id() + "/mentions").param("q", "ad"));
        assertThat(names.getStatus()).isEqualTo(200);
        assertThat(names.getContentAsString()).contains("<li>Adam Apple</li>").doesNotContain("Adele");

        assertThat(requests.send(outsider, get("/jams/" + jam.id() + "/mentions").param("q", "ad")).getStatus())
                .isEqualTo(403);
    }

    // ---- hidden and restored --------------------------------------------------------------------------------------

    @Test
    void theAuthorOfAHiddenPostIsToldTheReasonEvenInAMutedThread() throws Exception {
        var reply = fixtures.reply(idea, ben, "Call the manager, Mr X, at home.");
        requests.send(ben, post("/threads/" + idea.id() + "/follow").param("state", "MUTE"));

        requests.send(facilitator, post("/posts/" + reply.id() + "/hide").param("reason", "Please <b>leave</b> names out"));
        requests.send(facilitator, post("/posts/" + reply.id() + "/restore").param("reason", "Names removed"));

        assertThat(told("POST_HIDDEN")).containsExactly(ben.id());
        assertThat(rows("POST_HIDDEN").getFirst().params()).containsEntry("reason", "Please <b>leave</b> names out")
                .containsEntry("title", "Night buses");
        assertThat(told("POST_RESTORED")).containsExactly(ben.id());
        assertThat(rows("POST_RESTORED").getFirst().params()).containsEntry("reason", "Names removed");
    }

    // ---- flags, guests, announcements -----------------------------------------------------------------------------

    @Test
    void aFlagTellsTheForumsStaffWithoutNamingWhoFlagged() throws Exception {
        var host = fixtures.person("Hal Host", Role.PARTICIPANT);
        fixtures.host(forum, host);

        requests.send(cleo, post("/posts/" + idea.id() + "/flag").param("reason", "ABUSIVE").param("detail", "Cleo says so"));

        assertThat(told("FLAG_RAISED")).containsExactlyInAnyOrder(facilitator.id(), host.id());
        var row = rows("FLAG_RAISED").getFirst();
        assertThat(row.link()).isEqualTo("/forums/" + forum.id() + "/console");
        assertThat(row.params()).containsEntry("reason", "ABUSIVE").containsEntry("forum", "Commuting");
        assertThat(row.params().values().toString()).doesNotContain("Cleo");
    }

    @Test
    void aGuestSessionStartingTellsTheForumsFollowersOnce() throws Exception {
        var guest = member("Gina Guest");
        var muted = member("Max Muted");
        requests.send(cleo, post("/forums/" + forum.id() + "/follow").param("state", "FOLLOW"));
        requests.send(muted, post("/forums/" + forum.id() + "/follow").param("state", "MUTE"));
        var now = LocalDateTime.ofInstant(Instant.now(), jam.timeZone()).truncatedTo(ChronoUnit.MINUTES);

        requests.send(facilitator, post("/forums/" + forum.id() + "/guests").param("email", guest.email())
                .param("label", "Mayor").param("startsAt", now.minusMinutes(1).toString())
                .param("endsAt", now.plusHours(1).toString()));

        // The guest clock starts due sessions in the background every few seconds.
        var deadline = Instant.now().plusSeconds(30);
        while (told("GUEST_SESSION").isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(told("GUEST_SESSION")).containsExactly(cleo.id());
        assertThat(rows("GUEST_SESSION").getFirst().params()).containsEntry("actor", "Gina Guest")
                .containsEntry("title", "Mayor");
    }

    @Test
    void anAnnouncementAlsoByEmailTellsTheJamsMembersAndWithoutTheBoxNobody() throws Exception {
        var organiser = fixtures.organiser();
        requests.send(organiser, post("/jams/" + jam.id() + "/announcements").param("body", "Quiet hour at noon"));
        assertThat(told("ANNOUNCEMENT")).isEmpty();

        requests.send(organiser, post("/jams/" + jam.id() + "/announcements").param("body", "Vote <script>alert(1)</script>")
                .param("byMail", "true"));

        assertThat(told("ANNOUNCEMENT")).containsExactlyInAnyOrder(ann.id(), ben.id(), cleo.id());
        assertThat(rows("ANNOUNCEMENT").getFirst().params()).containsEntry("text", "Vote <script>alert(1)</script>");
    }

    @Test
    void aForumAnnouncementByEmailLeavesOutThoseWhoMutedTheForum() throws Exception {
        requests.send(cleo, post("/forums/" + forum.id() + "/follow").param("state", "MUTE"));

        requests.send(facilitator, post("/forums/" + forum.id() + "/announcements").param("body", "Guests at three")
                .param("byMail", "true"));

        assertThat(told("ANNOUNCEMENT")).containsExactlyInAnyOrder(ann.id(), ben.id());
        assertThat(rows("ANNOUNCEMENT").getFirst().link()).isEqualTo("/forums/" + forum.id());
    }

    @Test
    void aRefusedAnnouncementKeepsTheEmailBoxTicked() throws Exception {
        var response = requests.send(fixtures.organiser(), post("/jams/" + jam.id() + "/announcements").param("body", "")
                .param("byMail", "true"));

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentAsString()).contains("name=\"byMail\" value=\"true\" checked");
        assertThat(told("ANNOUNCEMENT")).isEmpty();
    }

    // ---- the daily Jam digest -------------------------------------------------------------------------------------

    @Test
    void theDailyDigestTellsEachMemberOnceWithTheBusiestThreadsAndTheirOwnThreadsActivity() {
        var reply = fixtures.reply(idea, ben, "A shuttle from the station would do.");
        fixtures.reply(idea, ben, "Or a car pool.");
        fixtures.reply(reply, cleo, "Who would drive it?");
        var quiet = fixtures.idea(forum, cleo, "Quiet <em>corner</em>", "A room without phones.");
        var now = Instant.now();

        assertThat(digest.write(jam, now)).isTrue();
        assertThat(digest.write(jam, now)).as("the day's digest is written once").isFalse();

        assertThat(told("JAM_DIGEST")).containsExactlyInAnyOrder(ann.id(), ben.id(), cleo.id());
        var byPerson = new HashMap<Long, Map<String, String>>();
        rows("JAM_DIGEST").forEach(row -> byPerson.put(row.personId(), row.params()));
        assertThat(byPerson.get(ann.id())).containsEntry("threads", "Night buses\nQuiet <em>corner</em>")
                .containsEntry("threadLinks", "/threads/" + idea.id() + "\n/threads/" + quiet.id())
                .containsEntry("threadPosts", "4\n1").containsEntry("jam", jam.title())
                .as("two build-ons and a reply in her thread").containsEntry("yours", "3");
        assertThat(byPerson.get(ben.id())).containsEntry("yours", "1");
        assertThat(byPerson.get(cleo.id())).containsEntry("yours", "0");
    }

    @Test
    void aJamWhereNothingHappenedSendsNoDigest() {
        var silent = fixtures.liveJam("Silent " + System.nanoTime());
        fixtures.join(silent, cleo);

        digest.write(silent, Instant.now());

        assertThat(jdbc.sql("select count(*) from notification where jam_id = ?").param(silent.id())
                .query(Long.class).single()).isZero();
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    record Row(long personId, String link, Map<String, String> params) {
    }

    private Person member(String name) {
        var person = fixtures.person(name, Role.PARTICIPANT);
        fixtures.join(jam, person);
        return person;
    }

    private List<Long> told(String kind) {
        return rows(kind).stream().map(Row::personId).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Row> rows(String kind) {
        return jdbc.sql("select person_id, link, params from notification where jam_id = ? and kind = ? order by id")
                .params(jam.id(), kind)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2),
                        (Map<String, String>) JSON.readValue(rs.getString(3), HashMap.class)))
                .list();
    }
}
