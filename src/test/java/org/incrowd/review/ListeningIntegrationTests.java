package org.incrowd.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.incrowd.discussion.Post;
import org.incrowd.identity.ParticipantType;
import org.incrowd.identity.Person;
import org.incrowd.identity.ProfileChange;
import org.incrowd.identity.Role;
import org.incrowd.jam.Forum;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Listening figures on a small Jam worked out by hand: two forums (one with a host), employees and clients, two units
 * and people without one; three of five ideas answered after 2, 4 and 10 hours, two of them decided.
 */
@IncrowdTest
class ListeningIntegrationTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    Listening listening;
    @Autowired
    Reviewing reviewing;
    @Autowired
    JdbcTemplate jdbc;

    private static final Instant POSTED = Instant.parse("2026-03-02T08:00:00Z");

    private Post idea(Fixtures fixtures, Forum forum, ParticipantType type, String unit, String title) {
        var author = fixtures.person("Author of " + title, type, Role.PARTICIPANT);
        fixtures.identity().updateProfile(fixtures.actor(author), author.id(), new ProfileChange(author.displayName(),
                author.country(), unit, author.jobRole(), author.participantType(), author.language()));
        fixtures.join(fixtures.jams().findAll(List.of(forum.jamId())).get(forum.jamId()), author);
        return fixtures.idea(forum, author, title, title + ", please.");
    }

    private void answeredAfter(Post idea, int hours) {
        jdbc.update("update idea_review set posted_at = ?, first_answer_at = ? where idea_id = ?",
                java.sql.Timestamp.from(POSTED), java.sql.Timestamp.from(POSTED.plus(hours, ChronoUnit.HOURS)),
                idea.id());
    }

    @Test
    void figuresPerForumHostUnitAndTypeMatchTheHandCount() throws Exception {
        var fixtures = Fixtures.of(context);
        var organiser = fixtures.organiser();
        var jam = fixtures.liveJam("Listening");
        var depots = fixtures.forum(jam, "Depots");
        var offices = fixtures.forum(jam, "Offices");
        var hana = fixtures.person("Hana Host", Role.PARTICIPANT);
        fixtures.host(depots, hana);
        var a1 = idea(fixtures, depots, ParticipantType.EMPLOYEE, "Depot", "Night buses");
        var a2 = idea(fixtures, depots, ParticipantType.EMPLOYEE, "Depot", "Lockers");
        var a3 = idea(fixtures, depots, ParticipantType.CLIENT, null, "Timetables");
        var b1 = idea(fixtures, offices, ParticipantType.CLIENT, null, "Wider seats");
        idea(fixtures, offices, ParticipantType.EMPLOYEE, "Office", "Standing desks");
        var organiserActor = fixtures.actor(organiser);
        reviewing.decide(organiserActor, jam.id(), List.of(a1.id()), "selected", "Cheap and wanted");
        reviewing.decide(organiserActor, jam.id(), List.of(a2.id()), "under-review", "Looking at costs");
        reviewing.decide(organiserActor, jam.id(), List.of(b1.id()), "not-pursued", "Seats are fixed by law");
        answeredAfter(a1, 2);
        answeredAfter(a2, 4);
        answeredAfter(b1, 10);
        jdbc.update("update idea_review set posted_at = ? where idea_id = ?", java.sql.Timestamp.from(POSTED), a3.id());

        var figures = listening.of(organiserActor, jam.id());

        assertThat(figures.jam()).isEqualTo(new Listening.Row(Long.toString(jam.id()), 5, 3, 2, Duration.ofHours(4)));
        assertThat(figures.forums()).containsExactlyInAnyOrder(
                new Listening.Row("Depots", 3, 2, 1, Duration.ofHours(3)),
                new Listening.Row("Offices", 2, 1, 1, Duration.ofHours(10)));
        assertThat(figures.hosts()).containsExactly(new Listening.Row("Hana Host", 3, 2, 1, Duration.ofHours(3)));
        assertThat(figures.units()).containsExactlyInAnyOrder(
                new Listening.Row("Depot", 2, 2, 1, Duration.ofHours(3)),
                new Listening.Row("Office", 1, 0, 0, null),
                new Listening.Row(null, 2, 1, 1, Duration.ofHours(10)));
        assertThat(figures.types()).containsExactlyInAnyOrder(
                new Listening.Row("EMPLOYEE", 3, 2, 1, Duration.ofHours(3)),
                new Listening.Row("CLIENT", 2, 1, 1, Duration.ofHours(10)));
        assertThat(figures.forums().getFirst().acknowledgedPercent()).isIn(67, 50);

        var page = mvc.perform(get("/jams/" + jam.id() + "/review/listening").accept("text/html")
                .with(fixtures.bearer(organiser))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("5 ideas: 60 % acknowledged, 40 % decided").contains("Hana Host")
                .contains("67 % (2)").contains("Client");
    }

    @Test
    void participantsSeeTheFiguresOnlyOnceTheOrganisersMakeThemPublic() throws Exception {
        var fixtures = Fixtures.of(context);
        var organiser = fixtures.organiser();
        var jam = fixtures.liveJam("Listening in public");
        var member = fixtures.person("Curious member", Role.PARTICIPANT);
        fixtures.join(jam, member);
        String path = "/jams/" + jam.id() + "/review/listening";
        String api = "/api/v1/jams/" + jam.id() + "/listening";

        assertThat(mvc.perform(get(path).accept("text/html").with(fixtures.bearer(member))).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get(api).with(fixtures.bearer(member))).andReturn().getResponse().getStatus())
                .isEqualTo(403);

        mvc.perform(post(path).with(csrf()).param("shared", "true").with(fixtures.bearer(organiser)));

        assertThat(mvc.perform(get(path).accept("text/html").with(fixtures.bearer(member))).andReturn()
                .getResponse().getContentAsString()).contains("No ideas yet: 0 % acknowledged, 0 % decided")
                .doesNotContain("Show them to organisers only");
        assertThat(mvc.perform(get(path).accept("text/html").with(fixtures.bearer(organiser))).andReturn()
                .getResponse().getContentAsString()).contains("Everyone who can read the Jam sees these figures.")
                .contains("Show them to organisers only");
        assertThat(mvc.perform(get(api).with(fixtures.bearer(member))).andReturn().getResponse()
                .getContentAsString()).contains("\"shared\":true");
    }
}
