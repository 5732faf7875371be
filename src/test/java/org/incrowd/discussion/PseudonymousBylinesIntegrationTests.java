package org.incrowd.discussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.regex.Pattern;
import org.incrowd.identity.Person;
import org.incrowd.identity.Pseudonyms;
import org.incrowd.identity.Role;
import org.incrowd.jam.Forum;
import org.incrowd.jam.IdentityMode;
import org.incrowd.jam.IdentityModes;
import org.incrowd.jam.Jam;
import org.incrowd.support.Fixtures;
import org.incrowd.support.HiddenAuthors;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * In a pseudonymous forum readers see a stable pseudonym per Jam, in an anonymous one no author at all, and the
 * JSON carries no account id for either; a named forum of the same Jam still names its authors (ADR 41).
 */
@IncrowdTest
class PseudonymousBylinesIntegrationTests {

    static final Pattern PSEUDONYM = Pattern.compile("[A-Z][a-z]+ [A-Z][a-z]+ \\d{1,3}");

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    IdentityModes modes;
    @Autowired
    Pseudonyms pseudonyms;
    @Autowired
    JdbcClient jdbc;

    Fixtures fixtures;
    Jam jam;
    Forum pseudonymous;
    Forum anonymous;
    Forum named;
    Person author;
    Person reader;

    @BeforeEach
    void aJamWithOneForumOfEachMode() {
        fixtures = Fixtures.of(context);
        jam = fixtures.liveJam("Safe " + System.nanoTime());
        pseudonymous = fixtures.forum(jam, "Pseudonymous");
        anonymous = fixtures.forum(jam, "Anonymous");
        named = fixtures.forum(jam, "Named");
        var organiser = fixtures.actor(fixtures.organiser());
        modes.setForJam(organiser, jam.id(), IdentityMode.PSEUDONYMOUS, false);
        modes.setForForum(organiser, anonymous.id(), IdentityMode.ANONYMOUS);
        modes.setForForum(organiser, named.id(), IdentityMode.NAMED);
        author = fixtures.person("Zephyrine Quillfeather", Role.PARTICIPANT);
        reader = fixtures.person("Rita Reader", Role.PARTICIPANT);
        fixtures.join(jam, author);
        fixtures.join(jam, reader);
    }

    @Test
    void aPseudonymousIdeaShowsTheSamePseudonymOnItsPageAndInTheApiWithoutNameOrAccountId() throws Exception {
        var idea = fixtures.idea(pseudonymous, author, "Quiet rooms", "A room without phones on every floor.");
        var reply = fixtures.reply(idea, author, "And one more thing from me.");

        String shown = pseudonyms.of(jam.id(), author.id());
        assertThat(shown).matches(PSEUDONYM);
        String page = fetch("/threads/" + idea.id(), reader);
        assertThat(page).contains(shown).doesNotContain("Zephyrine").doesNotContain("Quillfeather");
        String json = fetch("/api/v1/posts/" + reply.id(), reader);
        assertThat(json).contains("\"authorName\":\"" + shown + "\"").doesNotContain("\"authorId\"")
                .doesNotContain("Zephyrine").doesNotContain("\"authorId\":" + author.id());
        assertThat(fetch("/api/v1/posts/" + idea.id(), author)).as("the author sees how others see them")
                .contains(shown).contains("\"mine\":true");
    }

    @Test
    void theThreadPageAndItsJsonCarryNoTraceOfAHiddenAuthor() throws Exception {
        var hidden = HiddenAuthors.in(context);
        var idea = hidden.pseudonymousIdea("Honest budgets", "Show every team its real budget.");
        var anonymousIdea = hidden.anonymousIdea("Honest reviews", "Let us review our managers.");

        for (var path : java.util.List.of("/threads/" + idea.id(), "/threads/" + anonymousIdea.id(),
                "/api/v1/posts/" + idea.id(), "/api/v1/posts/" + anonymousIdea.id())) {
            hidden.assertNoTrace(path, fetch(path, reader));
        }
    }

    @Test
    void aPersonKeepsTheirPseudonymWithinAJamAndGetsAnotherInTheNext() {
        var other = fixtures.liveJam("Other " + System.nanoTime());
        String first = pseudonyms.of(jam.id(), author.id());
        assertThat(pseudonyms.of(jam.id(), author.id())).isEqualTo(first);
        assertThat(pseudonyms.of(jam.id(), reader.id())).isNotEqualTo(first);
        assertThat(pseudonyms.of(other.id(), author.id())).isNotEqualTo(first).matches(PSEUDONYM);
        assertThat(jdbc.sql("select count(*) from jam_pseudonym where holder = ?").param(String.valueOf(author.id()))
                .query(Long.class).single()).as("the table names no account").isZero();
    }

    @Test
    void anAnonymousReplyShowsNoAuthorEvenAsTheOneItBuildsOn() throws Exception {
        var idea = fixtures.idea(anonymous, author, "Night shifts", "Rotate night shifts fairly.");
        var reply = fixtures.reply(idea, reader, "Agreed.");

        String page = fetch("/threads/" + idea.id(), reader);
        assertThat(page).contains("Anonymous").doesNotContain("Zephyrine");
        assertThat(fetch("/api/v1/posts/" + reply.id(), author)).contains("\"parentAuthorName\":\"Anonymous\"")
                .doesNotContain("Rita Reader");
    }

    @Test
    void aNamedForumOfAPseudonymousJamStillNamesItsAuthors() throws Exception {
        var idea = fixtures.idea(named, author, "Open books", "Publish the budget to everyone.");

        assertThat(fetch("/api/v1/posts/" + idea.id(), reader)).contains("Zephyrine Quillfeather")
                .contains("\"authorId\":" + author.id());
    }

    private String fetch(String path, Person person) throws Exception {
        var request = get(path).with(fixtures.bearer(person));
        if (path.startsWith("/api/")) {
            request = request.with(Fixtures.servletPath());
        }
        return mvc.perform(request).andReturn().getResponse().getContentAsString();
    }
}
