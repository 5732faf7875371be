package org.incrowd.facilitation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.incrowd.discussion.Post;
import org.incrowd.discussion.PostDraft;
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
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Facilitation as people meet it: a participant flags, a facilitator works the queue, hides with a reason the author
 * reads, restores, pins, spotlights, moves, announces, schedules a guest, leaves a note for the next shift; organisers
 * read the record of it all.
 */
@IncrowdTest
class FacilitationIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    GuestSessionClock guestClock;

    Fixtures fixtures;
    SignedInRequests requests;
    Jam jam;
    Forum forum;
    Forum otherForum;
    Person author;
    Person reader;
    Person facilitator;
    Person organiser;
    Post idea;

    @BeforeEach
    void forumWithAFacilitator() {
        fixtures = Fixtures.of(context);
        requests = new SignedInRequests(mvc, fixtures);
        jam = fixtures.liveJam("Facilitated " + System.nanoTime());
        forum = fixtures.forum(jam, "Workplace");
        otherForum = fixtures.forum(jam, "Customers");
        author = fixtures.person("Ann Author", Role.PARTICIPANT);
        reader = fixtures.person("Rita Reader", Role.PARTICIPANT);
        facilitator = fixtures.person("Fay Facilitator", Role.PARTICIPANT);
        organiser = fixtures.organiser();
        fixtures.join(jam, author);
        fixtures.join(jam, reader);
        fixtures.facilitator(forum, facilitator);
        idea = fixtures.idea(forum, author, "Night buses", "The last bus leaves before the late shift ends.");
    }

    // ---- flags and the moderation queue ---------------------------------------------------------------------------

    @Test
    void aFlagWaitsInTheForumsQueueWithItsReasonUntilAFacilitatorHidesThePost() throws Exception {
        var flagged = send(reader, post("/posts/" + idea.id() + "/flag").param("reason", "ABUSIVE")
                .param("detail", "Names a colleague"));
        assertThat(flagged.getRedirectedUrl()).isEqualTo("/posts/" + idea.id() + "/flag?sent");

        String console = page(facilitator, "/forums/" + forum.id() + "/console");
        assertThat(console).contains("Moderation queue (1)", "Night buses", "Abusive or disrespectful",
                "Names a colleague");

        var hidden = send(facilitator, post("/posts/" + idea.id() + "/hide").param("reason", "Please leave names out")
                .param("back", "console"));
        assertThat(hidden.getRedirectedUrl()).isEqualTo("/forums/" + forum.id() + "/console#queue");
        assertThat(page(facilitator, "/forums/" + forum.id() + "/console")).contains("Moderation queue (0)");
    }

    @Test
    void aHiddenPostShowsItsReasonToItsAuthorAndANoticeToEveryoneElse() throws Exception {
        send(facilitator, post("/posts/" + idea.id() + "/hide").param("reason", "Please leave names out"));

        String authorsView = page(author, "/threads/" + idea.id());
        assertThat(authorsView).contains("Hidden by a facilitator. Reason: Please leave names out",
                "The last bus leaves");
        String readersView = page(reader, "/threads/" + idea.id());
        assertThat(readersView).contains("A facilitator hid this post.")
                .doesNotContain("The last bus leaves", "Please leave names out");
        assertThat(page(reader, "/forums/" + forum.id())).doesNotContain("Night buses");
        assertThat(page(reader, "/jams/" + jam.id())).doesNotContain("Night buses");

        send(facilitator, post("/posts/" + idea.id() + "/restore").param("reason", "Names removed by the author"));
        assertThat(page(reader, "/threads/" + idea.id())).contains("The last bus leaves")
                .doesNotContain("A facilitator hid this post.");
    }

    @Test
    void aHiddenPostAndItsReactionsLeaveTheAnalysisOfThemesAndOpinions() throws Exception {
        fixtures.reacting().react(fixtures.actor(reader), idea.id(), org.incrowd.discussion.ReactionKind.AGREE);
        assertThat(analysedPosts()).contains(idea.id());
        assertThat(analysedReactions()).isEqualTo(1);

        send(facilitator, post("/posts/" + idea.id() + "/hide").param("reason", "Please leave names out"));

        assertThat(analysedPosts()).doesNotContain(idea.id());
        assertThat(analysedReactions()).isZero();
    }

    private java.util.List<Long> analysedPosts() {
        var ids = new java.util.ArrayList<Long>();
        fixtures.postFeed().forEachPostText(jam.id(), 0, (id, forumId, authorId, at, text) -> ids.add(id));
        return ids;
    }

    private int analysedReactions() {
        var count = new java.util.concurrent.atomic.AtomicInteger();
        fixtures.postFeed().forEachReaction(jam.id(), (forumId, postId, personId, kind) -> count.incrementAndGet());
        return count.get();
    }

    @Test
    void hidingWithoutAReasonIsRefusedAndHidesNothing() throws Exception {
        var response = send(facilitator, post("/posts/" + idea.id() + "/hide").param("reason", "   "));

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentAsString()).contains("Give the reason: the author will read it.");
        assertThat(page(reader, "/threads/" + idea.id())).contains("The last bus leaves");
    }

    @Test
    void participantsCannotModerateAndTheirAttemptChangesNothing() throws Exception {
        assertThat(send(reader, post("/posts/" + idea.id() + "/hide").param("reason", "I dislike it")).getStatus())
                .isEqualTo(403);
        assertThat(send(reader, post("/posts/" + idea.id() + "/pin")).getStatus()).isEqualTo(403);
        assertThat(isHidden(idea.id())).isFalse();
        assertThat(page(reader, "/threads/" + idea.id())).doesNotContain(">Moderate<");
        assertThat(page(facilitator, "/threads/" + idea.id())).contains(">Moderate<");
    }

    @Test
    void aRefusedFlagKeepsWhatWasTypedAndSaysWhy() throws Exception {
        var noDetail = send(reader, post("/posts/" + idea.id() + "/flag").param("reason", "OTHER").param("detail", ""));
        assertThat(noDetail.getStatus()).isEqualTo(422);
        assertThat(noDetail.getContentAsString()).contains("Please write something here.");

        var ownPost = send(author, post("/posts/" + idea.id() + "/flag").param("reason", "SPAM"));
        assertThat(ownPost.getStatus()).isEqualTo(403);

        send(reader, post("/posts/" + idea.id() + "/flag").param("reason", "SPAM"));
        var twice = send(reader, post("/posts/" + idea.id() + "/flag").param("reason", "OTHER")
                .param("detail", "Still <b>bad</b>"));
        assertThat(twice.getStatus()).isEqualTo(409);
        assertThat(twice.getContentAsString()).contains("You have already flagged this post",
                "Still &lt;b&gt;bad&lt;/b&gt;");
        assertThat(openFlags(idea.id())).isEqualTo(1);
    }

    // ---- pins, spotlight, moving ----------------------------------------------------------------------------------

    @Test
    void aPinnedIdeaComesFirstInItsForumAndASpotlitOneShowsOnTheJamsHome() throws Exception {
        fixtures.idea(forum, reader, "Newer idea", "Posted after the night buses.");
        assertThat(firstIdeaIn(page(reader, "/forums/" + forum.id()))).isEqualTo("Newer idea");

        send(facilitator, post("/posts/" + idea.id() + "/pin").param("pinned", "true"));
        send(facilitator, post("/posts/" + idea.id() + "/spotlight").param("spotlit", "true"));

        String forumPage = page(reader, "/forums/" + forum.id());
        assertThat(firstIdeaIn(forumPage)).isEqualTo("Night buses");
        assertThat(forumPage).contains("Pinned");
        assertThat(page(reader, "/jams/" + jam.id())).contains("In the spotlight", "Night buses");
    }

    @Test
    void aMovedThreadTakesItsRepliesToTheOtherForum() throws Exception {
        fixtures.facilitator(otherForum, facilitator);
        var reply = fixtures.reply(idea, reader, "Agreed, and on Sundays too.");

        var moved = send(facilitator, post("/posts/" + idea.id() + "/move").param("forum", "" + otherForum.id())
                .param("reason", "About customers' buses"));

        assertThat(moved.getStatus()).isEqualTo(302);
        assertThat(page(reader, "/forums/" + otherForum.id())).contains("Night buses");
        assertThat(page(reader, "/forums/" + forum.id())).doesNotContain("Night buses");
        assertThat(fixtures.reading().require(fixtures.actor(reader), reply.id()).forumId())
                .isEqualTo(otherForum.id());
    }

    @Test
    void aThreadCannotMoveToAForumOfAnotherJam() throws Exception {
        var elsewhere = fixtures.forum(fixtures.liveJam("Another Jam"), "Elsewhere");

        var response = send(organiser, post("/posts/" + idea.id() + "/move").param("forum", "" + elsewhere.id()));

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentAsString()).contains("same Jam");
        assertThat(fixtures.reading().require(fixtures.actor(reader), idea.id()).forumId()).isEqualTo(forum.id());
    }

    // ---- announcements and guests ---------------------------------------------------------------------------------

    @Test
    void anAnnouncementShowsOnlyWhereItWasMadeAndAJamAnnouncementEverywhere() throws Exception {
        send(facilitator, post("/forums/" + forum.id() + "/announcements").param("body", "Guest at 3 pm <script>x()</script>"));
        var ideaElsewhere = fixtures.idea(otherForum, reader, "Other idea", "Elsewhere.");

        assertThat(page(reader, "/forums/" + forum.id())).contains("Guest at 3 pm &lt;script&gt;x()&lt;/script&gt;")
                .doesNotContain("<script>x()");
        assertThat(page(reader, "/threads/" + idea.id())).contains("Guest at 3 pm");
        assertThat(page(reader, "/forums/" + otherForum.id())).doesNotContain("Guest at 3 pm");

        assertThat(send(facilitator, post("/jams/" + jam.id() + "/announcements").param("body", "Hi all"))
                .getStatus()).isEqualTo(403);
        send(organiser, post("/jams/" + jam.id() + "/announcements").param("body", "Halfway there: thank you"));
        assertThat(page(reader, "/threads/" + ideaElsewhere.id())).contains("Halfway there: thank you");
        assertThat(page(reader, "/jams/" + jam.id())).contains("Halfway there: thank you");
    }

    @Test
    void aGuestsPostsDuringTheirSessionAreMarkedAndTheStartIsAnnouncedOnce() throws Exception {
        var ceo = fixtures.person("Carla CEO", Role.PARTICIPANT);
        fixtures.join(jam, ceo);
        var now = LocalDateTime.ofInstant(Instant.now(), jam.timeZone()).truncatedTo(ChronoUnit.MINUTES);
        var scheduled = send(facilitator, post("/forums/" + forum.id() + "/guests").param("email", ceo.email())
                .param("label", "CEO").param("startsAt", now.minusMinutes(1).toString())
                .param("endsAt", now.plusHours(1).toString()));
        assertThat(scheduled.getStatus()).isEqualTo(302);

        guestClock.startDueSessions();
        guestClock.startDueSessions();
        assertThat(liveEvents("guest")).isEqualTo(1);
        assertThat(page(reader, "/forums/" + forum.id())).contains("Now answering here: Carla CEO (CEO)");

        var answer = fixtures.reply(idea, ceo, "We will talk to the bus company.");
        var elsewhere = fixtures.idea(otherForum, ceo, "Not a guest here", "Carla in another forum.");
        assertThat(page(reader, "/threads/" + idea.id())).contains("Guest: CEO");
        assertThat(fixtures.reading().require(fixtures.actor(reader), answer.id()).moderation().guestLabel())
                .isEqualTo("CEO");
        assertThat(fixtures.reading().require(fixtures.actor(reader), elsewhere.id()).moderation().guestLabel())
                .isNull();
    }

    @Test
    void aGuestSlotThatEndsBeforeItStartsIsRefusedWithTheTypedValuesKept() throws Exception {
        var response = send(facilitator, post("/forums/" + forum.id() + "/guests").param("email", author.email())
                .param("label", "Expert <i>x</i>").param("startsAt", "2030-01-01T15:00")
                .param("endsAt", "2030-01-01T14:00"));

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentAsString()).contains("The session must end after it starts.",
                "value=\"Expert &lt;i>x&lt;/i>\"", "value=\"2030-01-01T15:00\"");
        assertThat(jdbc.sql("select count(*) from guest_session where forum_id = ?").param(forum.id())
                .query(Long.class).single()).isZero();
    }

    // ---- shifts and the record ------------------------------------------------------------------------------------

    @Test
    void theNextShiftSeesTheLastNoteAndWhatHappenedSince() throws Exception {
        send(facilitator, post("/forums/" + forum.id() + "/notes").param("body", "Watch the bus thread <b>closely</b>"));
        fixtures.idea(forum, reader, "Canteen hours", "Open the canteen later.");
        send(reader, post("/posts/" + idea.id() + "/flag").param("reason", "OFF_TOPIC"));

        var nextShift = fixtures.person("Nico Nightshift", Role.PARTICIPANT);
        fixtures.facilitator(forum, nextShift);
        String console = page(nextShift, "/forums/" + forum.id() + "/console");

        assertThat(console).contains("Watch the bus thread &lt;b&gt;closely&lt;/b&gt;", "Fay Facilitator",
                "New ideas: 1", "Canteen hours", "Flags raised: 1");
    }

    @Test
    void organisersReadWhoDidWhatWhenAndWhy() throws Exception {
        send(facilitator, post("/posts/" + idea.id() + "/hide").param("reason", "Personal data"));
        send(facilitator, post("/posts/" + idea.id() + "/restore").param("reason", "Author removed it"));

        String record = page(organiser, "/jams/" + jam.id() + "/console");
        assertThat(record).contains("Fay Facilitator", "Hid a post", "Personal data", "Restored a post",
                "Author removed it");
        assertThat(send(facilitator, get("/jams/" + jam.id() + "/console")).getStatus()).isEqualTo(403);
    }

    @Test
    void theRecordShowsAGuestSlotAtTheJamsTimeAsTyped() throws Exception {
        var berlin = fixtures.jam("Berlin " + System.nanoTime()).timeZone("Europe/Berlin").create();
        var hall = fixtures.forum(berlin, "Town hall");
        fixtures.facilitator(hall, facilitator);

        var scheduled = send(facilitator, post("/forums/" + hall.id() + "/guests").param("email", author.email())
                .param("label", "Mayor").param("startsAt", "2030-01-01T15:00").param("endsAt", "2030-01-01T16:00"));

        assertThat(scheduled.getStatus()).isEqualTo(302);
        assertThat(page(organiser, "/jams/" + berlin.id() + "/console"))
                .contains("Ann Author (Mayor), 2030-01-01 15:00 – 2030-01-01 16:00 (Europe/Berlin)");
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    // ---- announcements after they are made: corrected, withdrawn, dismissed --------------------------------------

    private static final java.util.regex.Pattern WITHDRAW =
            java.util.regex.Pattern.compile("action=\"/announcements/(\\d+)/withdraw\"");

    @Test
    void theConsoleListsCorrectsAndWithdrawsAnAnnouncement() throws Exception {
        long id = announceInForum("Soup is at noon");
        String console = page(facilitator, "/forums/" + forum.id() + "/console");
        assertThat(console).contains("Announcements made here", "Soup is at noon");

        var corrected = send(facilitator, post("/announcements/" + id).param("body", "Soup is at one"));
        assertThat(corrected.getRedirectedUrl()).isEqualTo("/forums/" + forum.id() + "/console#announcements");
        assertThat(page(reader, "/forums/" + forum.id())).contains("Soup is at one").doesNotContain("Soup is at noon");

        send(facilitator, post("/announcements/" + id + "/withdraw"));
        assertThat(page(reader, "/forums/" + forum.id())).doesNotContain("Soup is at one");
        assertThat(page(facilitator, "/forums/" + forum.id() + "/console")).contains("Soup is at one", "withdrawn");
        assertThat(page(fixtures.organiser(), "/jams/" + jam.id() + "/console"))
                .contains("Corrected an announcement", "Withdrew an announcement");
    }

    @Test
    void aRefusedCorrectionIsShownBesideItsAnnouncementWithTheTextKept() throws Exception {
        long id = announceInForum("Quiet room opens");
        String tooLong = "Quiet room opens at nine. ".repeat(50);

        var refused = send(facilitator, post("/announcements/" + id).param("body", tooLong));
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString()).contains("id=\"announcement-" + id + "-error\"")
                .contains(tooLong.strip());
        assertThat(page(reader, "/forums/" + forum.id())).contains("Quiet room opens");
    }

    @Test
    void aWholeJamAnnouncementIsManagedInTheJamConsoleByOrganisersOnly() throws Exception {
        send(fixtures.organiser(), post("/jams/" + jam.id() + "/announcements").param("body", "Halfway there"));
        var matcher = WITHDRAW.matcher(page(fixtures.organiser(), "/jams/" + jam.id() + "/console"));
        assertThat(matcher.find()).isTrue();
        long id = Long.parseLong(matcher.group(1));

        assertThat(send(facilitator, post("/announcements/" + id + "/withdraw")).getStatus()).isEqualTo(403);
        assertThat(send(fixtures.organiser(), post("/announcements/" + id + "/withdraw")).getRedirectedUrl())
                .isEqualTo("/jams/" + jam.id() + "/console#announcements");
        assertThat(page(reader, "/jams/" + jam.id())).doesNotContain("Halfway there");
    }

    @Test
    void aReaderDismissesAnAnnouncementForGoodAndOnlyForThemselves() throws Exception {
        var otherReader = fixtures.person("Otto Reader", Role.PARTICIPANT);
        fixtures.join(jam, otherReader);
        long id = announceInForum("Fire drill at ten");
        String forumPage = "/forums/" + forum.id();
        assertThat(page(reader, forumPage)).contains("Fire drill at ten");

        var dismissed = send(reader, post("/announcements/" + id + "/dismiss").param("back", forumPage));
        assertThat(dismissed.getRedirectedUrl()).isEqualTo(forumPage);
        assertThat(page(reader, forumPage)).doesNotContain("Fire drill at ten");
        assertThat(page(otherReader, forumPage)).contains("Fire drill at ten");

        var elsewhere = send(otherReader, post("/announcements/" + id + "/dismiss").param("back", "//evil.example"));
        assertThat(elsewhere.getRedirectedUrl()).as("never away from this site").isEqualTo("/");
        assertThat(send(reader, post("/announcements/abc/dismiss")).getStatus()).isEqualTo(404);
    }

    @Test
    void manyAnnouncementsShowTheNewestAndHideTheRestBehindACount() throws Exception {
        announceInForum("First news");
        announceInForum("Second news");
        announceInForum("Third news");
        String page = page(reader, "/forums/" + forum.id());
        assertThat(page).contains("2 more announcements");
        assertThat(page.indexOf("Third news")).as("newest first, outside the fold")
                .isLessThan(page.indexOf("2 more announcements"));
        assertThat(page.indexOf("First news")).isGreaterThan(page.indexOf("2 more announcements"));
    }

    private long announceInForum(String body) throws Exception {
        send(facilitator, post("/forums/" + forum.id() + "/announcements").param("body", body));
        var matcher = WITHDRAW.matcher(page(facilitator, "/forums/" + forum.id() + "/console"));
        assertThat(matcher.find()).isTrue();
        return Long.parseLong(matcher.group(1)); // newest first
    }

    private MockHttpServletResponse send(Person person, MockHttpServletRequestBuilder request) throws Exception {
        return requests.send(person, request);
    }

    private String page(Person person, String path) throws Exception {
        return requests.page(person, path);
    }

    private static String firstIdeaIn(String forumPage) {
        var matcher = java.util.regex.Pattern.compile("<h3><a href=\"/threads/\\d+\">([^<]+)</a></h3>")
                .matcher(forumPage);
        return matcher.find() ? matcher.group(1) : null;
    }

    private boolean isHidden(long postId) {
        return jdbc.sql("select count(*) from post where id = ? and hidden_at is not null").param(postId)
                .query(Long.class).single() > 0;
    }

    private long openFlags(long postId) {
        return jdbc.sql("select count(*) from flag where post_id = ? and resolved_at is null").param(postId)
                .query(Long.class).single();
    }

    private long liveEvents(String type) {
        return jdbc.sql("select count(*) from live_event where jam_id = ? and type = ?").params(jam.id(), type)
                .query(Long.class).single();
    }

    @SuppressWarnings("unused")
    private Post startThread(Person person, String title) {
        return fixtures.posting().startThread(fixtures.actor(person), forum.id(), new PostDraft(title, "Body", ""));
    }
}
