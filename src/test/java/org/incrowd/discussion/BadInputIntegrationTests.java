package org.incrowd.discussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Jam;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * What people see when they send something Incrowd cannot take: every refused form keeps what they typed, shows the
 * reason next to the field, and stores nothing; the API answers with a problem that names the field.
 *
 * <p>The application clock is replaced by a {@link MutableClock} so edit windows and sign-in lockouts can pass
 * without waiting. It only moves forward, so every test makes the posts it needs itself.
 */
@IncrowdTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIntegrationTests {

    /** A clock the tests move forward; the application reads it wherever time matters. */
    static final class MutableClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }

        void advance(Duration by) {
            offset = offset.plus(by);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class ClockOverride {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    static final String TYPED_TITLE = "Cheaper <b>coffee</b> & \"tea\" for O'Brien";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    MutableClock clock;
    @Autowired
    MessageSource messages;

    Fixtures fixtures;
    Person author;
    Person other;
    Jam jam;
    Forum forum;
    Post othersIdea;
    Jam closedJam;
    Forum closedForum;
    Post closedIdea;
    Forum scheduledForum;
    MockHttpSession authorSession;

    @BeforeAll
    void world() throws Exception {
        fixtures = Fixtures.of(context);
        author = fixtures.person("Ann Author", Role.PARTICIPANT);
        other = fixtures.person("Otis Other", Role.PARTICIPANT);
        jam = fixtures.liveJam("Bad input Jam");
        forum = fixtures.forum(jam, "Bad input forum");
        fixtures.join(jam, author);
        fixtures.join(jam, other);
        othersIdea = fixtures.idea(forum, other, "Otis's idea", "Written by Otis.");

        closedJam = fixtures.liveJam("Closed Jam");
        closedForum = fixtures.forum(closedJam, "Closed forum");
        fixtures.join(closedJam, author);
        closedIdea = fixtures.idea(closedForum, fixtures.organiser(), "Before the close", "Posted while live.");
        fixtures.closeNow(closedJam);

        var scheduled = fixtures.jam("Scheduled Jam").startsIn(Duration.ofDays(2)).endsIn(Duration.ofDays(5)).create();
        scheduledForum = fixtures.forum(scheduled, "Scheduled forum");
        fixtures.join(scheduled, author);

        authorSession = fixtures.signIn(author);
    }

    // ---- the idea form, on the page and through the API ----------------------------------------------------------

    /** A refused idea: what was typed, which field is wrong, and the message the person reads next to it. */
    record Bad(String name, String title, String body, String tags, String field, String code) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Bad> badIdeas() {
        String longBody = ("Long text & <more> ").repeat(600).substring(0, 10_001);
        return Stream.of(
                new Bad("empty body", TYPED_TITLE, "", "", "body", "post.body.required"),
                new Bad("whitespace-only body", TYPED_TITLE, "  \n\t  \r\n ", "", "body", "post.body.required"),
                new Bad("10,001-character body", TYPED_TITLE, longBody, "", "body", "post.body.tooLong"),
                // Control characters are refused before any module sees them (ControlCharactersIntegrationTests).
                new Bad("no title", "", "A body <i>without</i> a title", "", "title", "post.title.required"),
                new Bad("201-character title", "T".repeat(199) + "<&", "Fine body", "", "title", "post.title.tooLong"),
                new Bad("invalid tag", TYPED_TITLE, "Fine body", "good, bad!tag", "tags", "post.tags.invalid"),
                new Bad("31-character tag", TYPED_TITLE, "Fine body", "t".repeat(31), "tags", "post.tags.invalid"),
                new Bad("tag with markup", TYPED_TITLE, "Fine body", "<script>x</script>", "tags", "post.tags.invalid"),
                new Bad("six tags", TYPED_TITLE, "Fine body", "one, two, three, four, five, six", "tags", "post.tags.tooMany"));
    }

    @ParameterizedTest(name = "page: {0}")
    @MethodSource("badIdeas")
    void aRefusedIdeaKeepsWhatWasTypedAndSaysWhyNextToTheField(Bad bad) throws Exception {
        long before = ideasInForum();

        var response = perform(post("/forums/" + forum.id() + "/threads").session(authorSession).with(csrf())
                .with(Fixtures.browser()).param("title", bad.title).param("body", bad.body).param("tags", bad.tags))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(422);
        String html = response.getContentAsString();
        assertFieldError(html, bad.field, bad.field.equals("title") ? "title" : "idea-" + bad.field, message(bad.code));
        assertThat(inputValue(html, "title")).isEqualTo(bad.title);
        assertThat(textareaValue(html, "idea-body")).isEqualTo(bad.body);
        assertThat(inputValue(html, "idea-tags")).isEqualTo(bad.tags);
        assertThat(html).as("typed markup is shown as text").doesNotContain("<b>coffee</b>", "<more>", "<bell>",
                "<i>without</i>", "<script>x");
        assertThat(ideasInForum()).as("ideas stored").isEqualTo(before);
    }

    @ParameterizedTest(name = "API: {0}")
    @MethodSource("badIdeas")
    void theApiRefusesTheSameIdeasWithAProblemNamingTheField(Bad bad) throws Exception {
        long before = ideasInForum();

        var response = perform(post("/api/v1/forums/" + forum.id() + "/threads").with(fixtures.bearer(author))
                .contentType(MediaType.APPLICATION_JSON).content(json(bad.title, bad.body, bad.tags)))
                .andReturn().getResponse();

        assertProblem(response, 422, bad.code, message(bad.code));
        assertThat((String) JsonPath.read(response.getContentAsString(), "$.field")).isEqualTo(bad.field);
        assertThat(ideasInForum()).isEqualTo(before);
    }

    @Test
    void aTitleWithControlCharactersIsRefusedWithAMessageAboutControlCharacters() throws Exception {
        var response = perform(post("/api/v1/forums/" + forum.id() + "/threads").with(fixtures.bearer(author))
                .contentType(MediaType.APPLICATION_JSON).content(json("Bell \u0007 title", "Fine body", "")))
                .andReturn().getResponse();

        // Refused at the door for every field alike (web.ControlCharacters), naming the field.
        assertProblem(response, 422, "error.controlCharacter", null);
        assertThat((String) JsonPath.read(response.getContentAsString(), "$.field")).isEqualTo("title");
        assertThat((String) JsonPath.read(response.getContentAsString(), "$.detail")).contains("control character");
    }

    @Test
    void aValidIdeaWithFiveTagsIsStoredWithNormalisedTags() throws Exception {
        var response = perform(post("/api/v1/forums/" + forum.id() + "/threads").with(fixtures.bearer(author))
                .contentType(MediaType.APPLICATION_JSON).content(json("Five tags", "Fine body", "#One, two three_3 Four-4 five")))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(201);
        List<String> tags = JsonPath.read(response.getContentAsString(), "$.tags");
        assertThat(tags).containsExactlyInAnyOrder("one", "two", "three_3", "four-4", "five");
    }

    @Test
    void aRefusedReplyKeepsWhatWasTypedNextToTheReplyField() throws Exception {
        long before = fixtures.reading().countInJam(jam.id());
        String typed = "x".repeat(10_000) + " <too long> & \"quoted\"";

        var response = perform(post("/posts/" + othersIdea.id() + "/replies").session(authorSession).with(csrf())
                .with(Fixtures.browser()).param("body", typed)).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(422);
        String html = response.getContentAsString();
        assertFieldError(html, "body", "reply-body", message("post.body.tooLong"));
        assertThat(textareaValue(html, "reply-body")).isEqualTo(typed);
        assertThat(fixtures.reading().countInJam(jam.id())).isEqualTo(before);
    }

    @Test
    void aRefusedEditKeepsWhatWasTypedAndLeavesThePostAsItWas() throws Exception {
        var mine = fixtures.idea(forum, author, "My idea", "Original text.");

        var response = perform(post("/posts/" + mine.id() + "/edit").session(authorSession).with(csrf())
                .with(Fixtures.browser()).param("title", TYPED_TITLE).param("body", " ").param("tags", "a b"))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(422);
        String html = response.getContentAsString();
        assertFieldError(html, "body", "edit-body", message("post.body.required"));
        assertThat(inputValue(html, "title")).isEqualTo(TYPED_TITLE);
        assertThat(inputValue(html, "edit-tags")).isEqualTo("a b");
        var stored = fixtures.reading().require(author.asActor(), mine.id());
        assertThat(stored.body()).isEqualTo("Original text.");
        assertThat(stored.edited()).isFalse();
    }

    // ---- ids, JSON, content types, sizes -------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/threads/abc", "/threads/1.5", "/threads/99999999999999999999", "/forums/x",
            "/posts/abc/history", "/jams/ten"})
    void aPageAddressWithAnIdThatIsNotANumberIsNotFound(String path) throws Exception {
        var response = perform(get(path).session(authorSession).with(Fixtures.browser())).andReturn().getResponse();

        // Such an id names nothing, like an unknown number: "no such forum", not a complaint about the request.
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentType()).startsWith("text/html");
        assertThat(HtmlUtils.htmlUnescape(response.getContentAsString())).contains("There is no such")
                .doesNotContain("is not valid");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/threads/999999", "/threads/-1", "/threads/0", "/forums/-7", "/jams/999999",
            "/posts/999999/history", "/posts/-2/edit"})
    void aPageAddressWithAnUnknownIdIsNotFound(String path) throws Exception {
        var response = perform(get(path).session(authorSession).with(Fixtures.browser())).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentAsString()).contains("Error 404");
    }

    @Test
    void aReplyIsNotAThread() throws Exception {
        var reply = fixtures.reply(othersIdea, other, "A reply.");

        var page = perform(get("/threads/" + reply.id()).session(authorSession).with(Fixtures.browser()))
                .andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(404);
        assertThat(page.getContentAsString()).satisfies(says(message("thread.notFound")));

        var api = perform(get("/api/v1/threads/" + reply.id()).with(fixtures.bearer(author))).andReturn().getResponse();
        assertProblem(api, 404, "thread.notFound", message("thread.notFound"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/posts/999999", "/api/v1/posts/-1", "/api/v1/posts/0",
            "/api/v1/posts/999999/history", "/api/v1/threads/-5"})
    void anApiAddressWithAnUnknownPostIsNotFound(String path) throws Exception {
        var response = perform(get(path).with(fixtures.bearer(author))).andReturn().getResponse();

        assertProblem(response, 404, "post.notFound", message("post.notFound"));
    }

    @Test
    void anApiAddressWithAnIdThatIsNotANumberIsNotFound() throws Exception {
        var response = perform(get("/api/v1/posts/abc").with(fixtures.bearer(author))).andReturn().getResponse();

        assertProblem(response, 404, "post.notFound", message("post.notFound"));
    }

    @Test
    void writingToAnUnknownPostChangesNothing() throws Exception {
        long before = fixtures.reading().countInJam(jam.id());

        var reply = perform(post("/api/v1/posts/999999/replies").with(fixtures.bearer(author))
                .contentType(MediaType.APPLICATION_JSON).content("{\"body\": \"Hello?\"}")).andReturn().getResponse();
        var react = perform(put("/api/v1/posts/-1/reaction").with(fixtures.bearer(author))
                .contentType(MediaType.APPLICATION_JSON).content("{\"kind\": \"AGREE\"}")).andReturn().getResponse();

        assertProblem(reply, 404, "post.notFound", null);
        assertProblem(react, 404, "post.notFound", null);
        assertThat(fixtures.reading().countInJam(jam.id())).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"title\": \"Cut off\", \"body\": ", "not json at all", "[\"an\", \"array\"]",
            "{\"title\": \"x\", \"body\": {\"nested\": true}}", "", "{\"title\": \"x\" \"body\": \"no comma\"}"})
    void malformedJsonIsABadRequestThatExplainsWhatToSend(String content) throws Exception {
        long before = ideasInForum();

        var response = perform(post("/api/v1/forums/" + forum.id() + "/threads").with(fixtures.bearer(author))
                .contentType(MediaType.APPLICATION_JSON).content(content)).andReturn().getResponse();

        assertProblem(response, 400, "error.unreadableBody", message("error.unreadableBody"));
        assertThat(ideasInForum()).isEqualTo(before);
    }

    @Test
    void anUnknownReactionKindIsRefused() throws Exception {
        var api = perform(put("/api/v1/posts/" + othersIdea.id() + "/reaction").with(fixtures.bearer(author))
                .contentType(MediaType.APPLICATION_JSON).content("{\"kind\": \"LOVE\"}")).andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(400);

        var none = perform(put("/api/v1/posts/" + othersIdea.id() + "/reaction").with(fixtures.bearer(author))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn().getResponse();
        assertProblem(none, 422, "reaction.kind.invalid", message("reaction.kind.invalid"));

        var page = perform(post("/posts/" + othersIdea.id() + "/reaction").session(authorSession).with(csrf())
                .with(Fixtures.browser()).param("kind", "LOVE")).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(422);
        assertThat(page.getContentAsString()).satisfies(says(message("reaction.kind.invalid")));

        assertThat(fixtures.reading().require(author.asActor(), othersIdea.id()).myReaction()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/xml"})
    void theApiRefusesContentTypesOtherThanJson(String type) throws Exception {
        long before = ideasInForum();

        var response = perform(post("/api/v1/forums/" + forum.id() + "/threads").with(fixtures.bearer(author))
                .contentType(type).content("title=Form&body=Not+JSON")).andReturn().getResponse();

        assertProblem(response, 415, "error.mediaType", message("error.mediaType"));
        assertThat(ideasInForum()).isEqualTo(before);
    }

    @Test
    void aWrongMethodIsAnswered405() throws Exception {
        var response = perform(put("/api/v1/posts/" + othersIdea.id() + "/replies").with(fixtures.bearer(author))
                .contentType(MediaType.APPLICATION_JSON).content("{\"body\": \"x\"}")).andReturn().getResponse();

        assertProblem(response, 405, "error.method", message("error.method"));
    }

    @Test
    void anOversizedApiBodyIsRefusedBeforeItIsReadWith413AndAMessage() throws Exception {
        long before = ideasInForum();
        String content = json("Huge", "y".repeat(70_000), "");

        var response = perform(post("/api/v1/forums/" + forum.id() + "/threads").with(fixtures.bearer(author))
                .contentType(MediaType.APPLICATION_JSON).content(content)).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentAsString()).contains("too large").contains("65536");
        assertThat(ideasInForum()).isEqualTo(before);
    }

    @Test
    void anOversizedFormIsRefusedWith413AndAMessage() throws Exception {
        long before = ideasInForum();
        String form = "title=Huge&body=" + "z".repeat(70_000);

        var response = perform(post("/forums/" + forum.id() + "/threads").session(authorSession).with(csrf())
                .with(Fixtures.browser()).contentType(MediaType.APPLICATION_FORM_URLENCODED).content(form))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentAsString()).contains("too large");
        assertThat(ideasInForum()).isEqualTo(before);
    }

    @Test
    void aLargeButAllowedBodyIsCheckedByTheRulesNotTheSizeLimit() throws Exception {
        // 10,001 characters of text are well under 64 KB: the person gets the field message, not a 413.
        var response = perform(post("/api/v1/forums/" + forum.id() + "/threads").with(fixtures.bearer(author))
                .contentType(MediaType.APPLICATION_JSON).content(json("Big", "é".repeat(10_001), ""))).andReturn()
                .getResponse();

        assertProblem(response, 422, "post.body.tooLong", null);
    }

    // ---- Jams that do not take posts -----------------------------------------------------------------------------

    @Test
    void postingAnIdeaToAClosedJamIsAConflictAndThePageKeepsTheText() throws Exception {
        long before = fixtures.reading().countInJam(closedJam.id());
        String typed = "My late <idea> & \"thoughts\"";

        var response = perform(post("/forums/" + closedForum.id() + "/threads").session(authorSession)
                .with(csrf()).with(Fixtures.browser()).param("title", "Too late").param("body", typed))
                .andReturn().getResponse();

        assertRefusedAsClosedKeepingText(response, before, typed);
    }

    private void assertRefusedAsClosedKeepingText(MockHttpServletResponse response,
                                                  long postsBefore, String typed) throws Exception {
        assertThat(response.getStatus()).isEqualTo(409);
        String html = response.getContentAsString();
        assertThat(html).satisfies(says(message("post.jamNotOpen")));
        assertThat(fixtures.reading().countInJam(closedJam.id())).isEqualTo(postsBefore);
        assertThat(HtmlUtils.htmlUnescape(html)).as("the text the person typed is still on the page").contains(typed);
    }

    @Test
    void replyingInAClosedJamIsAConflictAndThePageKeepsTheText() throws Exception {
        long before = fixtures.reading().countInJam(closedJam.id());
        String typed = "A reply <after> the close";

        var response = perform(post("/posts/" + closedIdea.id() + "/replies").session(authorSession)
                .with(csrf()).with(Fixtures.browser()).param("body", typed)).andReturn().getResponse();

        assertRefusedAsClosedKeepingText(response, before, typed);
    }

    @Test
    void theApiRefusesPostsAndReactionsInAClosedJamWith409() throws Exception {
        long before = fixtures.reading().countInJam(closedJam.id());

        var idea = perform(post("/api/v1/forums/" + closedForum.id() + "/threads").with(fixtures.bearer(author))
                .contentType(MediaType.APPLICATION_JSON).content(json("Late", "Too late.", ""))).andReturn().getResponse();
        var reply = perform(post("/api/v1/posts/" + closedIdea.id() + "/replies").with(fixtures.bearer(author))
                .contentType(MediaType.APPLICATION_JSON).content("{\"body\": \"Late.\"}")).andReturn().getResponse();
        var react = perform(put("/api/v1/posts/" + closedIdea.id() + "/reaction").with(fixtures.bearer(author))
                .contentType(MediaType.APPLICATION_JSON).content("{\"kind\": \"AGREE\"}")).andReturn().getResponse();

        assertProblem(idea, 409, "post.jamNotOpen", message("post.jamNotOpen"));
        assertProblem(reply, 409, "post.jamNotOpen", null);
        assertProblem(react, 409, "post.jamNotOpen", null);
        assertThat(fixtures.reading().countInJam(closedJam.id())).isEqualTo(before);
        assertThat(fixtures.reading().require(author.asActor(), closedIdea.id()).counts().agree()).isZero();
    }

    @Test
    void postingToAScheduledJamIsAConflictUntilItStarts() throws Exception {
        var page = perform(post("/forums/" + scheduledForum.id() + "/threads").session(authorSession)
                .with(csrf()).with(Fixtures.browser()).param("title", "Early").param("body", "Too early."))
                .andReturn().getResponse();
        var api = perform(post("/api/v1/forums/" + scheduledForum.id() + "/threads").with(fixtures.bearer(author))
                .contentType(MediaType.APPLICATION_JSON).content(json("Early", "Too early.", ""))).andReturn().getResponse();

        assertThat(page.getStatus()).isEqualTo(409);
        assertThat(page.getContentAsString()).satisfies(says(message("post.jamNotOpen")));
        assertProblem(api, 409, "post.jamNotOpen", message("post.jamNotOpen"));
        assertThat(fixtures.reading().ideas(author.asActor(), scheduledForum.id(), 0).ideas()).isEmpty();
    }

    // ---- reactions and helpful marks -----------------------------------------------------------------------------

    @Test
    void reactingTwiceTheSameWayIsAConflictButChangingTheReactionWorks() throws Exception {
        var idea = fixtures.idea(forum, other, "React to me", "Please react.");
        String path = "/api/v1/posts/" + idea.id() + "/reaction";

        var first = react(path, author, "AGREE");
        assertThat(first.getStatus()).isEqualTo(200);
        assertCounts(first, 1, 0, 0, "AGREE");

        var again = react(path, author, "AGREE");
        assertProblem(again, 409, "reaction.already", message("reaction.already"));

        var changed = react(path, author, "DISAGREE");
        assertThat(changed.getStatus()).isEqualTo(200);
        assertCounts(changed, 0, 1, 0, "DISAGREE");

        var someoneElse = react(path, other, "PASS");
        assertCounts(someoneElse, 0, 1, 1, "PASS");

        var withdrawn = perform(delete(path).with(fixtures.bearer(author))).andReturn().getResponse();
        assertThat(withdrawn.getStatus()).isEqualTo(200);
        assertCounts(withdrawn, 0, 0, 1, null);
        var withdrawnAgain = perform(delete(path).with(fixtures.bearer(author))).andReturn().getResponse();
        assertProblem(withdrawnAgain, 409, "reaction.none", message("reaction.none"));
    }

    @Test
    void onThePageTheSameReactionTwiceIsAConflictWithAMessage() throws Exception {
        var idea = fixtures.idea(forum, other, "React on the page", "Please react.");

        var first = perform(post("/posts/" + idea.id() + "/reaction").session(authorSession).with(csrf())
                .with(Fixtures.browser()).param("kind", "AGREE")).andReturn().getResponse();
        var again = perform(post("/posts/" + idea.id() + "/reaction").session(authorSession).with(csrf())
                .with(Fixtures.browser()).param("kind", "AGREE")).andReturn().getResponse();

        assertThat(first.getStatus()).isEqualTo(302);
        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(again.getContentAsString()).satisfies(says(message("reaction.already")));
        assertThat(fixtures.reading().require(author.asActor(), idea.id()).counts().agree()).isEqualTo(1);
    }

    @Test
    void markingHelpfulTwiceIsAConflict() throws Exception {
        var idea = fixtures.idea(forum, other, "Helpful?", "Mark me.");
        String path = "/api/v1/posts/" + idea.id() + "/helpful";

        var first = perform(post(path).with(fixtures.bearer(author))).andReturn().getResponse();
        var again = perform(post(path).with(fixtures.bearer(author))).andReturn().getResponse();
        var page = perform(post("/posts/" + idea.id() + "/helpful").session(authorSession).with(csrf())
                .with(Fixtures.browser()).param("helpful", "true")).andReturn().getResponse();

        assertThat(first.getStatus()).isEqualTo(200);
        assertThat((Integer) JsonPath.read(first.getContentAsString(), "$.counts.helpful")).isEqualTo(1);
        assertProblem(again, 409, "helpful.already", message("helpful.already"));
        assertThat(page.getStatus()).isEqualTo(409);
        assertThat(page.getContentAsString()).satisfies(says(message("helpful.already")));
        assertThat(fixtures.reading().require(author.asActor(), idea.id()).counts().helpful()).isEqualTo(1);

        var unmarked = perform(delete(path).with(fixtures.bearer(author))).andReturn().getResponse();
        assertThat((Integer) JsonPath.read(unmarked.getContentAsString(), "$.counts.helpful")).isZero();
        assertProblem(perform(delete(path).with(fixtures.bearer(author))).andReturn().getResponse(), 409,
                "helpful.none", "You have not marked this post helpful.");
    }

    // ---- editing -------------------------------------------------------------------------------------------------

    @Test
    void editingSomeoneElsesPostIsForbiddenAndChangesNothing() throws Exception {
        var api = perform(patch("/api/v1/posts/" + othersIdea.id()).with(fixtures.bearer(author))
                .contentType(MediaType.APPLICATION_JSON).content(json("Hijacked", "Hijacked.", ""))).andReturn()
                .getResponse();
        var page = perform(post("/posts/" + othersIdea.id() + "/edit").session(authorSession).with(csrf())
                .with(Fixtures.browser()).param("title", "Hijacked").param("body", "Hijacked.")).andReturn().getResponse();

        assertProblem(api, 403, "post.edit.notAuthor", message("post.edit.notAuthor"));
        assertThat(page.getStatus()).isEqualTo(403);
        assertThat(page.getContentAsString()).satisfies(says(message("post.edit.notAuthor")));
        var stored = fixtures.reading().require(author.asActor(), othersIdea.id());
        assertThat(stored.title()).isEqualTo("Otis's idea");
        assertThat(stored.body()).isEqualTo("Written by Otis.");
        assertThat(fixtures.editing().history(author.asActor(), othersIdea.id())).isEmpty();
    }

    @Test
    void editingIsPossibleFor30MinutesAndThenAConflict() throws Exception {
        var mine = fixtures.idea(forum, author, "Timed idea", "First version.");

        clock.advance(Duration.ofMinutes(29));
        var inTime = perform(patch("/api/v1/posts/" + mine.id()).with(fixtures.bearer(author))
                .contentType(MediaType.APPLICATION_JSON).content(json("Timed idea", "Second version.", "")))
                .andReturn().getResponse();
        assertThat(inTime.getStatus()).isEqualTo(200);
        assertThat((String) JsonPath.read(inTime.getContentAsString(), "$.body")).isEqualTo("Second version.");

        clock.advance(Duration.ofMinutes(2));
        var late = perform(patch("/api/v1/posts/" + mine.id()).with(fixtures.bearer(author))
                .contentType(MediaType.APPLICATION_JSON).content(json("Timed idea", "Third version.", "")))
                .andReturn().getResponse();
        String typed = "Third <version> & more";
        var latePage = perform(post("/posts/" + mine.id() + "/edit").session(authorSession).with(csrf())
                .with(Fixtures.browser()).param("title", "Timed idea").param("body", typed)).andReturn().getResponse();

        assertProblem(late, 409, "post.edit.windowClosed", message("post.edit.windowClosed", 30));
        assertThat(latePage.getStatus()).isEqualTo(409);
        assertThat(latePage.getContentAsString()).satisfies(says(message("post.edit.windowClosed", 30)));
        assertThat(textareaValue(latePage.getContentAsString(), "edit-body")).isEqualTo(typed);
        assertThat(fixtures.reading().require(author.asActor(), mine.id()).body()).isEqualTo("Second version.");
        assertThat(fixtures.editing().history(author.asActor(), mine.id())).hasSize(1);
    }

    // ---- sign-up and sign-in -------------------------------------------------------------------------------------

    record SignUp(String name, String email, String password, String displayName, String country,
                  String participantType, List<String> fieldMessages) {
        @Override
        public String toString() {
            return name;
        }
    }

    Stream<Arguments> badSignUps() {
        String taken = author.email();
        String fresh = fixtures.email("new-person");
        String name = "Zoë \"Z\" <O'Neil> & Co";
        String password = "a long Secret passphrase 42";
        return Stream.of(
                new SignUp("short password", fresh, "Sh0rt!", name, "DE", "PUBLIC", List.of(
                        "password", message("signup.password.tooShort"))),
                new SignUp("invalid country", fresh, password, name, "XX", "PUBLIC", List.of(
                        "country", message("profile.country.invalid"))),
                new SignUp("unknown participant type", fresh, password, name, "DE", "ALIEN", List.of(
                        "participantType", message("profile.participantType.required"))),
                // A taken address is not among the problems: sign-up never tells who has an account (SignUpTests).
                new SignUp("everything at once", taken, "Sh0rt!", name, "XX", "PUBLIC", List.of(
                        "password", message("signup.password.tooShort"),
                        "country", message("profile.country.invalid"))),
                new SignUp("e-mail not an address", "not-an-address", password, "", "DE", "PUBLIC", List.of(
                        "email", message("signup.email.invalid"),
                        "displayName", message("profile.displayName.required"))))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSignUps")
    void aRefusedSignUpKeepsTheTypedValuesButNeverThePassword(SignUp bad) throws Exception {
        long people = fixtures.identity().count();

        var result = perform(post("/signup").with(csrf()).with(Fixtures.browser()).param("email", bad.email)
                .param("password", bad.password).param("displayName", bad.displayName).param("country", bad.country)
                .param("orgUnit", "R&D <lab>").param("jobRole", "").param("participantType", bad.participantType)
                .param("language", "")).andReturn();
        var response = result.getResponse();

        assertThat(response.getStatus()).isEqualTo(422);
        String html = response.getContentAsString();
        for (int i = 0; i < bad.fieldMessages.size(); i += 2) {
            String field = bad.fieldMessages.get(i);
            assertFieldError(html, field, field, bad.fieldMessages.get(i + 1));
        }
        assertThat(inputValue(html, "email")).isEqualTo(bad.email);
        assertThat(inputValue(html, "displayName")).isEqualTo(bad.displayName);
        assertThat(inputValue(html, "orgUnit")).isEqualTo("R&D <lab>");
        assertThat(inputValue(html, "password")).isEmpty();
        assertThat(html).doesNotContain(bad.password).doesNotContain(HtmlUtils.htmlEscape(bad.password));
        assertThat(fixtures.identity().count()).as("no account made").isEqualTo(people);
        var session = (MockHttpSession) result.getRequest().getSession();
        assertThat(perform(get("/profile").session(session).with(Fixtures.browser())).andReturn().getResponse()
                .getRedirectedUrl()).as("not signed in").endsWith("/signin");
    }

    @Test
    void aValidSignUpCreatesTheAccountReadyToSignIn() throws Exception {
        String email = fixtures.email("Valid-Sign-Up");

        var result = perform(post("/signup").with(csrf()).with(Fixtures.browser()).param("email", "  " + email.toUpperCase() + " ")
                .param("password", "a long Secret passphrase 42").param("displayName", "  Vera Valid  ")
                .param("country", "de").param("participantType", "public")).andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/signin?registered");
        var person = fixtures.identity().findByEmail(email).orElseThrow();
        assertThat(person.displayName()).isEqualTo("Vera Valid");
        assertThat(person.country()).isEqualTo("DE");
        assertThat(person.roles()).containsExactly(Role.PARTICIPANT);
        var session = (MockHttpSession) result.getRequest().getSession();
        assertThat(perform(get("/signin").param("registered", "").session(session).with(Fixtures.browser())).andReturn()
                .getResponse().getContentAsString()).contains("value=\"" + email + "\"");
    }

    @Test
    void afterTenFailedSignInsFromOneAddressEvenTheRightPasswordIsLockedOutThereForTenMinutes() throws Exception {
        var person = fixtures.person("Locked Lou", Role.PARTICIPANT);
        String address = Fixtures.newAddress();
        for (int attempt = 1; attempt <= 10; attempt++) {
            var failed = signIn(person.email(), "wrong password " + attempt, address);
            assertThat(failed.getResponse().getRedirectedUrl()).as("attempt %d", attempt).isEqualTo("/signin?error");
        }

        var locked = signIn(person.email(), Fixtures.PASSWORD, address);
        assertThat(locked.getResponse().getRedirectedUrl()).isEqualTo("/signin?locked");
        assertThat(locked.getResponse().getHeader("Retry-After")).isEqualTo("600");
        assertThat(perform(get("/profile").session((MockHttpSession) locked.getRequest().getSession())
                .with(Fixtures.browser())).andReturn().getResponse().getRedirectedUrl()).endsWith("/signin");
        var lockedOtherSpelling = signIn("  " + person.email().toUpperCase() + " ", Fixtures.PASSWORD, address);
        assertThat(lockedOtherSpelling.getResponse().getRedirectedUrl()).isEqualTo("/signin?locked");

        // where "/signin?locked" leads (MockMvc reads a bare "?locked" as no parameter; the server as an empty one)
        var page = perform(get("/signin").param("locked", "").with(Fixtures.browser())).andReturn().getResponse();
        assertThat(page.getContentAsString()).satisfies(says(message("signin.locked")));

        // A stranger's guesses do not lock the person out elsewhere; others are not affected; after ten minutes
        // the person gets in from that address again.
        assertThat(signIn(person.email(), Fixtures.PASSWORD, Fixtures.newAddress()).getResponse().getRedirectedUrl())
                .isEqualTo("/");
        assertThat(fixtures.signIn(other)).isNotNull();
        clock.advance(Duration.ofMinutes(11));
        assertThat(signIn(person.email(), Fixtures.PASSWORD, address).getResponse().getRedirectedUrl())
                .isEqualTo("/");
    }

    @Test
    void guessingOnePasswordFromManyAddressesLocksTheAccountEverywhere() throws Exception {
        var person = fixtures.person("Targeted Tess", Role.PARTICIPANT);
        for (int attempt = 1; attempt <= 50; attempt++) {
            signIn(person.email(), "guess " + attempt, Fixtures.newAddress());
        }
        assertThat(signIn(person.email(), Fixtures.PASSWORD, Fixtures.newAddress()).getResponse().getRedirectedUrl())
                .isEqualTo("/signin?locked");
    }

    @Test
    void successfulSignInsNeverLockAnyoneOut() throws Exception {
        var person = fixtures.person("Busy Office", Role.PARTICIPANT);
        String office = Fixtures.newAddress();
        for (int attempt = 1; attempt <= 12; attempt++) {
            assertThat(signIn(person.email(), Fixtures.PASSWORD, office).getResponse().getRedirectedUrl())
                    .as("sign-in %d", attempt).isEqualTo("/");
        }
    }

    @Test
    void aRefusedSignInKeepsTheTypedEmailAddress() throws Exception {
        var failed = signIn("someone@example.org", "not the password", Fixtures.newAddress());
        var page = perform(get("/signin").param("error", "").session((MockHttpSession) failed.getRequest().getSession())
                .with(Fixtures.browser())).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("value=\"someone@example.org\"").satisfies(says(message("signin.failed")));
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** The English text of a message, as people read it (wording may change; the key and its place may not). */
    String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, Locale.ENGLISH);
    }

    /** The page shows this text (compared after HTML unescaping). */
    static java.util.function.Consumer<String> says(String text) {
        return html -> assertThat(HtmlUtils.htmlUnescape(html)).contains(text);
    }

    ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(Fixtures.servletPath()));
    }

    org.springframework.test.web.servlet.MvcResult signIn(String email, String password, String address)
            throws Exception {
        return perform(post("/signin").with(csrf()).with(Fixtures.from(address)).with(Fixtures.browser())
                .param("email", email).param("password", password)).andReturn();
    }

    MockHttpServletResponse react(String path, Person person, String kind) throws Exception {
        return perform(put(path).with(fixtures.bearer(person)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\": \"" + kind + "\"}")).andReturn().getResponse();
    }

    static void assertCounts(MockHttpServletResponse response, int agree, int disagree, int pass, String mine)
            throws Exception {
        String json = response.getContentAsString();
        assertThat((Integer) JsonPath.read(json, "$.counts.agree")).as("agree").isEqualTo(agree);
        assertThat((Integer) JsonPath.read(json, "$.counts.disagree")).as("disagree").isEqualTo(disagree);
        assertThat((Integer) JsonPath.read(json, "$.counts.pass")).as("pass").isEqualTo(pass);
        if (mine == null) {
            assertThat(json).doesNotContain("\"myReaction\"");
        } else {
            assertThat((String) JsonPath.read(json, "$.myReaction")).isEqualTo(mine);
        }
    }

    static void assertProblem(MockHttpServletResponse response, int status, String code, String detail)
            throws Exception {
        String json = response.getContentAsString();
        assertThat(response.getStatus()).as("status of %s", json).isEqualTo(status);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat((Integer) JsonPath.read(json, "$.status")).isEqualTo(status);
        assertThat((String) JsonPath.read(json, "$.code")).isEqualTo(code);
        if (detail != null) {
            assertThat((String) JsonPath.read(json, "$.detail")).isEqualTo(detail);
        }
    }

    long ideasInForum() {
        return fixtures.reading().countIdeasInJam(jam.id());
    }

    static String json(String title, String body, String tags) {
        return "{\"title\": " + quote(title) + ", \"body\": " + quote(body) + ", \"tags\": " + quote(tags) + "}";
    }

    static String quote(String text) {
        var out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** The rest of a start tag: attributes whose quoted values may contain '>' (the templates do not escape it). */
    static final String ATTRIBUTES = "(?:[^>\"']|\"[^\"]*\"|'[^']*')*";

    /**
     * The field's message, right after the field (so screen readers and eyes find it there), and the field marked
     * invalid and described by it.
     */
    static void assertFieldError(String html, String field, String inputId, String message) {
        assertThat(fieldError(html, field)).as("message for %s", field).isEqualTo(message);
        Pattern nextToField = Pattern.compile("(<input id=\"" + Pattern.quote(inputId) + "\"" + ATTRIBUTES + ">|<textarea id=\""
                + Pattern.quote(inputId) + "\"" + ATTRIBUTES + ">[^<]*</textarea>|<select id=\"" + Pattern.quote(inputId)
                + "\"" + ATTRIBUTES + ">[\\s\\S]*?</select>)\\s*<p class=\"field-error\" id=\"" + Pattern.quote(field) + "-error\">");
        Matcher m = nextToField.matcher(html);
        assertThat(m.find()).as("the message for %s follows the field #%s", field, inputId).isTrue();
        Matcher start = Pattern.compile("<\\w+" + ATTRIBUTES + ">").matcher(m.group(1));
        assertThat(start.find()).isTrue();
        String tag = start.group();
        assertThat(tag).as("field #%s", inputId).contains("aria-invalid=\"true\"")
                .contains("aria-describedby=\"" + field + "-error\"");
    }

    static String fieldError(String html, String field) {
        Matcher m = Pattern.compile("<p class=\"field-error\" id=\"" + Pattern.quote(field) + "-error\">([^<]*)</p>")
                .matcher(html);
        return m.find() ? HtmlUtils.htmlUnescape(m.group(1)) : null;
    }

    /** The value of the input with this id, as the browser shows it. */
    static String inputValue(String html, String id) {
        Matcher tag = Pattern.compile("<input id=\"" + Pattern.quote(id) + "\"" + ATTRIBUTES + ">").matcher(html);
        assertThat(tag.find()).as("input #%s", id).isTrue();
        Matcher value = Pattern.compile("\\svalue=\"([^\"]*)\"").matcher(tag.group());
        return value.find() ? HtmlUtils.htmlUnescape(value.group(1)) : "";
    }

    /** The text in the textarea with this id, as the browser shows it. */
    static String textareaValue(String html, String id) {
        Matcher m = Pattern.compile("<textarea id=\"" + Pattern.quote(id) + "\"" + ATTRIBUTES + ">([^<]*)</textarea>")
                .matcher(html);
        assertThat(m.find()).as("textarea #%s", id).isTrue();
        return HtmlUtils.htmlUnescape(m.group(1));
    }
}
