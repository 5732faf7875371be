package org.incrowd.insight.opinions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import org.incrowd.discussion.Post;
import org.incrowd.discussion.ReactionKind;
import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Jam;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A Jam with two clear camps: "green" people agree with the green ideas and reject the grey ones, "grey" people the
 * reverse, and everyone agrees with one idea. The opinion map must show the two groups, what sets each apart, the
 * common ground, and each reader's own place, on the pages and in the API.
 */
@IncrowdTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpinionMapIntegrationTests {

    static final int CAMP = 8;

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    OpinionRecompute recompute;
    @Autowired
    OpinionSnapshots snapshots;
    @Autowired
    JdbcClient jdbc;

    Fixtures fixtures;
    Jam jam;
    Forum forum;
    Forum quietForum;
    final List<Person> green = new ArrayList<>();
    final List<Person> grey = new ArrayList<>();
    final List<Post> greenIdeas = new ArrayList<>();
    final List<Post> greyIdeas = new ArrayList<>();
    Post commonGround;
    Post scripted;
    static final String SCRIPTED_TITLE = "<script>alert('opinion')</script> Longer breaks";
    Person newcomer;
    Person organiser;

    @BeforeAll
    void twoCamps() {
        fixtures = Fixtures.of(context);
        organiser = fixtures.organiser();
        jam = fixtures.liveJam("Four-day week");
        forum = fixtures.forum(jam, "Working time");
        quietForum = fixtures.forum(jam, "Parking");
        for (int i = 0; i < CAMP; i++) {
            green.add(member("Green " + i));
            grey.add(member("Grey " + i));
        }
        for (int i = 0; i < 4; i++) {
            greenIdeas.add(fixtures.idea(forum, green.get(i), "Green idea " + i, "Fewer hours, same pay " + i));
            greyIdeas.add(fixtures.idea(forum, grey.get(i), "Grey idea " + i, "Keep the five-day week " + i));
        }
        commonGround = fixtures.idea(forum, green.get(0), "Publish the rota a month ahead", "Everyone can plan.");
        scripted = fixtures.idea(forum, green.get(1), SCRIPTED_TITLE, "Markup in a title is text.");
        for (int i = 0; i < CAMP; i++) {
            for (int j = 0; j < 4; j++) {
                react(green.get(i), greenIdeas.get(j), ReactionKind.AGREE);
                react(green.get(i), greyIdeas.get(j), i % 4 == j ? ReactionKind.PASS : ReactionKind.DISAGREE);
                react(grey.get(i), greyIdeas.get(j), ReactionKind.AGREE);
                react(grey.get(i), greenIdeas.get(j), ReactionKind.DISAGREE);
            }
            react(green.get(i), commonGround, ReactionKind.AGREE);
            react(green.get(i), scripted, ReactionKind.AGREE);
            react(grey.get(i), scripted, ReactionKind.DISAGREE);
            react(grey.get(i), commonGround, ReactionKind.AGREE);
        }
        newcomer = member("Newcomer");
        react(newcomer, greenIdeas.get(0), ReactionKind.AGREE);
        react(newcomer, greyIdeas.get(0), ReactionKind.DISAGREE);
        assertThat(recompute.recompute(jam.id())).as("this node gets the lease").isTrue();
    }

    Person member(String name) {
        var person = fixtures.person(name, Role.PARTICIPANT);
        fixtures.join(jam, person);
        return person;
    }

    void react(Person person, Post post, ReactionKind kind) {
        fixtures.reacting().react(fixtures.actor(person), post.id(), kind);
    }

    MockHttpServletResponse call(MockHttpServletRequestBuilder request, Person person) throws Exception {
        return mvc.perform(request.with(fixtures.bearer(person))).andReturn().getResponse();
    }

    String page(String path, Person person) throws Exception {
        var response = call(get(path).accept("text/html"), person);
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }

    OpinionSnapshot jamMap() {
        return snapshots.latest(jam.id(), OpinionSnapshot.WHOLE_JAM).orElseThrow();
    }

    int groupOf(Person person) {
        return jamMap().placementOf(person.id()).orElseThrow().group();
    }

    @Test
    void theTwoCampsBecomeTwoOpinionGroups() {
        var map = jamMap();
        assertThat(map.groups()).hasSize(2);
        assertThat(green).extracting(this::groupOf).containsOnly(groupOf(green.getFirst()));
        assertThat(grey).extracting(this::groupOf).containsOnly(groupOf(grey.getFirst()));
        assertThat(groupOf(green.getFirst())).isNotEqualTo(groupOf(grey.getFirst()));
        assertThat(map.groups()).allSatisfy(group -> assertThat(group.size()).isEqualTo(CAMP));
    }

    @Test
    void eachGroupIsSetApartByItsOwnIdeas() throws Exception {
        var html = page("/jams/" + jam.id() + "/opinions", green.get(1));
        String greenName = OpinionPage.groupName(groupOf(green.get(1)));
        String greyName = OpinionPage.groupName(groupOf(grey.get(1)));
        assertThat(html).contains("You are closest to group " + greenName + ".");
        var greenSection = section(html, "group-" + groupOf(green.get(1)));
        assertThat(greenSection).contains("Group " + greenName + ": " + CAMP + " people").contains("Green idea");
        assertThat(greenSection).containsPattern("\\d+ % of group " + greenName + " agree");
        var greySection = section(html, "group-" + groupOf(grey.get(1)));
        assertThat(greySection).contains("Group " + greyName + ": " + CAMP + " people").contains("Grey idea");
    }

    @Test
    void statementsOnTheMapAreShownAsTextNeverAsMarkup() throws Exception {
        var html = page("/jams/" + jam.id() + "/opinions", green.get(1));
        assertThat(html).contains("&lt;script&gt;alert(").doesNotContain("<script>alert(");
    }

    @Test
    void commonGroundShowsTheIdeaEveryoneAgreesWith() throws Exception {
        var html = page("/jams/" + jam.id() + "/opinions", grey.get(2));
        assertThat(section(html, "consensus-heading")).contains("Publish the rota a month ahead")
                .as("how many people the figures rest on").contains("Agree, by group: A 90 % · B 90 % · 16 people reacted");
        assertThat(section(html, "divisive-heading")).containsPattern("(Green|Grey) idea");
        assertThat(jamMap().bridging().getFirst().statement()).as("bridging ranking tops with the common ground")
                .isEqualTo(commonGround.id());
    }

    @Test
    void someoneWhoReactedTooLittleIsAskedToReactMore() throws Exception {
        var html = page("/jams/" + jam.id() + "/opinions", newcomer);
        assertThat(html).contains("React to 5 more ideas to see which group you are closest to.");
        assertThat(jamMap().placementOf(newcomer.id()).orElseThrow().grouped()).isFalse();
    }

    @Test
    void someoneWhoReactedTooLittleIsOfferedTheIdeasThatPlaceThemBestInPlace() throws Exception {
        var latecomer = member("Latecomer offered");
        react(latecomer, greenIdeas.get(0), ReactionKind.AGREE);
        var html = page("/jams/" + jam.id() + "/opinions", latecomer);
        var offered = section(html, "next-statements");
        assertThat(offered).contains("Ideas to react to next")
                .contains("action=\"/jams/" + jam.id() + "/opinions/react\"")
                .contains("name=\"kind\" value=\"AGREE\"").contains("value=\"DISAGREE\"").contains("value=\"PASS\"");
        assertThat(offered.split("<li class=\"statement\">", -1)).as("three ideas").hasSize(4);
        assertThat(offered).as("not one already reacted to").doesNotContain(">Green idea 0<")
                .as("the groups agree on the common ground: it tells them apart least")
                .doesNotContain("Publish the rota a month ahead")
                .containsPattern("(Green|Grey) idea [1-3]|&lt;script&gt;");
    }

    @Test
    void reactingToAnOfferedIdeaWithoutJavaScriptComesBackToTheMapWithTheNextIdeas() throws Exception {
        var latecomer = member("Latecomer without script");
        String first = nextOffered(latecomer);
        var answer = call(post("/jams/" + jam.id() + "/opinions/react").with(csrf())
                .param("post", first).param("kind", "DISAGREE"), latecomer);
        assertThat(answer.getStatus()).isEqualTo(302);
        assertThat(answer.getRedirectedUrl()).isEqualTo("/jams/" + jam.id() + "/opinions?reacted=true#next-statements");
        assertThat(fixtures.reading().require(fixtures.actor(latecomer), Long.parseLong(first)).myReaction())
                .isEqualTo(ReactionKind.DISAGREE);
        var back = page(answer.getRedirectedUrl().replace("#next-statements", ""), latecomer);
        assertThat(section(back, "next-statements")).contains("Thank you: your reaction counts")
                .doesNotContain("value=\"" + first + "\"");
    }

    @Test
    void reactingToAnOfferedIdeaWithHtmxSwapsOnlyTheListOfNextIdeas() throws Exception {
        var latecomer = member("Latecomer with script");
        String first = nextOffered(latecomer);
        var answer = call(post("/forums/" + forum.id() + "/opinions/react").with(csrf()).header("HX-Request", "true")
                .param("post", first).param("kind", "AGREE"), latecomer);
        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(answer.getContentAsString()).startsWith("<section id=\"next-statements\"")
                .contains("Thank you: your reaction counts").doesNotContain("value=\"" + first + "\"")
                .contains("action=\"/forums/" + forum.id() + "/opinions/react\"");
    }

    @Test
    void anUnknownReactionIsRefusedWithItsReasonWhereTheReaderReacted() throws Exception {
        var latecomer = member("Latecomer who mistypes");
        String first = nextOffered(latecomer);
        var page = call(post("/jams/" + jam.id() + "/opinions/react").with(csrf()).accept("text/html")
                .param("post", first).param("kind", "LOVE"), latecomer);
        assertThat(page.getStatus()).isEqualTo(422);
        assertThat(section(page.getContentAsString(), "next-statements")).contains("Choose agree, disagree or pass.")
                .contains("value=\"" + first + "\"");
        var fragment = call(post("/jams/" + jam.id() + "/opinions/react").with(csrf()).header("HX-Request", "true")
                .param("post", first).param("kind", "LOVE"), latecomer);
        assertThat(fragment.getContentAsString()).contains("Choose agree, disagree or pass.");
        assertThat(fixtures.reading().require(fixtures.actor(latecomer), Long.parseLong(first)).myReaction())
                .isNull();
    }

    @Test
    void readersWhoCannotReactAreNotOfferedIdeas() throws Exception {
        var outsider = fixtures.person("Not a member", Role.PARTICIPANT);
        var html = page("/jams/" + jam.id() + "/opinions", outsider);
        assertThat(html).contains("Go to the ideas").doesNotContain("id=\"next-statements\"");
    }

    /** The post id of the first idea the map offers this person to react to next. */
    String nextOffered(Person person) throws Exception {
        var offered = section(page("/jams/" + jam.id() + "/opinions", person), "next-statements");
        var match = java.util.regex.Pattern.compile("name=\"post\" value=\"(\\d+)\"").matcher(offered);
        assertThat(match.find()).as("an idea is offered").isTrue();
        return match.group(1);
    }

    @Test
    void aForumMapCoversOnlyThatForum() throws Exception {
        var quiet = page("/forums/" + quietForum.id() + "/opinions", green.get(0));
        assertThat(quiet).contains("No opinion map yet");
        var busy = page("/forums/" + forum.id() + "/opinions", green.get(0));
        assertThat(busy).contains("You are closest to group");
    }

    @Test
    void theApiShowsWhereEveryoneSitsButNeverWho() throws Exception {
        var response = call(get("/api/v1/jams/" + jam.id() + "/opinions/points"), grey.get(3));
        assertThat(response.getStatus()).isEqualTo(200);
        String json = response.getContentAsString();
        assertThat(json).contains("\"groups\":2").contains("\"me\":{");
        for (var person : List.of(green.get(0), grey.get(0), newcomer)) {
            assertThat(json).doesNotContain("\"participant\"").doesNotContain(String.valueOf(person.email()));
        }
        var summary = call(get("/api/v1/jams/" + jam.id() + "/opinions"), grey.get(3)).getContentAsString();
        assertThat(summary).contains("\"consensus\":[{\"statement\":" + commonGround.id())
                .doesNotContain("\"placements\"");
    }

    @Test
    void thePointsAreNotListedInTheOrderOfPeoplesPublicIds() throws Exception {
        var json = context.getBean(tools.jackson.databind.json.JsonMapper.class);
        var listed = json.readTree(call(get("/api/v1/jams/" + jam.id() + "/opinions/points"), grey.get(3))
                .getContentAsString()).get("points");
        var byId = jamMap().placements().stream().map(p -> List.of(p.x(), p.y())).toList();
        var points = new ArrayList<List<Double>>();
        listed.forEach(point -> points.add(List.of(point.get("x").asDouble(), point.get("y").asDouble())));
        assertThat(points).hasSameSizeAs(byId).isNotEqualTo(byId);
        assertThat(listed.get(0).propertyNames()).containsExactlyInAnyOrder("x", "y", "group");

        var again = call(get("/api/v1/jams/" + jam.id() + "/opinions/points"), green.get(5)).getContentAsString();
        assertThat(json.readTree(again).get("points")).as("the same order on every request").isEqualTo(listed);
    }

    @Test
    void beforeAnyReactionTheMapIsEmptyNotAnError() throws Exception {
        var fresh = fixtures.liveJam("Nothing yet");
        var person = fixtures.person("Early bird", Role.PARTICIPANT);
        assertThat(page("/jams/" + fresh.id() + "/opinions", person)).contains("No opinion map yet");
        var json = call(get("/api/v1/jams/" + fresh.id() + "/opinions"), person).getContentAsString();
        assertThat(json).as("no time before the first map").doesNotContain("computedAt").contains("\"groups\":[]");
    }

    @Test
    void theLiveRefreshSendsNothingWhileTheMapIsUnchanged() throws Exception {
        String version = jamMap().computedAt().toString();
        var unchanged = call(get("/jams/" + jam.id() + "/opinions").param("shown", version)
                .header("HX-Request", "true"), green.get(0));
        assertThat(unchanged.getStatus()).isEqualTo(204);
        var older = call(get("/jams/" + jam.id() + "/opinions").param("shown", "none")
                .header("HX-Request", "true"), green.get(0));
        assertThat(older.getStatus()).isEqualTo(200);
        assertThat(older.getContentAsString()).startsWith("<div id=\"opinion-map\"").doesNotContain("<html");
    }

    @Test
    void forumIdeasCanBeOrderedBySupportAcrossGroups() throws Exception {
        var bridging = page("/forums/" + forum.id() + "?order=bridging", green.get(0));
        assertThat(bridging.indexOf("Publish the rota a month ahead")).as("common ground first")
                .isLessThan(bridging.indexOf("Green idea")).isLessThan(bridging.indexOf("Grey idea"));
        var newest = page("/forums/" + forum.id(), green.get(0));
        assertThat(newest).contains("Supported across groups").contains("Most agreed");
        var unknown = call(get("/api/v1/forums/" + forum.id() + "/threads").param("order", "loudest"), green.get(0));
        assertThat(unknown.getStatus()).isEqualTo(422);
        assertThat(unknown.getContentAsString()).contains("no order called").contains("loudest");
    }

    @Test
    void onlyOneNodeRecomputesAJamAtATime() {
        var other = fixtures.liveJam("Held elsewhere");
        jdbc.sql("insert into insight_lease (name, holder, expires_at) values (?, ?, ?)")
                .params("opinions:" + other.id(), "other-node",
                        java.sql.Timestamp.from(java.time.Instant.now().plusSeconds(60))).update();
        assertThat(recompute.recompute(other.id())).as("another node holds the lease").isFalse();
        jdbc.sql("update insight_lease set expires_at = ? where name = ?")
                .params(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)), "opinions:" + other.id())
                .update();
        assertThat(recompute.recompute(other.id())).as("an expired lease is taken over").isTrue();
    }

    @Test
    void organisersCanRecomputeAtOnceAndOthersCannot() throws Exception {
        var participant = call(post("/jams/" + jam.id() + "/opinions/recompute").with(csrf()), green.get(0));
        assertThat(participant.getStatus()).isEqualTo(403);
        var before = jamMap().computedAt();
        var answer = call(post("/jams/" + jam.id() + "/opinions/recompute").with(csrf()), organiser);
        assertThat(answer.getStatus()).isEqualTo(302);
        assertThat(jamMap().computedAt()).isAfterOrEqualTo(before);
        assertThat(theTwoCampsStillHold()).isTrue();
    }

    boolean theTwoCampsStillHold() {
        return jamMap().groups().size() == 2 && groupOf(green.get(0)) != groupOf(grey.get(0));
    }

    /** The HTML from the element with this id (or the heading with it) to the end of its section. */
    static String section(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("element #" + id).isGreaterThanOrEqualTo(0);
        int end = html.indexOf("</section>", start);
        return html.substring(start, end < 0 ? html.length() : end);
    }
}
