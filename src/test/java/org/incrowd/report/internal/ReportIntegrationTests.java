package org.incrowd.report.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFTextStripper;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.incrowd.discussion.Post;
import org.incrowd.discussion.ReactionKind;
import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.insight.JamThemes;
import org.incrowd.insight.shared.JamRecompute;
import org.incrowd.insight.themes.algorithm.ThemeAnalysisTestData;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Jam;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.incrowd.support.SignedInRequests;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A Jam about commuting and the canteen, with two opinion camps, ends with a report: an organiser writes a
 * recommendation citing a theme, an idea (decided on) and an opinion group, and publishes it. Participants read it
 * as a page, a PDF and Markdown, every source linked; the closed Jam's home leads with it; members are told. What
 * people wrote, markup included, stays text everywhere.
 */
@IncrowdTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportIntegrationTests {

    static final String SCRIPT = "<script>alert('report')</script>";
    static final String TITLE = "Build covered bike parking at every site";
    static final int CAMP = 6;

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JamThemes themes;

    Fixtures fixtures;
    SignedInRequests browser;
    Person organiser;
    Person member;
    Jam jam;
    Forum forum;
    Post bikeIdea;
    Post commonGround;
    JamThemes.Theme bikeTheme;

    @BeforeAll
    void aClosedJamWithAPublishedReport() throws Exception {
        fixtures = Fixtures.of(context);
        browser = new SignedInRequests(mvc, fixtures);
        organiser = fixtures.organiser();
        jam = fixtures.liveJam("Getting to work");
        forum = fixtures.forum(jam, "Commuting and lunch");
        member = member("Reader of the report");
        var ideas = new ArrayList<Post>();
        ThemeAnalysisTestData.BIKES.forEach(text -> ideas.add(fixtures.idea(forum, text)));
        ThemeAnalysisTestData.CANTEEN.forEach(text -> fixtures.idea(forum, text));
        bikeIdea = ideas.getFirst();
        twoCamps();
        context.getBeansOfType(JamRecompute.class).values().forEach(run -> assertThat(run.recompute(jam.id()))
                .as("this node gets the lease").isTrue());
        bikeTheme = themes.of(jam.id()).stream().filter(t -> t.representatives().contains(bikeIdea.id()))
                .findFirst().orElseThrow();
        context.getBean(org.incrowd.review.Reviewing.class).decide(fixtures.actor(organiser), jam.id(),
                List.of(bikeIdea.id()), "selected", "Facilities will build it in spring.");
        var saved = browser.send(organiser, post("/jams/" + jam.id() + "/report")
                .param("rows", "2")
                .param("heard", "People want to cycle and eat well.")
                .param("next", "We build parking first. " + SCRIPT)
                .param("rec-0-title", TITLE)
                .param("rec-0-rationale", "Most posts ask for it.\n" + SCRIPT)
                .param("rec-0-themes", bikeTheme.key())
                .param("rec-0-posts", "http://localhost/threads/" + bikeIdea.id() + "\n" + commonGround.id())
                .param("rec-0-groups", "0")
                .param("publish", "true"));
        assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(302);
        assertThat(saved.getRedirectedUrl()).isEqualTo("/jams/" + jam.id() + "/report");
        fixtures.closeNow(jam);
    }

    /** Two camps that disagree on their own ideas and all agree on one: an opinion map with common ground. */
    void twoCamps() {
        var green = new ArrayList<Person>();
        var grey = new ArrayList<Person>();
        for (int i = 0; i < CAMP; i++) {
            green.add(member("Green " + i));
            grey.add(member("Grey " + i));
        }
        var greenIdeas = new ArrayList<Post>();
        var greyIdeas = new ArrayList<Post>();
        for (int i = 0; i < 3; i++) {
            greenIdeas.add(fixtures.idea(forum, green.get(i), "Green idea " + i, "Fewer hours " + i));
            greyIdeas.add(fixtures.idea(forum, grey.get(i), "Grey idea " + i, "Five-day week " + i));
        }
        commonGround = fixtures.idea(forum, green.getFirst(), "Publish the rota a month ahead", "Plan ahead.");
        for (int i = 0; i < CAMP; i++) {
            for (int j = 0; j < 3; j++) {
                react(green.get(i), greenIdeas.get(j), ReactionKind.AGREE);
                react(green.get(i), greyIdeas.get(j), ReactionKind.DISAGREE);
                react(grey.get(i), greyIdeas.get(j), ReactionKind.AGREE);
                react(grey.get(i), greenIdeas.get(j), ReactionKind.DISAGREE);
            }
            react(green.get(i), commonGround, ReactionKind.AGREE);
            react(grey.get(i), commonGround, ReactionKind.AGREE);
        }
    }

    Person member(String name) {
        var person = fixtures.person(name, Role.PARTICIPANT);
        fixtures.join(jam, person);
        return person;
    }

    void react(Person person, Post post, ReactionKind kind) {
        fixtures.reacting().react(fixtures.actor(person), post.id(), kind);
    }

    MockHttpServletResponse api(MockHttpServletRequestBuilder request, Person person) throws Exception {
        return mvc.perform(request.with(fixtures.bearer(person))).andReturn().getResponse();
    }

    @Test
    void aPublishedRecommendationLinksToItsPostThemeAndGroupWithTheDecisionBesideIt() throws Exception {
        String html = browser.page(member, "/jams/" + jam.id() + "/report");
        assertThat(html).contains(TITLE).doesNotContain(ReportIntegrationTests.class.getSimpleName())
                .contains("href=\"/threads/" + bikeIdea.id() + "\"")
                .contains("href=\"/jams/" + jam.id() + "/pulse#theme-" + bikeTheme.key() + "\"")
                .contains(">" + bikeTheme.label() + "<")
                .contains("href=\"/jams/" + jam.id() + "/opinions#group-0\"")
                .as("the decision on the idea, with its reason").contains("Facilities will build it in spring.")
                .as("the common ground it cites").contains("Common ground").contains("Publish the rota a month ahead")
                .doesNotContain("Draft:");
    }

    @Test
    void whatPeopleWroteIsEscapedOnThePage() throws Exception {
        String html = browser.page(member, "/jams/" + jam.id() + "/report");
        assertThat(html).doesNotContain(SCRIPT).contains("&lt;script&gt;alert(");
    }

    @Test
    void thePdfDownloadsWithTheRecommendationItsSourcesAndClickableLinks() throws Exception {
        var response = browser.send(member, get("/jams/" + jam.id() + "/report.pdf"));
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PDF_VALUE);
        byte[] pdf = response.getContentAsByteArray();
        assertThat(new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF");
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains(TITLE).contains(bikeTheme.label()).contains(bikeIdea.title())
                    .as("people's markup is text").contains(SCRIPT);
            var links = new ArrayList<String>();
            for (var page : document.getPages()) {
                for (var annotation : page.getAnnotations()) {
                    if (annotation instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI uri) {
                        links.add(uri.getURI());
                    }
                }
            }
            assertThat(links).anyMatch(link -> link.endsWith("/threads/" + bikeIdea.id()))
                    .anyMatch(link -> link.endsWith("/pulse#theme-" + bikeTheme.key()));
        }
    }

    @Test
    void theMarkdownCarriesTheRecommendationAndRendersPeoplesMarkupAsText() throws Exception {
        var response = browser.send(member, get("/jams/" + jam.id() + "/report.md"));
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("text/markdown");
        String markdown = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(markdown).contains("Build covered bike parking at every site")
                .contains("/threads/" + bikeIdea.id() + ">)").doesNotContain(SCRIPT);
        String html = HtmlRenderer.builder().build().render(Parser.builder().build().parse(markdown));
        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(")
                .contains("<a href=\"http").contains("/threads/" + bikeIdea.id() + "\">");
    }

    @Test
    void theClosedJamsHomeLeadsWithTheReport() throws Exception {
        String html = browser.page(member, "/jams/" + jam.id());
        int lead = html.indexOf("What we heard, and what happens next");
        assertThat(lead).as("the section is there").isPositive();
        assertThat(lead).as("before the forums").isLessThan(html.indexOf("id=\"forums-heading\""));
        assertThat(html).contains("People want to cycle and eat well.")
                .contains("href=\"/jams/" + jam.id() + "/report.pdf\"").doesNotContain(SCRIPT);
    }

    @Test
    void theJamsMembersAreToldOnceWhenTheReportIsPublished() throws Exception {
        var told = jdbc.sql("select person_id, link from notification where jam_id = ? and kind = 'REPORT_PUBLISHED'")
                .param(jam.id()).query((rs, n) -> rs.getLong(1) + " " + rs.getString(2)).list();
        assertThat(told).contains(member.id() + " /jams/" + jam.id() + "/report").doesNotHaveDuplicates();
        // Publishing again (after an edit) tells nobody twice.
        assertThat(api(post("/api/v1/jams/" + jam.id() + "/report/publish"), organiser).getStatus()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from notification where jam_id = ? and kind = 'REPORT_PUBLISHED'")
                .param(jam.id()).query(Integer.class).single()).isEqualTo(told.size());
        String page = browser.page(member, "/notifications");
        assertThat(page).contains("The report of Getting to work is published");
    }

    @Test
    void everyEditAndThePublicationAreRecordedInTheLedger() {
        var actions = jdbc.sql("select action from review_ledger where jam_id = ? and action like 'REPORT%'")
                .param(jam.id()).query(String.class).list();
        assertThat(actions).contains(ReportWriting.SAVED, ReportWriting.PUBLISHED);
    }

    @Test
    void publishingWithoutRecommendationsIsRefusedAndKeepsWhatWasTyped() throws Exception {
        var other = fixtures.liveJam("Nothing to recommend yet");
        var response = browser.send(organiser, post("/jams/" + other.id() + "/report")
                .param("rows", "1").param("heard", "We heard a lot about parking.")
                .param("next", "More soon.").param("rec-0-title", "").param("publish", "true"));
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentAsString())
                .contains("A report needs at least one recommendation before it can be published.")
                .contains("We heard a lot about parking.").contains("More soon.");
        assertThat(jdbc.sql("select count(*) from jam_report where jam_id = ?").param(other.id())
                .query(Integer.class).single()).as("nothing saved").isZero();
        var viaApi = api(post("/api/v1/jams/" + other.id() + "/report/publish"), organiser);
        assertThat(viaApi.getStatus()).isEqualTo(422);
        assertThat(viaApi.getContentAsString()).contains("at least one recommendation");
    }

    @Test
    void aRecommendationWithoutTitleOrWithAnotherJamsPostIsRefusedByRowKeepingTheText() throws Exception {
        var other = fixtures.liveJam("Typos in the report");
        var response = browser.send(organiser, post("/jams/" + other.id() + "/report")
                .param("rows", "2").param("heard", "").param("next", "")
                .param("rec-0-title", "").param("rec-0-rationale", "Reasons without a title")
                .param("rec-1-title", "Cites a stranger").param("rec-1-posts", bikeIdea.id() + ", not-a-link"));
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentAsString()).contains("Give the recommendation a title.")
                .contains("Reasons without a title").contains("not-a-link")
                .contains("These are neither post numbers nor links to posts: not-a-link");
        var foreign = browser.send(organiser, post("/jams/" + other.id() + "/report")
                .param("rows", "1").param("rec-0-title", "Cites a stranger")
                .param("rec-0-posts", String.valueOf(bikeIdea.id())));
        assertThat(foreign.getStatus()).isEqualTo(422);
        assertThat(foreign.getContentAsString()).contains("These are not posts of this Jam: " + bikeIdea.id());
    }

    @Test
    void aDraftIsForOrganisersOnlyWithABanner() throws Exception {
        var other = fixtures.liveJam("Draft report");
        var reader = fixtures.person("Draft reader", Role.PARTICIPANT);
        fixtures.join(other, reader);
        var saved = api(put("/api/v1/jams/" + other.id() + "/report").contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"heard": "Heard", "next": "Next", "recommendations": [
                          {"title": "Draft recommendation", "rationale": "Why", "themes": [], "posts": [],
                           "groups": []}]}"""), organiser);
        assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(200);
        assertThat(saved.getContentAsString()).contains("\"published\":false").contains("Draft recommendation");
        assertThat(browser.send(reader, get("/jams/" + other.id() + "/report")).getStatus()).isEqualTo(404);
        assertThat(browser.send(reader, get("/jams/" + other.id() + "/report.pdf")).getStatus()).isEqualTo(404);
        assertThat(api(get("/api/v1/jams/" + other.id() + "/report"), reader).getStatus()).isEqualTo(404);
        assertThat(browser.page(organiser, "/jams/" + other.id() + "/report"))
                .contains("Draft: only organisers see this report until it is published.")
                .contains("Draft recommendation");
        assertThat(api(put("/api/v1/jams/" + other.id() + "/report").contentType(MediaType.APPLICATION_JSON)
                .content("{}"), reader).getStatus()).isEqualTo(403);
    }
}
