package org.incrowd.insight.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import org.incrowd.discussion.Post;
import org.incrowd.discussion.ReactionKind;
import org.incrowd.identity.ParticipantType;
import org.incrowd.identity.Person;
import org.incrowd.identity.ProfileChange;
import org.incrowd.identity.Role;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Jam;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An invitation-only Jam that invites four units in two countries and one address without an account:
 * <ul>
 *   <li>Sales (DE, analysts): 6 people, all joined; 2 post an idea, 2 only react, 2 stay silent;</li>
 *   <li>Plant Ops (FR, engineers): 6 people, 3 joined, nobody active;</li>
 *   <li>a unit whose name is a spreadsheet formula with markup in it (FR, engineers): 5 people, 1 posts;</li>
 *   <li>Tiny (DE, analysts): 2 people, 1 reacts: too small to be shown.</li>
 * </ul>
 * A facilitator of the Jam's forum and its organiser take no part in the counts but may see the page.
 */
@IncrowdTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParticipationIntegrationTests {

    static final String SCRIPTED_UNIT = "=SUM(1,2) <script>alert(\"unit\")</script>";

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;

    Fixtures fixtures;
    Jam jam;
    Forum forum;
    Forum otherForum;
    Person facilitator;
    Person member;

    @BeforeAll
    void fourUnits() {
        fixtures = Fixtures.of(context);
        var sales = people(6, "Sales", "DE", "Analyst");
        var plant = people(6, "Plant Ops", "FR", "Engineer");
        var scripted = people(5, SCRIPTED_UNIT, "FR", "Engineer");
        var tiny = people(2, "Tiny", "DE", "Analyst");
        var invited = new ArrayList<String>();
        for (var group : List.of(sales, plant, scripted, tiny)) {
            group.forEach(p -> invited.add(p.email()));
        }
        invited.add(fixtures.email("no-account-yet"));
        jam = fixtures.jam("Quiet voices").invitationOnly(invited.toArray(String[]::new)).create();
        forum = fixtures.forum(jam, "Shifts");
        otherForum = fixtures.forum(jam, "Canteen");
        facilitator = fixtures.person("Fay Facilitator", Role.PARTICIPANT);
        fixtures.facilitator(forum, facilitator);

        sales.forEach(p -> fixtures.join(jam, p));
        plant.subList(0, 3).forEach(p -> fixtures.join(jam, p));
        scripted.forEach(p -> fixtures.join(jam, p));
        tiny.forEach(p -> fixtures.join(jam, p));
        member = sales.get(5);

        Post first = fixtures.idea(forum, sales.get(0), "Shorter shifts", "Eight hours at most.");
        fixtures.idea(otherForum, sales.get(1), "Soup every day", "Warm food helps.");
        fixtures.idea(forum, scripted.get(0), "Rota online", "Publish it a month ahead.");
        react(sales.get(2), first, ReactionKind.AGREE);
        react(sales.get(3), first, ReactionKind.PASS);
        react(tiny.get(0), first, ReactionKind.DISAGREE);
    }

    List<Person> people(int count, String unit, String country, String jobRole) {
        var people = new ArrayList<Person>();
        for (int i = 0; i < count; i++) {
            var person = fixtures.person(jobRole + " " + i, Role.PARTICIPANT);
            people.add(fixtures.identity().updateProfile(person.asActor(), person.id(), new ProfileChange(
                    person.displayName(), country, unit, jobRole, person.participantType(), "en")));
        }
        return people;
    }

    void react(Person person, Post post, ReactionKind kind) {
        fixtures.reacting().react(fixtures.actor(person), post.id(), kind);
    }

    MockHttpServletResponse call(Person person, String path) throws Exception {
        return mvc.perform(get(path).with(Fixtures.browser()).session(fixtures.signIn(person)))
                .andReturn().getResponse();
    }

    String csv(String table) throws Exception {
        var response = call(fixtures.organiser(), "/jams/" + jam.id() + "/participation.csv?table=" + table);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("text/csv");
        return response.getContentAsString();
    }

    @Test
    void theCsvOfUnitsCountsInvitedJoinedActiveAndPostsPerUnit() throws Exception {
        assertThat(csv("units").split("\r\n")).containsExactly(
                "Group,People,Invited,Joined,Active,Posts,Share active (%)",
                "Plant Ops,6,6,3,0,0,0.0",
                "Sales,6,6,6,4,2,66.7",
                "\"'=SUM(1,2) <script>alert(\"\"unit\"\")</script>\",5,5,5,1,1,20.0");
    }

    @Test
    void theCsvOfCountriesCountsBothCountries() throws Exception {
        assertThat(csv("countries").split("\r\n")).containsExactly(
                "Group,People,Invited,Joined,Active,Posts,Share active (%)",
                "FR,11,11,8,1,1,9.1",
                "DE,8,8,8,5,2,62.5");
    }

    @Test
    void theQuietListNamesTheSilentUnitFirst() throws Exception {
        var quiet = csv("quiet").split("\r\n");
        assertThat(quiet[0]).isEqualTo("Grouped by,Group,Invited,Active invited,Share active (%)");
        assertThat(quiet[1]).isEqualTo("Organisational unit,Plant Ops,6,0,0.0");
        assertThat(quiet).contains("Country,FR,11,1,9.1", "Job role,Engineer,11,1,9.1")
                .noneMatch(line -> line.contains("Sales") || line.contains("DE,"));

        String page = call(facilitator, "/jams/" + jam.id() + "/participation").getContentAsString();
        String quietTable = page.substring(page.indexOf("id=\"table-quiet\""));
        assertThat(quietTable.indexOf("Plant Ops")).isLessThan(quietTable.indexOf("Engineer"));
    }

    @Test
    void groupsSmallerThanFivePeopleAreLeftOutAndSaidToBe() throws Exception {
        assertThat(csv("units")).doesNotContain("Tiny");
        var page = call(fixtures.organiser(), "/jams/" + jam.id() + "/participation").getContentAsString();
        assertThat(page).doesNotContain("Tiny")
                .contains("One group with fewer than 5 people is not shown.")
                .contains("Groups with fewer than 5 people are left out");
    }

    @Test
    void thePageShowsTheTotalsAndTheDefinitionOfInvited() throws Exception {
        var response = call(fixtures.organiser(), "/jams/" + jam.id() + "/participation");
        assertThat(response.getStatus()).isEqualTo(200);
        String page = response.getContentAsString();
        assertThat(page).contains("<dd id=\"total-invited\">20</dd>", "<dd id=\"total-joined\">16</dd>",
                        "<dd id=\"total-active\">6</dd>", "<dd id=\"total-posts\">3</dd>")
                .contains("One invited address has no account yet.")
                .contains("The addresses this invitation-only Jam invites.");
    }

    @Test
    void aForumShowsOnlyTheActivityInIt() throws Exception {
        var response = call(fixtures.organiser(),
                "/jams/" + jam.id() + "/participation.csv?table=units&forum=" + otherForum.id());
        assertThat(response.getContentAsString().split("\r\n")).contains("Sales,6,6,6,1,1,16.7",
                "Plant Ops,6,6,3,0,0,0.0");
    }

    @Test
    void markupInAGroupNameIsShownAsText() throws Exception {
        String page = call(fixtures.organiser(), "/jams/" + jam.id() + "/participation").getContentAsString();
        assertThat(page).doesNotContain("<script>alert(\"unit\")</script>")
                .contains("=SUM(1,2) &lt;script&gt;alert(");
    }

    @Test
    void aFacilitatorSeesTheFiguresAndTheLinkOnTheJamHome() throws Exception {
        assertThat(call(facilitator, "/jams/" + jam.id() + "/participation").getStatus()).isEqualTo(200);
        assertThat(call(facilitator, "/jams/" + jam.id()).getContentAsString())
                .contains("/jams/" + jam.id() + "/participation");
    }

    @Test
    void aParticipantGets403AndNoLinkOnTheJamHome() throws Exception {
        var response = call(member, "/jams/" + jam.id() + "/participation");
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentAsString()).doesNotContain("Plant Ops");
        assertThat(call(member, "/jams/" + jam.id() + "/participation.csv?table=units").getStatus()).isEqualTo(403);
        assertThat(call(member, "/jams/" + jam.id()).getContentAsString())
                .doesNotContain("/jams/" + jam.id() + "/participation");
    }

    @Test
    void withoutInvitationsEveryoneOfAnAdmittedTypeIsInvited() throws Exception {
        String unit = "Physics " + fixtures.email("unit");
        var academics = new ArrayList<Person>();
        for (int i = 0; i < 5; i++) {
            var person = fixtures.person("Academic " + i, ParticipantType.ACADEMIC, Role.PARTICIPANT);
            academics.add(fixtures.identity().updateProfile(person.asActor(), person.id(), new ProfileChange(
                    person.displayName(), "CH", unit, "Professor", ParticipantType.ACADEMIC, "en")));
        }
        var open = fixtures.jam("Open to academics").audience(ParticipantType.ACADEMIC).create();
        fixtures.join(open, academics.get(0));
        fixtures.idea(fixtures.forum(open, "Research"), academics.get(0), "Open data", "Share it.");

        var response = call(fixtures.organiser(), "/jams/" + open.id() + "/participation.csv?table=units");
        assertThat(response.getContentAsString().split("\r\n")).contains(unit + ",5,5,1,1,1,20.0");
        assertThat(call(fixtures.organiser(), "/jams/" + open.id() + "/participation").getContentAsString())
                .contains("Everyone with an account whose participant type this Jam admits.");
    }

    @Test
    void anUnknownTableIsABadRequestThatNamesTheTablesThereAre() throws Exception {
        var response = call(fixtures.organiser(), "/jams/" + jam.id() + "/participation.csv?table=people");
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("There is no table called")
                .contains("countries, units, roles, types, timeline, quiet");
    }

    @Test
    void theTimelineCountsActivePeopleAndPosts() throws Exception {
        var rows = csv("timeline").split("\r\n");
        assertThat(rows[0]).isEqualTo("From,Active people,Posts");
        long people = 0;
        long posts = 0;
        for (int i = 1; i < rows.length; i++) {
            var fields = rows[i].split(",");
            people += Long.parseLong(fields[1]);
            posts += Long.parseLong(fields[2]);
        }
        // Everything happened within seconds, so one bucket holds the 6 active people and 3 posts.
        assertThat(people).isEqualTo(6);
        assertThat(posts).isEqualTo(3);
    }
}
