package org.incrowd.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import org.incrowd.discussion.Post;
import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.insight.JamThemes;
import org.incrowd.insight.themes.algorithm.ThemeAnalysisTestData;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Jam;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.incrowd.support.MailCatcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.http.MediaType;
import com.jayway.jsonpath.JsonPath;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * A Jam about bikes and the canteen, its themes computed: organisers answer the bike theme at once, every bike post
 * shows the answer and its authors are told; participants rate it; what waits and how well the Jam listens follow.
 */
@IncrowdTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThemeAnswersIntegrationTests {

    static final String SCRIPT = "<script>alert('answer')</script>";

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    JamThemes themes;
    @Autowired
    ThemeAnswers answers;
    @Autowired
    ReviewLedger ledger;
    @Autowired
    JdbcTemplate jdbc;

    Fixtures fixtures;
    Person organiser;

    @BeforeAll
    void people() {
        fixtures = Fixtures.of(context);
        organiser = fixtures.organiser();
    }

    /** A live Jam whose first three bike ideas have authors of their own; the themes computed. */
    final class Scene {
        final Jam jam;
        final Forum forum;
        final List<Post> bikes = new ArrayList<>();
        final List<Post> canteen = new ArrayList<>();
        final List<Person> cyclists = new ArrayList<>();
        final Person member;

        Scene(String title) throws Exception {
            jam = fixtures.liveJam(title);
            forum = fixtures.forum(jam, "Getting to work and eating there");
            member = fixtures.person("Member of " + title, Role.PARTICIPANT);
            fixtures.join(jam, member);
            for (int i = 0; i < ThemeAnalysisTestData.BIKES.size(); i++) {
                String text = ThemeAnalysisTestData.BIKES.get(i);
                if (i < 3) {
                    var cyclist = fixtures.person("Cyclist " + i + " of " + title, Role.PARTICIPANT);
                    fixtures.join(jam, cyclist);
                    cyclists.add(cyclist);
                    bikes.add(fixtures.idea(forum, cyclist, text, text));
                } else {
                    bikes.add(fixtures.idea(forum, text));
                }
            }
            ThemeAnalysisTestData.CANTEEN.forEach(text -> canteen.add(fixtures.idea(forum, text)));
            var recomputed = call(post("/jams/" + jam.id() + "/pulse/recompute").with(csrf()), organiser);
            assertThat(recomputed.getStatus()).isEqualTo(302);
        }

        /** The key of the theme the bike ideas are in. */
        String bikeTheme() {
            return themes.of(jam.id()).stream().map(JamThemes.Theme::key)
                    .filter(key -> themes.posts(jam.id(), key).contains(bikes.getFirst().id())).findFirst()
                    .orElseThrow();
        }

        MockHttpServletResponse answer(Person who, String theme, String youSaid, String weDid, String why)
                throws Exception {
            return call(post("/jams/" + jam.id() + "/review/answers").with(csrf()).param("theme", theme)
                    .param("youSaid", youSaid).param("weDid", weDid).param("why", why), who);
        }

        MockHttpServletResponse rate(Person who, long answerId, String verdict, String comment) throws Exception {
            return call(post("/jams/" + jam.id() + "/review/answers/" + answerId + "/rating").with(csrf())
                    .param("verdict", verdict).param("comment", comment), who);
        }

        String page(Person who, String path) throws Exception {
            var response = call(get(path), who);
            assertThat(response.getStatus()).as(path).isEqualTo(200);
            return response.getContentAsString();
        }

        ThemeAnswer only() {
            return answers.of(fixtures.actor(organiser), jam.id()).getFirst();
        }
    }

    MockHttpServletResponse call(MockHttpServletRequestBuilder request, Person person) throws Exception {
        return mvc.perform(request.accept("text/html").with(fixtures.bearer(person))).andReturn().getResponse();
    }

    @Test
    void answeringAThemeShowsTheAnswerUnderEachOfItsPostsAndTellsItsAuthors() throws Exception {
        var scene = new Scene("Answered bikes");
        String bikes = scene.bikeTheme();

        var answered = scene.answer(organiser, bikes, "You asked for safe bike lanes and parking.",
                "We built 200 covered bike racks", "Parking was what most of you asked for first.");

        assertThat(answered.getRedirectedUrl()).startsWith("/jams/" + scene.jam.id() + "/review/answers#answer-");
        for (var post : scene.bikes) {
            assertThat(scene.page(scene.member, "/threads/" + post.id()))
                    .contains("class=\"answer-note\"").contains("We did: We built 200 covered bike racks")
                    .contains(scene.only().link());
        }
        assertThat(scene.page(scene.member, "/threads/" + scene.canteen.getFirst().id())).doesNotContain("answer-note");
        assertThat(scene.page(scene.member, "/jams/" + scene.jam.id() + "/review/answers"))
                .contains("You asked for safe bike lanes and parking.")
                .contains("Parking was what most of you asked for first.")
                .contains("Answered themes (1)");
        for (var cyclist : scene.cyclists) {
            var mail = MailCatcher.awaitOne(cyclist.email());
            assertThat(MailCatcher.text(mail)).contains("We built 200 covered bike racks");
            assertThat(MailCatcher.link(mail, "/jams/" + scene.jam.id() + "/review/answers"))
                    .endsWith("#answer-" + scene.only().id());
            assertThat(scene.page(cyclist, "/notifications")).contains("We built 200 covered bike racks");
        }
        assertThat(ledger.ofJam(scene.jam.id(), 0, 10)).extracting(LedgerEntry::action)
                .contains(ThemeAnswers.THEME_ANSWERED);
        assertThat(scene.only().posts()).isEqualTo(themes.posts(scene.jam.id(), bikes).size())
                .isGreaterThanOrEqualTo(scene.bikes.size());
    }

    @Test
    void anAnswerWithoutWhyIsRefusedAndWhatWasTypedIsKept() throws Exception {
        var scene = new Scene("Refused answer");

        var refused = scene.answer(organiser, scene.bikeTheme(), "You said bikes", "We added bike racks", "  ");

        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString()).contains("Write why.").contains("We added bike racks")
                .contains("You said bikes");
        assertThat(answers.of(fixtures.actor(organiser), scene.jam.id())).isEmpty();
        var participant = scene.answer(scene.member, scene.bikeTheme(), "", "We did", "Because");
        assertThat(participant.getStatus()).isEqualTo(403);
    }

    @Test
    void anEditNeedsAReasonAndIsRecorded() throws Exception {
        var scene = new Scene("Edited answer");
        scene.answer(organiser, scene.bikeTheme(), "", "We built racks", "Most asked for them");
        long id = scene.only().id();
        var path = "/jams/" + scene.jam.id() + "/review/answers/" + id + "/edit";

        var silent = call(post(path).with(csrf()).param("weDid", "We built 300 racks").param("why", "More asked"),
                organiser);
        assertThat(silent.getStatus()).isEqualTo(422);
        assertThat(silent.getContentAsString()).contains("Say why you change the answer.").contains("We built 300 racks");
        assertThat(scene.only().weDid()).isEqualTo("We built racks");

        call(post(path).with(csrf()).param("weDid", "We built 300 racks").param("why", "More asked")
                .param("reason", "The count was wrong"), organiser);
        assertThat(scene.only().weDid()).isEqualTo("We built 300 racks");
        assertThat(ledger.ofJam(scene.jam.id(), 0, 10)).filteredOn(e -> e.action().equals(ThemeAnswers.ANSWER_EDITED))
                .singleElement().extracting(LedgerEntry::reason).isEqualTo("The count was wrong");
    }

    @Test
    void eachPersonRatesOnceAndMayChangeTheirMind() throws Exception {
        var scene = new Scene("Rated answer");
        scene.answer(organiser, scene.bikeTheme(), "", "We built racks", "Most asked for them");
        long id = scene.only().id();
        var second = fixtures.person("Second rater", Role.PARTICIPANT);
        fixtures.join(scene.jam, second);

        scene.rate(scene.member, id, "NO", "");
        scene.rate(scene.member, id, "PARTLY", "Racks, but no lanes");
        scene.rate(second, id, "YES", "");
        var refused = scene.rate(second, id, "MAYBE", "Kept comment");

        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString()).contains("Choose yes, partly or no.").contains("Kept comment");
        assertThat(scene.only().ratings()).isEqualTo(new ThemeAnswer.Ratings(1, 1, 0));
        assertThat(scene.page(scene.member, "/jams/" + scene.jam.id() + "/review/answers"))
                .contains("Yes: 1 · Partly: 1 · No: 0").contains("Racks, but no lanes");
    }

    @Test
    void unansweredThemesUnacknowledgedIdeasAndPoorlyRatedAnswersWaitOldestFirst() throws Exception {
        var scene = new Scene("Waiting");
        String bikes = scene.bikeTheme();
        scene.answer(organiser, bikes, "", "We thought about it", "Later");
        long id = scene.only().id();
        scene.rate(scene.member, id, "NO", "Says nothing");
        jdbc.update("update idea_review set posted_at = posted_at - interval '3' day where idea_id = ?",
                scene.canteen.getFirst().id());

        String page = scene.page(organiser, "/jams/" + scene.jam.id() + "/review/waiting");

        assertThat(page).contains("Poorly rated answer").contains("Theme without answer")
                .contains("Idea not acknowledged").contains("more than 40 % said")
                .contains("waiting for 3 days");
        int theme = page.indexOf("Theme without answer");
        int oldIdea = page.indexOf(scene.canteen.getFirst().title());
        int poor = page.indexOf("Poorly rated answer");
        assertThat(oldIdea).isLessThan(theme).isLessThan(poor);
        assertThat(call(get("/jams/" + scene.jam.id() + "/review/waiting"), scene.member).getStatus()).isEqualTo(403);
    }

    @Test
    void answersAndCommentsAreEscaped() throws Exception {
        var scene = new Scene("Escaped answer");
        scene.answer(organiser, scene.bikeTheme(), SCRIPT, SCRIPT, SCRIPT);
        scene.rate(scene.member, scene.only().id(), "YES", SCRIPT);

        for (var path : List.of("/jams/" + scene.jam.id() + "/review/answers", "/threads/" + scene.bikes.getFirst().id(),
                "/jams/" + scene.jam.id() + "/pulse")) {
            assertThat(scene.page(scene.member, path)).as(path).doesNotContain(SCRIPT).contains("&lt;script&gt;");
        }
        var mail = MailCatcher.awaitOne(scene.cyclists.getFirst().email());
        assertThat(MailCatcher.html(mail)).doesNotContain(SCRIPT).contains("&lt;script&gt;");
    }

    MockHttpServletResponse api(MockHttpServletRequestBuilder request, Person person, String json) throws Exception {
        return mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(json)
                .with(fixtures.bearer(person))).andReturn().getResponse();
    }

    @Test
    void theApiAnswersEditsRatesAndListsWithTheRulesOfThePages() throws Exception {
        var scene = new Scene("Answers by API");
        String answers = "/api/v1/jams/" + scene.jam.id() + "/answers";
        String theme = scene.bikeTheme();

        var missing = api(post(answers), organiser, "{\"theme\":\"" + theme + "\",\"weDid\":\"Racks\"}");
        assertThat(missing.getStatus()).isEqualTo(422);
        assertThat((String) JsonPath.read(missing.getContentAsString(), "$.field")).isEqualTo("why");
        assertThat(api(post(answers), scene.member, "{\"theme\":\"" + theme
                + "\",\"weDid\":\"Racks\",\"why\":\"Asked\"}").getStatus()).isEqualTo(403);

        var created = api(post(answers), organiser, "{\"theme\":\"" + theme
                + "\",\"youSaid\":\"Bikes\",\"weDid\":\"Racks\",\"why\":\"Asked\"}");
        assertThat(created.getStatus()).isEqualTo(201);
        int id = JsonPath.read(created.getContentAsString(), "$.id");

        var unexplained = api(put("/api/v1/answers/" + id), organiser, "{\"weDid\":\"More racks\",\"why\":\"Asked\"}");
        assertThat(unexplained.getStatus()).isEqualTo(422);
        assertThat((String) JsonPath.read(unexplained.getContentAsString(), "$.field")).isEqualTo("reason");
        assertThat(api(put("/api/v1/answers/" + id), organiser,
                "{\"weDid\":\"More racks\",\"why\":\"Asked\",\"reason\":\"Counted again\"}").getStatus())
                .isEqualTo(200);
        var rated = api(post("/api/v1/answers/" + id + "/rating"), scene.member, "{\"verdict\":\"partly\"}");
        assertThat(rated.getStatus()).isEqualTo(200);
        assertThat((Integer) JsonPath.read(rated.getContentAsString(), "$.ratings.partly")).isEqualTo(1);

        var listed = mvc.perform(get(answers).with(fixtures.bearer(scene.member))).andReturn().getResponse();
        assertThat((List<String>) JsonPath.read(listed.getContentAsString(), "$[*].weDid")).containsExactly("More racks");
        assertThat((String) JsonPath.read(listed.getContentAsString(), "$[0].mine.verdict")).isEqualTo("PARTLY");
    }
}
