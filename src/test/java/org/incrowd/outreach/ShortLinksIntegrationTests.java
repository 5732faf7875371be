package org.incrowd.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.concurrent.atomic.AtomicInteger;
import org.incrowd.identity.Role;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamKind;
import org.incrowd.shared.PublicUrl;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * An organiser makes a short link for a forum or a Jam, prints its poster, and withdraws it; anyone with a phone
 * follows it, signed in or not, and is counted without being recorded.
 */
@IncrowdTest
class ShortLinksIntegrationTests {

    private static final AtomicInteger SLUGS = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    ShortLinks links;
    @Autowired
    PublicUrl publicUrl;

    Fixtures fixtures;
    MockHttpSession organiser;

    @BeforeEach
    void setUp() throws Exception {
        fixtures = Fixtures.of(context);
        organiser = fixtures.signIn(fixtures.organiser());
    }

    MockHttpServletResponse send(MockHttpServletRequestBuilder request, MockHttpSession session) throws Exception {
        return mvc.perform(request.session(session).with(Fixtures.browser()).with(Fixtures.servletPath()))
                .andReturn().getResponse();
    }

    static String freshSlug(String hint) {
        return hint + "-" + SLUGS.incrementAndGet() + "x" + Long.toString(System.nanoTime() % 100_000, 36);
    }

    @Test
    void aShortLinkLeadsAGuestToTheForumAndCountsTheVisit() throws Exception {
        var jam = fixtures.liveJam("Depot Jam");
        var forum = fixtures.forum(jam, "Night shift");
        String slug = freshSlug("depot");

        var made = send(post("/jams/" + jam.id() + "/links").param("forumId", Long.toString(forum.id()))
                .param("slug", slug).with(csrf()), organiser);
        assertThat(made.getStatus()).isEqualTo(302);
        assertThat(made.getRedirectedUrl()).startsWith("/jams/" + jam.id() + "/links?created#link-");

        // A phone, not signed in: the short link leads to the forum, and the forum (members only) to sign-in.
        var phone = new MockHttpSession();
        var followed = send(get("/s/" + slug), phone);
        assertThat(followed.getStatus()).isEqualTo(302);
        assertThat(followed.getRedirectedUrl()).isEqualTo("/forums/" + forum.id());
        assertThat(send(get(followed.getRedirectedUrl()), phone).getRedirectedUrl()).endsWith("/signin");
        // Typed by hand in capitals, and by its random code, it leads to the same place.
        var link = links.ofJam(fixtures.organiser().asActor(), jam.id()).getFirst();
        assertThat(send(get("/s/" + slug.toUpperCase()), phone).getRedirectedUrl()).isEqualTo("/forums/" + forum.id());
        assertThat(send(get("/s/" + link.code()), phone).getRedirectedUrl()).isEqualTo("/forums/" + forum.id());

        var page = send(get("/jams/" + jam.id() + "/links"), organiser).getContentAsString();
        assertThat(page).contains(publicUrl.absolute("/s/" + slug)).contains("Leads to: Night shift")
                .contains("3 visits, 3 in the last 7 days");
        assertThat(context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("select count(*) from short_link_visit where link_id = ?").param(link.id())
                .query(Long.class).single()).as("one counter row per link and day").isEqualTo(1);
    }

    @Test
    void aLinkToAJamOpenToGuestsLandsOnItsHomeWithoutSignIn() throws Exception {
        var jam = fixtures.liveJam("Open Jam for posters");
        fixtures.jams().openToGuests(fixtures.organiser().asActor(), jam.id(), true);
        var link = links.create(fixtures.organiser().asActor(), jam.id(), null, null);

        var phone = new MockHttpSession();
        var followed = send(get("/s/" + link.code()), phone);
        assertThat(followed.getRedirectedUrl()).isEqualTo("/jams/" + jam.id());
        var home = send(get("/jams/" + jam.id()), phone);
        assertThat(home.getStatus()).isEqualTo(200);
        assertThat(home.getContentAsString()).contains("Open Jam for posters");
    }

    @Test
    void aWithdrawnLinkSaysSoWith410AndItsQrCodeIsGoneToo() throws Exception {
        var jam = fixtures.liveJam("Withdrawn link Jam");
        var link = links.create(fixtures.organiser().asActor(), jam.id(), null, freshSlug("gone"));

        var revoked = send(post("/jams/" + jam.id() + "/links/" + link.key() + "/revoke").with(csrf()), organiser);
        assertThat(revoked.getRedirectedUrl()).isEqualTo("/jams/" + jam.id() + "/links?revoked");
        assertThat(send(get(revoked.getRedirectedUrl()), organiser).getContentAsString())
                .contains("The link was withdrawn. Its address now says so.");

        var phone = new MockHttpSession();
        var followed = send(get("/s/" + link.key()), phone);
        assertThat(followed.getStatus()).isEqualTo(410);
        assertThat(followed.getContentAsString()).contains("Link withdrawn")
                .contains("This link was withdrawn by the organisers of the Jam");
        assertThat(send(get("/s/" + link.code() + "/qr.svg"), phone).getStatus()).isEqualTo(410);
        assertThat(send(get("/s/nosuchlnk"), phone).getStatus()).isEqualTo(404);
        // The withdrawn slug is not handed out again.
        var again = send(post("/jams/" + jam.id() + "/links").param("slug", link.slug()).with(csrf()), organiser);
        assertThat(again.getStatus()).isEqualTo(422);
        assertThat(send(get("/jams/" + jam.id() + "/links"), organiser).getContentAsString()).contains("Withdrawn");
        assertThat(links.ofJam(fixtures.organiser().asActor(), jam.id()).getFirst().visits()).isZero();
    }

    @Test
    void aBadSlugIsRefusedWithAMessageAndTheFormKeepsIt() throws Exception {
        var jam = fixtures.liveJam("Slug Jam");
        var forum = fixtures.forum(jam, "Canteen");
        String taken = freshSlug("taken");
        links.create(fixtures.organiser().asActor(), jam.id(), null, taken);

        assertRefused(jam, forum.id(), taken, "The name \"" + taken + "\" is already used by another link.");
        assertRefused(jam, forum.id(), "a-" + "b".repeat(45), "The name is too long: at most 40 characters.");
        assertRefused(jam, forum.id(), "town hall!", "Use only lower-case letters, digits and single hyphens");
        assertThat(links.ofJam(fixtures.organiser().asActor(), jam.id())).hasSize(1);
    }

    private void assertRefused(Jam jam, long forumId, String slug, String message) throws Exception {
        var refused = send(post("/jams/" + jam.id() + "/links").param("forumId", Long.toString(forumId))
                .param("slug", slug).with(csrf()), organiser);
        assertThat(refused.getStatus()).as(slug).isEqualTo(422);
        String body = refused.getContentAsString();
        assertThat(body).as(slug).contains(message).contains("id=\"slug-error\"")
                .contains("value=\"" + org.springframework.web.util.HtmlUtils.htmlEscape(slug) + "\"")
                .containsPattern("<option value=\"" + forumId + "\"\\s+selected");
    }

    @Test
    void theQrCodeDecodesToTheLinksFullAddress() throws Exception {
        var jam = fixtures.liveJam("QR Jam");
        var link = links.create(fixtures.organiser().asActor(), jam.id(), null, null);

        var qr = send(get("/s/" + link.code() + "/qr.svg"), new MockHttpSession());
        assertThat(qr.getStatus()).isEqualTo(200);
        assertThat(qr.getContentType()).startsWith("image/svg+xml");
        assertThat(QrCodesTests.decode(qr.getContentAsString())).isEqualTo(publicUrl.absolute("/s/" + link.code()));
        assertThat(links.ofJam(fixtures.organiser().asActor(), jam.id()).getFirst().visits())
                .as("fetching the picture is no visit").isZero();
    }

    @Test
    void thePosterShowsTheQuestionTheQrCodeTheAddressAndWhenToTakePart() throws Exception {
        var box = fixtures.jam("Suggestion box").question("What would make the depot safer?")
                .campaign(JamKind.IDEA_BOX, null, null).create();
        var link = links.create(fixtures.organiser().asActor(), box.id(), null, freshSlug("safer"));

        var poster = send(get("/jams/" + box.id() + "/links/" + link.key() + "/poster"), organiser);
        assertThat(poster.getStatus()).isEqualTo(200);
        String html = poster.getContentAsString();
        assertThat(html).contains("<h1 class=\"poster-question\">What would make the depot safer?</h1>")
                .contains(publicUrl.absolute("/s/" + link.slug())).contains("Always open")
                .contains("Point your phone's camera at the code");
        String svg = html.substring(html.indexOf("<svg"), html.indexOf("</svg>") + 6);
        assertThat(QrCodesTests.decode(svg)).isEqualTo(publicUrl.absolute("/s/" + link.slug()));

        var pdf = send(get("/jams/" + box.id() + "/links/" + link.key() + "/poster.pdf"), organiser);
        assertThat(pdf.getStatus()).isEqualTo(200);
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.getContentAsByteArray())) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("What would make the depot safer?")
                    .contains(publicUrl.absolute("/s/" + link.slug()));
        }
    }

    @Test
    void onlyTheJamsOrganisersAndStaffMakeLinks() throws Exception {
        var jam = fixtures.liveJam("Staff links Jam");
        var forum = fixtures.forum(jam, "Yard");
        var host = fixtures.person("Host Hanna", Role.PARTICIPANT);
        fixtures.host(forum, host);
        var member = fixtures.person("Member Max", Role.PARTICIPANT);
        fixtures.join(jam, member);

        assertThat(send(post("/jams/" + jam.id() + "/links").with(csrf()), fixtures.signIn(host)).getStatus())
                .isEqualTo(302);
        assertThat(send(post("/jams/" + jam.id() + "/links").with(csrf()), fixtures.signIn(member)).getStatus())
                .isEqualTo(403);
        assertThat(links.ofJam(fixtures.organiser().asActor(), jam.id())).hasSize(1);
    }
}
