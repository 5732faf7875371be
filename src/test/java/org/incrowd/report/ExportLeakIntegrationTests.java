package org.incrowd.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incrowd.report.OpenDataDownloads.files;
import static org.incrowd.report.OpenDataDownloads.perform;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.incrowd.discussion.Post;
import org.incrowd.identity.Person;
import org.incrowd.jam.Forum;
import org.incrowd.jam.IdentityMode;
import org.incrowd.jam.IdentityModes;
import org.incrowd.support.HiddenAuthors;
import org.incrowd.support.IncrowdTest;
import org.incrowd.support.SignedInRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What leaves Incrowd as a file keeps hidden authors hidden (ADR 49): the open-data zip and JSON (even pseudonymised,
 * the export's pseudonym does not tie a hidden post to its author's named posts), the Pol.is files, and the report's
 * PDF and Markdown; each still carries the hidden posts themselves.
 */
@IncrowdTest
class ExportLeakIntegrationTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;

    HiddenAuthors hidden;
    Forum named;
    Post pseudonymous;
    Post anonymous;
    Post byName;
    Person organiser;

    @BeforeEach
    void aHiddenAuthorWhoAlsoPostsByName() {
        hidden = HiddenAuthors.in(context);
        organiser = hidden.fixtures.organiser();
        named = hidden.fixtures.forum(hidden.jam, "Say it by name");
        context.getBean(IdentityModes.class).setForForum(hidden.fixtures.actor(organiser), named.id(),
                IdentityMode.NAMED);
        pseudonymous = hidden.pseudonymousIdea("Honest budgets", "Show every team its budget.");
        anonymous = hidden.anonymousIdea("Honest reviews", "Let us review our managers.");
        byName = hidden.fixtures.idea(named, hidden.author, "Open books", "Publish the budget to everyone.");
    }

    @Test
    void theOpenDataZipDoesNotTieHiddenPostsToTheirAuthorsOtherPosts() throws Exception {
        var response = perform(mvc, get("/jams/" + hidden.jam.id() + "/open-data.zip")
                .with(hidden.fixtures.bearer(organiser)));
        assertThat(response.getStatus()).isEqualTo(200);
        Map<String, String> files = files(response.getContentAsByteArray());

        files.forEach((name, text) -> hidden.assertNoTrace(name, text));
        var posts = byId(json.readTree(files.get("posts.json")));
        String authorsPseudonym = posts.get(byName.id()).get("author").asString();
        assertThat(authorsPseudonym).matches("p-[0-9a-f]{16}");
        assertThat(posts.get(pseudonymous.id()).get("title").asString()).isEqualTo("Honest budgets");
        assertThat(posts.get(pseudonymous.id()).get("author").isNull()).isTrue();
        assertThat(posts.get(pseudonymous.id()).get("author_type").asString()).isEqualTo("EMPLOYEE");
        assertThat(posts.get(anonymous.id()).get("title").asString()).isEqualTo("Honest reviews");
        assertThat(posts.get(anonymous.id()).get("author").isNull()).isTrue();
        assertThat(posts.get(anonymous.id()).get("author_type").isNull()).as("anonymous: not even a type").isTrue();
        assertThat(files.get("posts.csv").lines().filter(line -> line.contains(authorsPseudonym)))
                .singleElement().asString().contains("Open books");

        var comments = files.get("polis/comments.csv").lines().toList();
        assertThat(comments).anySatisfy(line -> assertThat(line).contains("," + pseudonymous.id() + ",-1,"))
                .anySatisfy(line -> assertThat(line).contains("," + anonymous.id() + ",-1,"))
                .anySatisfy(line -> assertThat(line).contains("," + byName.id() + ",")
                        .doesNotContain("," + byName.id() + ",-1,"));
    }

    @Test
    void theOpenDataApiDocumentCarriesHiddenPostsWithoutTheirAuthor() throws Exception {
        var response = perform(mvc, get("/api/v1/jams/" + hidden.jam.id() + "/open-data?format=json")
                .with(hidden.fixtures.bearer(organiser)));
        assertThat(response.getStatus()).isEqualTo(200);
        String body = response.getContentAsString(StandardCharsets.UTF_8);

        hidden.assertNoTrace("/api/v1/jams/{id}/open-data", body);
        var posts = byId(json.readTree(body).get("posts"));
        assertThat(posts.get(anonymous.id()).get("body").asString()).isEqualTo("Let us review our managers.");
        assertThat(posts.get(anonymous.id()).get("author").isNull()).isTrue();
    }

    @Test
    void theReportsPdfAndMarkdownCiteHiddenIdeasWithoutTheirAuthor() throws Exception {
        var browser = new SignedInRequests(mvc, hidden.fixtures);
        var saved = browser.send(organiser, post("/jams/" + hidden.jam.id() + "/report")
                .param("rows", "1")
                .param("heard", "People want honest numbers.")
                .param("next", "We publish budgets.")
                .param("rec-0-title", "Publish every budget")
                .param("rec-0-rationale", "Both ideas ask for it.")
                .param("rec-0-posts", pseudonymous.id() + "\n" + anonymous.id())
                .param("publish", "true"));
        assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(302);

        var pdf = browser.send(organiser, get("/jams/" + hidden.jam.id() + "/report.pdf"));
        assertThat(pdf.getStatus()).isEqualTo(200);
        try (var document = Loader.loadPDF(pdf.getContentAsByteArray())) {
            String text = new PDFTextStripper().getText(document);
            hidden.assertNoTrace("report.pdf", text);
            assertThat(text).contains("Honest budgets").contains("Honest reviews");
        }
        var markdown = browser.send(organiser, get("/jams/" + hidden.jam.id() + "/report.md"))
                .getContentAsString(StandardCharsets.UTF_8);
        hidden.assertNoTrace("report.md", markdown);
        assertThat(markdown).contains("Honest budgets").contains("Honest reviews");
        String page = browser.send(organiser, get("/jams/" + hidden.jam.id() + "/report")).getContentAsString();
        hidden.assertNoTrace("/jams/{id}/report", page);
    }

    private static Map<Long, JsonNode> byId(JsonNode rows) {
        var byId = new java.util.HashMap<Long, JsonNode>();
        rows.forEach(row -> byId.put(row.get("id").asLong(), row));
        return byId;
    }
}
