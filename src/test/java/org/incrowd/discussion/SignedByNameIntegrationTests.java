package org.incrowd.discussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.incrowd.identity.Person;
import org.incrowd.identity.Pseudonyms;
import org.incrowd.identity.Role;
import org.incrowd.jam.Forum;
import org.incrowd.jam.IdentityMode;
import org.incrowd.jam.IdentityModes;
import org.incrowd.jam.Jam;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.incrowd.support.SignedInRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * In a pseudonymous forum an author may sign one post with their name: that post names them, their others keep the
 * pseudonym; named and anonymous forums refuse it with the text kept, and an edit never changes it (ADR 42).
 */
@IncrowdTest
class SignedByNameIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    IdentityModes modes;
    @Autowired
    Pseudonyms pseudonyms;
    @Autowired
    Reading reading;

    Fixtures fixtures;
    SignedInRequests requests;
    Jam jam;
    Forum pseudonymous;
    Forum anonymous;
    Person author;
    Person reader;

    @BeforeEach
    void aPseudonymousJamWithAnAnonymousForum() {
        fixtures = Fixtures.of(context);
        requests = new SignedInRequests(mvc, fixtures);
        jam = fixtures.liveJam("Signing " + System.nanoTime());
        pseudonymous = fixtures.forum(jam, "Open floor");
        anonymous = fixtures.forum(jam, "Whispers");
        var organiser = fixtures.actor(fixtures.organiser());
        modes.setForJam(organiser, jam.id(), IdentityMode.PSEUDONYMOUS, false);
        modes.setForForum(organiser, anonymous.id(), IdentityMode.ANONYMOUS);
        author = fixtures.person("Signe Signwell", Role.PARTICIPANT);
        reader = fixtures.person("Rhea Reader", Role.PARTICIPANT);
        fixtures.join(jam, author);
        fixtures.join(jam, reader);
    }

    @Test
    void theComposeFormOffersAnUntickedSignatureAndOnlyTheSignedIdeaNamesItsAuthor() throws Exception {
        String form = requests.page(author, "/forums/" + pseudonymous.id());
        assertThat(form).contains("Sign this post with my name").contains("Only this post shows your name")
                .containsPattern("name=\"signedByName\" value=\"true\"\\s+aria-describedby");

        var signed = requests.send(author, post("/forums/" + pseudonymous.id() + "/threads")
                .param("title", "Open budget").param("body", "I stand by this one.").param("signedByName", "true"));
        var unsigned = fixtures.idea(pseudonymous, author, "Quiet rooms", "No phones upstairs.");

        String pseudonym = pseudonyms.of(jam.id(), author.id());
        String signedPage = requests.page(reader, signed.getRedirectedUrl());
        String unsignedPage = requests.page(reader, "/threads/" + unsigned.id());
        assertThat(signedPage).contains("Signe Signwell").doesNotContain(pseudonym);
        assertThat(unsignedPage).contains(pseudonym).doesNotContain("Signe Signwell");
    }

    @Test
    void aReplyThroughTheApiCanBeSignedAndTheOtherRepliesKeepThePseudonym() throws Exception {
        var idea = fixtures.idea(pseudonymous, reader, "Shared desks", "Fewer fixed desks.");
        var response = mvc.perform(post("/api/v1/posts/" + idea.id() + "/replies").with(fixtures.bearer(author))
                .with(Fixtures.servletPath()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"body\":\"Signed: I agree.\",\"signedByName\":true}")).andReturn().getResponse();
        var other = fixtures.reply(idea, author, "Unsigned: and lockers.");

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getContentAsString()).contains("\"authorName\":\"Signe Signwell\"");
        String thread = requests.page(reader, "/threads/" + idea.id());
        assertThat(thread).contains("Signe Signwell").contains(pseudonyms.of(jam.id(), author.id()));
        assertThat(reading.require(fixtures.actor(reader), other.id()).authorName())
                .isEqualTo(pseudonyms.of(jam.id(), author.id()));
    }

    @Test
    void anAnonymousForumRefusesASignatureAndKeepsTheText() throws Exception {
        assertThat(requests.page(author, "/forums/" + anonymous.id())).doesNotContain("Sign this post with my name");

        var refused = requests.send(author, post("/forums/" + anonymous.id() + "/threads")
                .param("title", "Pay gaps").param("body", "Publish the pay bands.").param("signedByName", "true"));

        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString()).contains("cannot be signed with a name").contains("Pay gaps")
                .contains("Publish the pay bands.");
        assertThat(requests.page(reader, "/forums/" + anonymous.id())).doesNotContain("Pay gaps");
    }

    @Test
    void aNamedForumRefusesASignatureThroughTheApi() throws Exception {
        var named = fixtures.forum(jam, "Names");
        modes.setForForum(fixtures.actor(fixtures.organiser()), named.id(), IdentityMode.NAMED);

        var refused = mvc.perform(post("/api/v1/forums/" + named.id() + "/threads").with(fixtures.bearer(author))
                .with(Fixtures.servletPath()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"Names\",\"body\":\"Named anyway.\",\"signedByName\":true}")).andReturn().getResponse();

        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString()).contains("signedByName").contains("nothing to sign");
    }

    @Test
    void anEditNeverChangesTheSignature() throws Exception {
        var signed = fixtures.posting().startThread(fixtures.actor(author), pseudonymous.id(),
                new PostDraft("Signed", "My name on it.", "", true));
        var unsigned = fixtures.idea(pseudonymous, author, "Unsigned", "No name on it.");

        requests.send(author, post("/posts/" + signed.id() + "/edit").param("title", "Signed").param("body", "Still mine."));
        requests.send(author, post("/posts/" + unsigned.id() + "/edit").param("title", "Unsigned")
                .param("body", "Still no name.").param("signedByName", "true"));

        assertThat(reading.require(fixtures.actor(reader), signed.id()).authorName()).isEqualTo("Signe Signwell");
        assertThat(reading.require(fixtures.actor(reader), unsigned.id()).authorName())
                .isEqualTo(pseudonyms.of(jam.id(), author.id()));
        assertThat(requests.page(author, "/posts/" + signed.id() + "/edit")).doesNotContain("Sign this post with my name");
    }
}
