package org.incrowd.insight.themes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.incrowd.discussion.ImportedStatement;
import org.incrowd.discussion.Post;
import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.insight.themes.algorithm.ThemeAnalysisTestData;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Jam;
import org.incrowd.support.EncodesPosts;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * A Jam whose posts are about two obvious topics, bikes and the canteen: the Jam Pulse must show them as two themes,
 * place a new post in its theme at once, and keep what analysts decide (rename, merge, split, pin, hide, move) across
 * recomputes, with a record of who did what. Each test has a Jam of its own, so decisions never meet.
 */
@EncodesPosts
@IncrowdTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JamPulseIntegrationTests {

    static final String SCRIPT = "<script>alert('pulse')</script>";

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    ThemeRecompute recompute;
    @Autowired
    ThemeSnapshots snapshots;
    @Autowired
    ThemeDecisions decisions;
    @Autowired
    ThemeModels models;

    Fixtures fixtures;
    Person organiser;

    @BeforeAll
    void people() {
        fixtures = Fixtures.of(context);
        organiser = fixtures.organiser();
    }

    /** A live Jam with the two topics in one forum, its themes computed. */
    final class Scene {
        final Jam jam;
        final Forum forum;
        final List<Post> bikes = new ArrayList<>();
        final List<Post> canteen = new ArrayList<>();
        final Person member;

        Scene(String title) {
            jam = fixtures.liveJam(title);
            forum = fixtures.forum(jam, "Getting to work and eating there");
            member = fixtures.person("Member of " + title, Role.PARTICIPANT);
            fixtures.join(jam, member);
            ThemeAnalysisTestData.BIKES.forEach(text -> bikes.add(fixtures.idea(forum, text)));
            ThemeAnalysisTestData.CANTEEN.forEach(text -> canteen.add(fixtures.idea(forum, text)));
            recomputed();
        }

        void recomputed() {
            assertThat(recompute.recompute(jam.id())).as("this node gets the lease").isTrue();
        }

        ThemeSnapshot snapshot() {
            return snapshots.latest(jam.id(), ThemeSnapshot.WHOLE_JAM).orElseThrow();
        }

        /** The theme a post is in now, as readers see it. */
        String themeOf(Post post) {
            var snapshot = snapshot();
            return PulseThemes.replayed(snapshot, decisions.of(jam.id(), 0))
                    .themeOf(post.id(), models.placedSince(snapshot).get(post.id()));
        }

        PulseTheme theme(String key) {
            return themes(organiser).stream().filter(theme -> theme.key().equals(key)).findFirst().orElseThrow();
        }

        List<PulseTheme> themes(Person reader) {
            return context.getBean(JamPulse.class).ofJam(fixtures.actor(reader), jam.id()).themes();
        }

        String page(Person reader) throws Exception {
            return read("/jams/" + jam.id() + "/pulse", reader);
        }

        /** The Jam's home, with its leading themes. */
        String home(Person reader) throws Exception {
            return read("/jams/" + jam.id(), reader);
        }

        private String read(String path, Person reader) throws Exception {
            var response = call(get(path).accept("text/html"), reader);
            assertThat(response.getStatus()).isEqualTo(200);
            return response.getContentAsString();
        }

        MockHttpServletResponse tool(String verb, Person person, String... params) throws Exception {
            var request = post("/jams/" + jam.id() + "/pulse/" + verb).with(csrf()).accept("text/html");
            for (int i = 0; i < params.length; i += 2) {
                request.param(params[i], params[i + 1]);
            }
            return call(request, person);
        }

        Post idea(String text) {
            return fixtures.idea(forum, text);
        }
    }

    MockHttpServletResponse call(MockHttpServletRequestBuilder request, Person person) throws Exception {
        return mvc.perform(request.with(fixtures.bearer(person))).andReturn().getResponse();
    }

    @Test
    void readersSeeTheTwoTopicsAsLabelledThemesWithTheirPosts() throws Exception {
        var scene = new Scene("Pulse topics");
        String bikes = scene.themeOf(scene.bikes.getFirst());
        String canteen = scene.themeOf(scene.canteen.getFirst());
        assertThat(bikes).isNotEqualTo(canteen);
        assertThat(scene.bikes).extracting(scene::themeOf).containsOnly(bikes);
        assertThat(scene.canteen).extracting(scene::themeOf).containsOnly(canteen);
        assertThat(scene.theme(bikes).label()).containsAnyOf("bike", "cycl");
        assertThat(scene.theme(canteen).label()).containsAnyOf("canteen", "food", "lunch");

        var html = scene.page(scene.member);
        assertThat(html).contains(scene.theme(bikes).label(), scene.theme(canteen).label())
                .contains("20 posts in 2 themes").contains("computed")
                .contains("/threads/" + scene.theme(bikes).representatives().getFirst());
        var forumPage = call(get("/forums/" + scene.forum.id() + "/pulse").accept("text/html"), scene.member);
        assertThat(forumPage.getContentAsString()).contains(scene.theme(bikes).label());
        var api = call(get("/api/v1/jams/" + scene.jam.id() + "/themes"), scene.member).getContentAsString();
        assertThat(api).contains("\"label\":\"" + scene.theme(canteen).label() + "\"").contains("\"size\":10");
        assertThat(call(get("/jams/" + scene.jam.id()), scene.member).getContentAsString())
                .as("the Jam home points to its pulse").contains("/jams/" + scene.jam.id() + "/pulse");
    }

    @Test
    void aJamWithTooFewPostsSaysThatThemesAreToCome() throws Exception {
        var jam = fixtures.liveJam("Pulse too early");
        var forum = fixtures.forum(jam, "Early days");
        for (int i = 1; i < ThemeRecompute.MIN_POSTS; i++) {
            fixtures.idea(forum, "Early idea number " + i);
        }
        assertThat(recompute.recompute(jam.id())).isTrue();
        var html = call(get("/jams/" + jam.id() + "/pulse").accept("text/html"), organiser).getContentAsString();
        assertThat(html).contains("Themes appear once there are enough posts to group.");
        assertThat(call(get("/jams/" + jam.id()), organiser).getContentAsString())
                .contains("Themes appear once enough people have written.");
    }

    @Test
    void theSamePostsGiveTheSameThemesOnEveryRecompute() {
        var scene = new Scene("Pulse determinism");
        var first = scene.snapshot();
        scene.recomputed();
        var again = scene.snapshot();
        assertThat(again.computedAt()).isAfterOrEqualTo(first.computedAt());
        assertThat(again.themes()).isEqualTo(first.themes());
        assertThat(again.posts()).isEqualTo(first.posts());
        assertThat(again.themeOfPost()).isEqualTo(first.themeOfPost());
        assertThat(again.emergingTerms()).isEqualTo(first.emergingTerms());

        // Another node has no parsed copy: it reads the stored snapshot and must see the same themes.
        var otherNode = new ThemeSnapshots(context.getBean(JdbcClient.class), context.getBean(JsonMapper.class));
        var read = otherNode.latest(scene.jam.id(), ThemeSnapshot.WHOLE_JAM).orElseThrow();
        assertThat(read.computedAt()).isEqualTo(again.computedAt());
        assertThat(read.themes()).isEqualTo(again.themes());
        assertThat(read.posts()).isEqualTo(again.posts());
        assertThat(read.themeOfPost()).isEqualTo(again.themeOfPost());
        assertThat(read.windowOfPost()).isEqualTo(again.windowOfPost());
        assertThat(read.authors()).isEqualTo(again.authors());
        assertThat(PulseThemes.of(read, List.of(), Map.of()))
                .isEqualTo(PulseThemes.of(again, List.of(), Map.of()));
        // It keeps what it parsed while that is the latest, though the database keeps microseconds only.
        assertThat(otherNode.latest(scene.jam.id(), ThemeSnapshot.WHOLE_JAM).orElseThrow()).isSameAs(read);
    }

    @Test
    void aNewPostJoinsItsThemeAtOnce() {
        var scene = new Scene("Pulse placing");
        String bikes = scene.themeOf(scene.bikes.getFirst());
        var newcomer = scene.idea("Bike lanes and bike racks so more of us cycle to the office");
        assertThat(placed(scene, newcomer)).as("placed once its sentence vector arrives").isEqualTo(bikes);
        assertThat(scene.theme(bikes).newPosts()).isEqualTo(1);
        assertThat(scene.theme(scene.themeOf(scene.canteen.getFirst())).newPosts()).isZero();
    }

    /** The theme a new post is placed in, once the encoder has stored its vector (within seconds). */
    private static String placed(Scene scene, Post post) {
        long until = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        String theme = scene.themeOf(post);
        while (theme == null && System.nanoTime() < until) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            theme = scene.themeOf(post);
        }
        return theme;
    }

    @Test
    void eachThemeIsSummedUpInSentencesOfItsPostsOnThePageAndInTheApi() throws Exception {
        var scene = new Scene("Pulse summaries");
        var bikes = scene.theme(scene.themeOf(scene.bikes.getFirst()));
        assertThat(bikes.summary()).hasSizeBetween(2, 3)
                .allSatisfy(sentence -> assertThat(scene.bikes)
                        .anyMatch(post -> (post.title() + "\n" + post.body()).contains(sentence)));

        var html = scene.page(scene.member);
        assertThat(html).contains("class=\"theme-summary\"").contains(bikes.summary().getFirst());
        var api = call(get("/api/v1/jams/" + scene.jam.id() + "/themes"), scene.member).getContentAsString();
        assertThat(api).contains("\"summary\":[\"" + bikes.summary().getFirst());
    }

    @Test
    void aRenameStaysWithItsThemeWhenNewPostsArriveAndThemesAreRecomputed() throws Exception {
        var scene = new Scene("Pulse rename");
        String bikes = scene.themeOf(scene.bikes.getFirst());
        assertThat(scene.tool("rename", organiser, "theme", bikes, "label", "Cycling to work").getStatus())
                .isEqualTo(302);
        scene.idea("Another bike rack near the office for people who cycle");
        scene.idea("Canteen food should have more choice at lunch");
        scene.recomputed();

        String after = scene.themeOf(scene.bikes.getFirst());
        assertThat(after).as("the theme keeps its key").isEqualTo(bikes);
        assertThat(scene.theme(after).label()).isEqualTo("Cycling to work");
        assertThat(scene.theme(after).size()).isEqualTo(11);
        assertThat(scene.page(organiser)).contains("renamed a theme to “Cycling to work”");
    }

    /** The home keeps its leading themes a few seconds per node; an analyst's decision shows there at once. */
    @Test
    void aDecisionShowsOnTheJamsHomeAtOnce() throws Exception {
        var scene = new Scene("Pulse on the home");
        String canteen = scene.themeOf(scene.canteen.getFirst());
        String label = scene.theme(canteen).label();
        assertThat(scene.home(scene.member)).contains(label);
        assertThat(scene.tool("rename", organiser, "theme", canteen, "label", "Lunch at work").getStatus())
                .isEqualTo(302);
        assertThat(scene.home(scene.member)).contains("Lunch at work").doesNotContain(label);
        assertThat(scene.tool("hide", organiser, "theme", canteen, "hidden", "true").getStatus()).isEqualTo(302);
        assertThat(scene.home(scene.member)).doesNotContain("Lunch at work");
    }

    @Test
    void mergedThemesStayOneAcrossRecomputes() throws Exception {
        var scene = new Scene("Pulse merge");
        String bikes = scene.themeOf(scene.bikes.getFirst());
        String canteen = scene.themeOf(scene.canteen.getFirst());
        assertThat(scene.tool("merge", organiser, "theme", canteen, "into", bikes).getStatus()).isEqualTo(302);
        assertThat(scene.themes(organiser)).singleElement().satisfies(theme -> {
            assertThat(theme.key()).isEqualTo(bikes);
            assertThat(theme.size()).isEqualTo(20);
        });
        scene.recomputed();
        assertThat(scene.themes(scene.member)).extracting(PulseTheme::size).containsExactly(20);
        assertThat(scene.page(organiser)).contains("merged a theme into");
    }

    @Test
    void splittingOffChosenPostsMakesANamedThemeThatOutlivesRecomputes() throws Exception {
        var scene = new Scene("Pulse split");
        String bikes = scene.themeOf(scene.bikes.getFirst());
        var parking = List.of(scene.bikes.get(5), scene.bikes.get(8));
        assertThat(scene.tool("split", organiser, "theme", bikes, "post", "" + parking.get(0).id(),
                "post", "" + parking.get(1).id(), "label", "Bike parking").getStatus()).isEqualTo(302);
        scene.recomputed();
        String split = scene.themeOf(parking.getFirst());
        assertThat(split).isNotEqualTo(bikes).isEqualTo(scene.themeOf(parking.get(1)));
        assertThat(scene.theme(split).label()).isEqualTo("Bike parking");
        assertThat(scene.theme(split).size()).isEqualTo(2);
        assertThat(scene.theme(bikes).size()).isEqualTo(8);
    }

    @Test
    void splittingOffSixHundredPostsKeepsEveryOne() throws Exception {
        var jam = fixtures.liveJam("Pulse big split");
        var forum = fixtures.forum(jam, "Cycling");
        // Post ids as a busy installation has them (eight digits): 600 of them no longer fit in 4,000 characters.
        var jdbc = context.getBean(JdbcClient.class);
        long next = jdbc.sql("select coalesce(max(id), 0) from post").query(Long.class).single() + 10_000_000;
        jdbc.sql("alter table post alter column id restart with " + next).update();
        // Two topics of 620 posts each, imported in one go (as from Pol.is) to keep the test quick.
        var texts = new ArrayList<ImportedStatement>();
        for (int i = 0; i < 620; i++) {
            texts.add(new ImportedStatement(organiser.id(), "Safe bike lanes to cycle to the office", Instant.now()));
            texts.add(new ImportedStatement(organiser.id(), "The canteen food is too expensive", Instant.now()));
        }
        var ids = fixtures.importing().importStatements(fixtures.actor(organiser), forum.id(), texts);
        var lanes = new ArrayList<Long>();
        for (int i = 0; i < ids.size(); i += 2) {
            lanes.add(ids.get(i));
        }
        assertThat(recompute.recompute(jam.id())).isTrue();
        var snapshot = snapshots.latest(jam.id(), ThemeSnapshot.WHOLE_JAM).orElseThrow();
        String theme = snapshot.themes().get(snapshot.themeOf(lanes.getFirst())).key();

        var split = post("/jams/" + jam.id() + "/pulse/split").with(csrf()).accept("text/html")
                .param("theme", theme).param("label", "Lanes, six hundred times");
        lanes.subList(0, 600).forEach(id -> split.param("post", String.valueOf(id)));
        assertThat(call(split, organiser).getStatus()).isEqualTo(302);
        assertThat(recompute.recompute(jam.id())).isTrue();

        var themes = context.getBean(JamPulse.class).ofJam(fixtures.actor(organiser), jam.id()).themes();
        assertThat(themes).filteredOn(t -> t.label().equals("Lanes, six hundred times"))
                .singleElement().extracting(PulseTheme::size).isEqualTo(600);
    }

    @Test
    void aMovedPostStaysMovedAndPinnedThemesComeFirst() throws Exception {
        var scene = new Scene("Pulse move and pin");
        String bikes = scene.themeOf(scene.bikes.getFirst());
        String canteen = scene.themeOf(scene.canteen.getFirst());
        var moved = scene.canteen.get(3);
        assertThat(scene.tool("move", organiser, "post", "" + moved.id(), "into", bikes).getStatus()).isEqualTo(302);
        String last = scene.themes(organiser).getLast().key();
        assertThat(scene.tool("pin", organiser, "theme", last, "pinned", "true").getStatus()).isEqualTo(302);
        scene.recomputed();

        assertThat(scene.themeOf(moved)).isEqualTo(bikes);
        assertThat(scene.theme(bikes).size()).isEqualTo(11);
        assertThat(scene.theme(canteen).size()).isEqualTo(9);
        assertThat(scene.themes(scene.member).getFirst().key()).isEqualTo(last);
        assertThat(scene.themes(scene.member).getFirst().pinned()).isTrue();
        assertThat(scene.page(organiser)).contains("moved a post to").contains("pinned “");
    }

    @Test
    void hiddenThemesAreHiddenFromParticipantsButNotFromAnalysts() throws Exception {
        var scene = new Scene("Pulse hide");
        String canteen = scene.themeOf(scene.canteen.getFirst());
        assertThat(scene.tool("hide", organiser, "theme", canteen, "hidden", "true").getStatus()).isEqualTo(302);
        scene.idea("The canteen lunch food is cold");
        scene.recomputed();
        String label = scene.theme(canteen).label(); // the new posts may change the computed label

        assertThat(scene.themes(scene.member)).extracting(PulseTheme::key).doesNotContain(canteen);
        assertThat(scene.page(scene.member)).doesNotContain(label);
        assertThat(scene.page(organiser)).contains(label).contains("hidden from participants");
        assertThat(scene.tool("hide", organiser, "theme", canteen, "hidden", "false").getStatus()).isEqualTo(302);
        assertThat(scene.page(scene.member)).contains(label);
    }

    @Test
    void participantsGetNoToolsAndAreRefusedUntilAnOrganiserNamesThemAnalyst() throws Exception {
        var scene = new Scene("Pulse analysts");
        String bikes = scene.themeOf(scene.bikes.getFirst());
        assertThat(scene.page(scene.member)).doesNotContain("analyst-tools").doesNotContain("/pulse/rename");
        for (var verb : List.of("rename", "merge", "split", "pin", "hide")) {
            assertThat(scene.tool(verb, scene.member, "theme", bikes, "label", "Mine").getStatus()).as(verb)
                    .isEqualTo(403);
        }
        assertThat(scene.tool("move", scene.member, "post", "" + scene.bikes.getFirst().id(), "into", bikes)
                .getStatus()).isEqualTo(403);
        assertThat(scene.tool("analysts", scene.member, "email", scene.member.email()).getStatus()).isEqualTo(403);
        assertThat(scene.theme(bikes).label()).isNotEqualTo("Mine");

        assertThat(scene.tool("analysts", organiser, "email", scene.member.email()).getStatus()).isEqualTo(302);
        assertThat(scene.page(scene.member)).contains("analyst-tools");
        assertThat(scene.tool("rename", scene.member, "theme", bikes, "label", "Bikes, named by an analyst")
                .getStatus()).isEqualTo(302);
        assertThat(scene.theme(bikes).label()).isEqualTo("Bikes, named by an analyst");
        assertThat(scene.page(organiser)).contains("named " + scene.member.displayName() + " as analyst");

        assertThat(scene.tool("analysts/" + scene.member.id() + "/remove", organiser).getStatus()).isEqualTo(302);
        assertThat(scene.tool("pin", scene.member, "theme", bikes).getStatus()).isEqualTo(403);
    }

    @Test
    void themeNamesAndPostsWithMarkupAreShownAsText() throws Exception {
        var scene = new Scene("Pulse markup");
        var scripted = fixtures.idea(scene.forum, scene.member, SCRIPT + " bike lanes",
                "Safe bike lanes to cycle to the office " + SCRIPT);
        scene.recomputed();
        String bikes = scene.themeOf(scene.bikes.getFirst());
        assertThat(scene.themeOf(scripted)).isEqualTo(bikes);
        assertThat(scene.tool("rename", organiser, "theme", bikes, "label", SCRIPT).getStatus()).isEqualTo(302);
        assertThat(scene.tool("split", organiser, "theme", bikes, "post", "" + scripted.id(), "label", SCRIPT)
                .getStatus()).isEqualTo(302);

        for (var html : List.of(scene.page(organiser), scene.page(scene.member))) {
            assertThat(html).doesNotContain(SCRIPT).contains("&lt;script&gt;alert(");
        }
    }

    @Test
    void badRefinementsAreRefusedWithAReason() throws Exception {
        var scene = new Scene("Pulse refusals");
        var other = new Scene("Pulse refusals elsewhere");
        String bikes = scene.themeOf(scene.bikes.getFirst());
        String canteen = scene.themeOf(scene.canteen.getFirst());

        var empty = scene.tool("rename", organiser, "theme", bikes, "label", "   ");
        assertThat(empty.getStatus()).isEqualTo(422);
        assertThat(empty.getContentAsString()).contains("Give the theme a name.");
        var tooLong = scene.tool("rename", organiser, "theme", bikes, "label", "x".repeat(101));
        assertThat(tooLong.getStatus()).isEqualTo(422);
        assertThat(tooLong.getContentAsString()).as("the refused name is kept in its form")
                .contains("value=\"" + "x".repeat(101) + "\"").contains("at most 100 characters");
        var unknown = scene.tool("rename", organiser, "theme", "t999", "label", "Nowhere");
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(unknown.getContentAsString()).contains("That theme does not exist");
        assertThat(scene.tool("merge", organiser, "theme", bikes, "into", bikes).getStatus()).isEqualTo(422);
        assertThat(scene.tool("split", organiser, "theme", bikes, "label", "Nothing chosen").getStatus())
                .isEqualTo(422);
        assertThat(scene.tool("split", organiser, "theme", bikes, "post", "" + scene.canteen.getFirst().id(),
                "label", "Wrong theme").getStatus()).isEqualTo(422);

        // A theme split off in another Jam, and a post and forum of another Jam, are not this Jam's.
        assertThat(other.tool("split", organiser, "theme", bikes, "post", "" + other.bikes.getFirst().id(),
                "label", "Elsewhere").getStatus()).isEqualTo(302);
        String elsewhere = other.themeOf(other.bikes.getFirst());
        assertThat(scene.tool("pin", organiser, "theme", elsewhere).getStatus()).isEqualTo(404);
        assertThat(scene.tool("move", organiser, "post", "" + other.bikes.getFirst().id(), "into", bikes)
                .getStatus()).isEqualTo(404);
        assertThat(scene.tool("rename", organiser, "forum", "" + other.forum.id(), "theme", bikes, "label", "X")
                .getStatus()).isEqualTo(404);
        var nobody = scene.tool("analysts", organiser, "email", "nobody@example.invalid");
        assertThat(nobody.getStatus()).isEqualTo(422);
        assertThat(nobody.getContentAsString()).contains("Nobody with that e-mail address has an account.")
                .contains("value=\"nobody@example.invalid\"");

        assertThat(decisions.of(scene.jam.id(), 0)).as("nothing refused was recorded").isEmpty();
        assertThat(scene.theme(canteen).size()).isEqualTo(10);
        assertThat(Arrays.stream(scene.snapshot().themeOfPost()).filter(t -> t >= 0).count()).isEqualTo(20);
    }
}
