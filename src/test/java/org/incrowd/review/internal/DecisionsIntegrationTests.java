package org.incrowd.review.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.List;
import org.incrowd.notify.internal.Follows;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.incrowd.support.MailCatcher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A reviewer decides on an idea from its thread page with a written reason; everyone who reads the idea sees what
 * happened and why; its author, those who built on it and its followers are told in the app and by mail.
 */
@IncrowdTest
class DecisionsIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    Follows follows;
    @Autowired
    JdbcTemplate jdbc;

    private MockHttpServletResponse page(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session).with(Fixtures.browser())).andReturn().getResponse();
    }

    private MockHttpServletResponse decide(MockHttpSession session, long ideaId, String stage, String reason)
            throws Exception {
        return mvc.perform(post("/ideas/" + ideaId + "/decision").session(session).with(csrf())
                .with(Fixtures.browser()).param("stage", stage).param("reason", reason)).andReturn().getResponse();
    }

    private List<Long> toldOf(long ideaId) {
        return jdbc.queryForList("select person_id from notification where kind = 'IDEA_DECIDED' and link = ?",
                Long.class, "/threads/" + ideaId);
    }

    @Test
    void theReasonShowsOnTheIdeaAndItsAuthorBuilderAndFollowerAreToldByMailButNotTheDecider() throws Exception {
        var fixtures = Fixtures.of(context);
        var organiser = fixtures.organiser();
        var jam = fixtures.liveJam("Decided Jam");
        var forum = fixtures.forum(jam, "Depots");
        var author = fixtures.person("Ada Author");
        var builder = fixtures.person("Ben Builder");
        var follower = fixtures.person("Fay Follower");
        var reader = fixtures.person("Rita Reader");
        for (var person : List.of(author, builder, follower, reader)) {
            fixtures.join(jam, person);
        }
        var idea = fixtures.idea(forum, author, "Night buses", "Run buses after the late shift.");
        fixtures.reply(idea, builder, "And a shelter at the depot.");
        follows.set(follower.id(), Follows.Target.THREAD, idea.id(), Follows.State.FOLLOW, Instant.now());
        var organiserSession = fixtures.signIn(organiser);
        assertThat(page(organiserSession, "/threads/" + idea.id()).getContentAsString())
                .contains("action=\"/ideas/" + idea.id() + "/decision\"");

        var done = decide(organiserSession, idea.id(), "selected",
                "It costs little <script>alert(1)</script> and helps the night shift.");

        assertThat(done.getRedirectedUrl()).isEqualTo("/threads/" + idea.id() + "#review-" + idea.id());
        var readerSession = fixtures.signIn(reader);
        assertThat(page(readerSession, "/forums/" + forum.id()).getContentAsString())
                .containsPattern("class=\"stage-badge stage-accepted\">.*Selected</span>");
        var seen = page(readerSession, "/threads/" + idea.id()).getContentAsString();
        assertThat(seen).contains("What happened").contains("Selected")
                .contains(organiser.displayName() + " moved it to “Selected”")
                .contains("It costs little &lt;script&gt;alert(1)&lt;/script&gt; and helps the night shift.")
                .doesNotContain("<script>alert(1)")
                .doesNotContain("action=\"/ideas/" + idea.id() + "/decision\"");
        assertThat(toldOf(idea.id())).containsExactlyInAnyOrder(author.id(), builder.id(), follower.id());
        for (var told : List.of(author, builder, follower)) {
            var mail = MailCatcher.awaitSubject(told.email(), "“Night buses” is now Selected");
            assertThat(MailCatcher.text(mail)).contains("It costs little <script>alert(1)</script> and helps");
            assertThat(MailCatcher.html(mail)).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                    .doesNotContain("<script>alert(1)");
        }
        assertThat(MailCatcher.messagesTo(organiser.email())).isEmpty();
        assertThat(page(fixtures.signIn(author), "/notifications").getContentAsString())
                .contains("“Night buses” is now Selected");
    }

    @Test
    void aDecisionWithoutReasonIsRefusedKeepingTheChosenStageAndWhatWasTyped() throws Exception {
        var fixtures = Fixtures.of(context);
        var jam = fixtures.liveJam("Refused Jam");
        var idea = fixtures.idea(fixtures.forum(jam, "Yard"), "Shade over the yard");
        var session = fixtures.signIn(fixtures.organiser());

        var blank = decide(session, idea.id(), "not-pursued", "   ");

        assertThat(blank.getStatus()).isEqualTo(422);
        assertThat(blank.getContentAsString())
                .contains("Write the reason for this decision")
                .contains("<option value=\"not-pursued\" selected>");
        var unknown = decide(session, idea.id(), "maybe-later", "Kept <b>words</b> of the reviewer");
        assertThat(unknown.getStatus()).isEqualTo(422);
        assertThat(unknown.getContentAsString()).contains("Choose one of the Jam's review stages")
                .contains("Kept &lt;b&gt;words&lt;/b&gt; of the reviewer</textarea>");
        assertThat(toldOf(idea.id())).isEmpty();
        assertThat(page(session, "/threads/" + idea.id()).getContentAsString())
                .contains("No decision yet");
    }

    @Test
    void participantsMayNotDecideNorSeeTheForm() throws Exception {
        var fixtures = Fixtures.of(context);
        var jam = fixtures.liveJam("Participants Jam");
        var author = fixtures.person("Pat Participant");
        fixtures.join(jam, author);
        var idea = fixtures.idea(fixtures.forum(jam, "Yard"), author, "Benches", "More benches.");
        var session = fixtures.signIn(author);

        assertThat(decide(session, idea.id(), "selected", "I like my idea").getStatus()).isEqualTo(403);
        assertThat(page(session, "/ideas/" + idea.id() + "/decision").getStatus()).isEqualTo(403);
        assertThat(page(session, "/threads/" + idea.id()).getContentAsString())
                .contains("No decision yet").doesNotContain("/decision\"");
        assertThat(toldOf(idea.id())).isEmpty();
    }
}
