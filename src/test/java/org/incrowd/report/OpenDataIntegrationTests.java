package org.incrowd.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incrowd.report.OpenDataDownloads.files;
import static org.incrowd.report.OpenDataDownloads.perform;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.incrowd.discussion.Post;
import org.incrowd.discussion.ReactionKind;
import org.incrowd.identity.Person;
import org.incrowd.insight.opinions.polis.PolisExport;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Jam;
import org.incrowd.review.ReviewLedger;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An organiser downloads a Jam's open data: the zip holds posts, reactions, participants, themes and opinion groups
 * as CSV and JSON and the Pol.is files; no author is named in it, whichever mode; participants read it only once
 * it is published.
 */
@IncrowdTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenDataIntegrationTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    ReviewLedger ledger;

    Fixtures fixtures;
    Person organiser;
    Person ada;
    Person bo;
    Jam jam;
    Forum forum;
    Forum other;
    Post idea;
    Post formula;
    Post reply;

    @BeforeAll
    void setUp() {
        fixtures = Fixtures.of(context);
        organiser = fixtures.organiser();
        ada = fixtures.person("Ada Quillfeather");
        bo = fixtures.person("Bo Marrowind");
        jam = fixtures.liveJam("Open <b>data</b> Jam");
        forum = fixtures.forum(jam, "Commuting");
        other = fixtures.forum(jam, "Canteen");
        fixtures.join(jam, ada);
        fixtures.join(jam, bo);
        idea = fixtures.idea(forum, ada, "Bike racks at every gate", "<script>alert('x')</script> More racks.");
        formula = fixtures.idea(other, bo, "=HYPERLINK(\"http://evil.example\")", "+1 says the cell");
        reply = fixtures.reply(idea, bo, "@all yes, and showers");
        fixtures.reacting().react(fixtures.actor(bo), idea.id(), ReactionKind.AGREE);
        fixtures.reacting().react(fixtures.actor(ada), formula.id(), ReactionKind.DISAGREE);
        fixtures.reacting().react(fixtures.actor(organiser), idea.id(), ReactionKind.PASS);
    }

    MockHttpServletResponse zip(Person who, String query) throws Exception {
        return perform(mvc, get("/jams/" + jam.id() + "/open-data.zip" + query).with(fixtures.bearer(who)));
    }

    Map<String, String> download(String query) throws Exception {
        var response = zip(organiser, query);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/zip");
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment");
        return files(response.getContentAsByteArray());
    }

    @Test
    void theZipHoldsPostsReactionsThemesAndGroupsAsCsvAndJsonWithTheOpinionDataInPolisFormat() throws Exception {
        var files = download("");

        assertThat(files).containsKeys("README.md", "posts.csv", "posts.json", "reactions.csv", "reactions.json",
                "participants.csv", "participants.json", "themes.csv", "themes.json", "opinion-groups.csv",
                "opinion-groups.json", "polis/comments.csv", "polis/votes.csv", "polis/participants-votes.csv");
        assertThat(files.get("README.md")).contains("pseudonymised").contains("CC BY 4.0");
        assertThat(files.get("posts.csv").lines().toList()).hasSize(4)
                .anySatisfy(line -> assertThat(line).startsWith(idea.id() + "," + forum.id() + "," + idea.id()
                        + ",,idea,p-").contains("Bike racks at every gate"))
                .anySatisfy(line -> assertThat(line).startsWith(reply.id() + "," + forum.id() + "," + idea.id()
                        + "," + idea.id() + ",reply,p-"));
        var posts = json.readTree(files.get("posts.json"));
        assertThat(posts).hasSize(3);
        assertThat(posts.get(0).get("title").asString()).isEqualTo("Bike racks at every gate");
        assertThat(posts.get(0).get("author_type").asString()).isEqualTo("EMPLOYEE");
        assertThat(files.get("reactions.csv").lines()).hasSize(4).first().isEqualTo(
                "post_id,forum_id,person,person_type,kind,reacted_at");
        assertThat(json.readTree(files.get("reactions.json"))).extracting(r -> r.get("kind").asString())
                .containsExactlyInAnyOrder("agree", "disagree", "pass");
        assertThat(files.get("themes.csv").lines().findFirst()).contains("key,label,posts");
        assertThat(files.get("opinion-groups.csv").lines().findFirst()).contains("group_id,participants");
        assertThat(files.get("participants.csv").lines()).hasSize(4);

        assertThat(files.get("polis/comments.csv").lines().findFirst())
                .contains("timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body");
        assertThat(files.get("polis/comments.csv")).contains("," + idea.id() + ",").contains("Bike racks");
        assertThat(files.get("polis/votes.csv").lines()).hasSize(4)
                .anySatisfy(line -> assertThat(line).matches(".*," + formula.id() + ",\\d+,-1"));
        assertThat(files.get("polis/participants-votes.csv").lines().findFirst().orElseThrow())
                .startsWith("participant,group-id,n-comments,n-votes,n-agree,n-disagree," + idea.id());
    }

    @Test
    void oneForumsExportHoldsOnlyThatForum() throws Exception {
        var files = download("?forum=" + other.id());

        assertThat(files.get("posts.csv").lines()).hasSize(2);
        assertThat(files.get("posts.csv")).contains("evil.example").doesNotContain("Bike racks");
        assertThat(files.get("reactions.csv").lines()).hasSize(2);
    }

    @Test
    void aPseudonymisedExportNamesNoAuthorByNameEmailOrAccountId() throws Exception {
        var files = download("?mode=pseudonymised");
        String all = String.join("\n", files.values());

        for (var person : List.of(ada, bo, organiser)) {
            assertThat(all).doesNotContain(person.displayName()).doesNotContain(person.email());
        }
        var people = List.of(String.valueOf(ada.id()), String.valueOf(bo.id()), String.valueOf(organiser.id()));
        for (var post : json.readTree(files.get("posts.json"))) {
            assertThat(post.get("author").asString()).matches("p-[0-9a-f]{16}").isNotIn(people);
        }
        for (var reaction : json.readTree(files.get("reactions.json"))) {
            assertThat(reaction.get("person").asString()).matches("p-[0-9a-f]{16}");
        }
        assertThat(all).doesNotContain("author_id").doesNotContain("person_id");
        // Stable within the scope: Ada's idea and her pseudonym on her reaction agree.
        var posts = json.readTree(files.get("posts.json"));
        String adas = posts.get(0).get("author").asString();
        assertThat(json.readTree(files.get("reactions.json"))).filteredOn(r -> r.get("kind").asString()
                .equals("disagree")).singleElement().satisfies(r -> assertThat(r.get("person").asString())
                .isEqualTo(adas));
        // Another scope, another pseudonym.
        var forumPosts = json.readTree(download("?forum=" + forum.id()).get("posts.json"));
        assertThat(forumPosts.get(0).get("author").asString()).isNotEqualTo(adas);
    }

    @Test
    void withAuthorsRemovedThereIsNoAuthorOrPersonColumn() throws Exception {
        var files = download("?mode=removed");

        assertThat(files.get("posts.csv").lines().findFirst().orElseThrow())
                .isEqualTo("id,forum_id,thread_id,parent_id,kind,author_type,title,body,created_at,edited_at,theme");
        assertThat(files.get("reactions.csv").lines().findFirst().orElseThrow())
                .isEqualTo("post_id,forum_id,person_type,kind,reacted_at");
        assertThat(files.get("posts.json")).doesNotContain("\"author\"");
        assertThat(files.get("reactions.json")).doesNotContain("\"person\"");
        assertThat(files.get("participants.csv")).doesNotContain("p-");
        var comments = Files.createTempFile("comments", ".csv");
        try {
            Files.writeString(comments, files.get("polis/comments.csv"));
            var authors = new ArrayList<Long>();
            PolisExport.readComments(comments, comment -> authors.add(comment.author()));
            assertThat(authors).hasSize(3).containsOnly(-1L);
        } finally {
            Files.delete(comments);
        }
        assertThat(files.get("README.md")).contains("authors removed");
    }

    @Test
    void cellsThatASpreadsheetWouldRunAreNeutralisedAndScriptStaysData() throws Exception {
        var files = download("");

        assertThat(files.get("posts.csv")).contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\"")
                .contains(",'+1 says the cell,").contains(",\"'@all yes, and showers\",");
        assertThat(files.get("polis/comments.csv")).contains("\"'=HYPERLINK(");
        JsonNode posts = json.readTree(files.get("posts.json"));
        assertThat(posts.get(0).get("body").asString()).isEqualTo("<script>alert('x')</script> More racks.");
        assertThat(files.get("README.md")).contains("Open \\<b\\>data\\</b\\> Jam").doesNotContain("<b>");
    }

    @Test
    void participantsReadTheExportOnlyOnceItIsPublishedAndOnlyInItsMode() throws Exception {
        assertThat(zip(bo, "").getStatus()).isEqualTo(404);
        assertThat(perform(mvc, get("/jams/" + jam.id() + "/open-data").with(fixtures.bearer(bo))).getStatus())
                .isEqualTo(404);
        var refused = perform(mvc, put("/api/v1/jams/" + jam.id() + "/open-data/publication")
                .with(fixtures.bearer(bo)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"published\": true, \"mode\": \"removed\"}"));
        assertThat(refused.getStatus()).isEqualTo(403);

        var published = perform(mvc, put("/api/v1/jams/" + jam.id() + "/open-data/publication")
                .with(fixtures.bearer(organiser)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"published\": true, \"mode\": \"removed\"}"));
        try {
            assertThat(published.getStatus()).as(published.getContentAsString()).isEqualTo(200);
            assertThat(json.readTree(published.getContentAsString()).get("mode").asString()).isEqualTo("removed");
            assertThat(ledger.ofJam(jam.id(), 0, 10)).anySatisfy(entry -> {
                assertThat(entry.action()).isEqualTo(OpenData.PUBLISHED);
                assertThat(entry.actorId()).isEqualTo(organiser.id());
            });

            var page = perform(mvc, get("/jams/" + jam.id() + "/open-data").with(fixtures.bearer(bo)));
            assertThat(page.getStatus()).isEqualTo(200);
            assertThat(page.getContentAsString()).contains("Published (Authors removed)")
                    .doesNotContain("Publish the open data");
            var files = files(zip(bo, "").getContentAsByteArray());
            assertThat(files.get("posts.csv").lines().findFirst().orElseThrow()).doesNotContain("author,");
            assertThat(zip(bo, "?mode=pseudonymised").getStatus()).isEqualTo(403);
        } finally {
            perform(mvc, put("/api/v1/jams/" + jam.id() + "/open-data/publication").with(fixtures.bearer(organiser))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"published\": false}"));
        }
        assertThat(zip(bo, "").getStatus()).isEqualTo(404);
    }

    @Test
    void guestsDownloadThePublishedExportOfAJamOpenToGuests() throws Exception {
        var open = fixtures.liveJam("Open to guests");
        var square = fixtures.forum(open, "Town square");
        fixtures.join(open, ada);
        fixtures.idea(square, ada, "Benches in the square", "Shade too.");
        fixtures.jams().openToGuests(fixtures.actor(organiser), open.id(), true);
        var unpublished = perform(mvc, get("/jams/" + open.id() + "/open-data.zip"));
        assertThat(unpublished.getStatus()).as("sent to sign in, as for any page a guest may not read")
                .isEqualTo(302);
        assertThat(unpublished.getRedirectedUrl()).endsWith("/signin");

        perform(mvc, put("/api/v1/jams/" + open.id() + "/open-data/publication").with(fixtures.bearer(organiser))
                .contentType(MediaType.APPLICATION_JSON).content("{\"published\": true}"));

        var page = perform(mvc, get("/jams/" + open.id() + "/open-data"));
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("Published (Pseudonymised)");
        var zip = perform(mvc, get("/jams/" + open.id() + "/open-data.zip"));
        assertThat(zip.getStatus()).isEqualTo(200);
        assertThat(files(zip.getContentAsByteArray()).get("posts.csv")).contains("Benches in the square")
                .doesNotContain(ada.displayName());
    }

    @Test
    void theApiStreamsTheExportAsOneJsonDocumentAndRefusesOtherFormatsWithAProblem() throws Exception {
        var response = perform(mvc, get("/api/v1/jams/" + jam.id() + "/open-data?format=json&forum=" + forum.id())
                .with(fixtures.bearer(organiser)));
        assertThat(response.getStatus()).isEqualTo(200);
        var document = json.readTree(response.getContentAsString());
        assertThat(document.get("forum").asLong()).isEqualTo(forum.id());
        assertThat(document.get("mode").asString()).isEqualTo("pseudonymised");
        assertThat(document.get("posts")).hasSize(2);
        assertThat(document.get("reactions")).hasSize(2);
        assertThat(document.get("participants")).isNotEmpty();
        assertThat(document.has("themes")).isTrue();
        assertThat(document.has("opinionGroups")).isTrue();

        var xml = perform(mvc, get("/api/v1/jams/" + jam.id() + "/open-data?format=xml")
                .with(fixtures.bearer(organiser)));
        assertThat(xml.getStatus()).isEqualTo(400);
        assertThat(xml.getContentType()).startsWith("application/problem+json");
        assertThat(xml.getContentAsString()).contains("xml");
        var mode = perform(mvc, get("/api/v1/jams/" + jam.id() + "/open-data?mode=named")
                .with(fixtures.bearer(organiser)));
        assertThat(mode.getStatus()).isEqualTo(400);
        assertThat(mode.getContentAsString()).contains("named");
    }
}
