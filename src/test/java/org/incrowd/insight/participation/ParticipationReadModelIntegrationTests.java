package org.incrowd.insight.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.incrowd.discussion.ActivityBucket;
import org.incrowd.discussion.Post;
import org.incrowd.discussion.ReactionKind;
import org.incrowd.identity.ParticipantType;
import org.incrowd.identity.Person;
import org.incrowd.identity.ProfileChange;
import org.incrowd.identity.Role;
import org.incrowd.jam.Forum;
import org.incrowd.jam.IdentityMode;
import org.incrowd.jam.IdentityModes;
import org.incrowd.jam.Jam;
import org.incrowd.shared.Refusal;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The participation page reads figures that events keep current (ADR 52): after any mix of activity they are the
 * figures a fresh count of every row gives, they move as soon as someone posts, reacts or joins, and a change that
 * rolls back leaves them as they were.
 */
@IncrowdTest
class ParticipationReadModelIntegrationTests {

    private static final int MIN_GROUP = 5;

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    Participation participation;
    @Autowired
    ParticipationModel model;
    @Autowired
    IdentityModes identityModes;
    @Autowired
    TransactionTemplate transactions;

    Fixtures fixtures;
    FreshCount fresh;

    @BeforeEach
    void setUp() {
        fixtures = Fixtures.of(context);
        fresh = new FreshCount(fixtures.jams(), fixtures.identity(), fixtures.postFeed());
    }

    @Test
    void afterVariedActivityAJamOpenToATypeShowsTheFiguresOfAFreshCount() {
        var jam = fixtures.jam("Counted like before").audience(ParticipantType.EMPLOYEE).create();
        varied(jam, List.of());
        assertSameAsFreshCount(jam);
        // Built once from the rows, the figures are the same again: events and rows tell one story.
        model.rebuild(jam.id());
        assertSameAsFreshCount(jam);
    }

    @Test
    void anInvitationOnlyJamWithHiddenNamesShowsTheFiguresOfAFreshCountAndNoName() throws Exception {
        var invited = new ArrayList<Person>();
        for (int i = 0; i < 14; i++) {
            invited.add(person("Hidden Author " + i, i % 2 == 0 ? "Finance" : "Legal", i < 7 ? "NL" : "BE"));
        }
        var addresses = new ArrayList<String>(invited.stream().map(Person::email).toList());
        addresses.add(fixtures.email("not-signed-up-yet"));
        var jam = fixtures.jam("Hidden voices").invitationOnly(addresses.toArray(String[]::new)).create();
        var organiser = fixtures.organiser();
        identityModes.setForJam(fixtures.actor(organiser), jam.id(), IdentityMode.PSEUDONYMOUS, false);
        varied(jam, invited);
        assertSameAsFreshCount(jam);

        String page = mvc.perform(get("/jams/" + jam.id() + "/participation").with(Fixtures.browser())
                .session(fixtures.signIn(organiser))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Finance", "Legal").doesNotContain("Hidden Author");
    }

    @Test
    void theFiguresMoveAsSoonAsSomeoneJoinsPostsOrReacts() throws Exception {
        var jam = fixtures.liveJam("Moving figures");
        var forum = fixtures.forum(jam, "Ideas");
        var session = fixtures.signIn(fixtures.organiser());
        var author = fixtures.person("New Author", Role.PARTICIPANT);
        var reader = fixtures.person("New Reader", Role.PARTICIPANT);
        String before = page(session, jam);
        long joined = figure(before, "total-joined");

        fixtures.join(jam, author);
        assertThat(figure(page(session, jam), "total-joined")).isEqualTo(joined + 1);

        var idea = fixtures.idea(forum, author, "Shade in the yard", "Trees along the fence.");
        String afterPost = page(session, jam);
        assertThat(figure(afterPost, "total-active")).isEqualTo(figure(before, "total-active") + 1);
        assertThat(figure(afterPost, "total-posts")).isEqualTo(figure(before, "total-posts") + 1);

        fixtures.join(jam, reader);
        fixtures.reacting().react(fixtures.actor(reader), idea.id(), ReactionKind.AGREE);
        assertThat(figure(page(session, jam), "total-active")).isEqualTo(figure(before, "total-active") + 2);

        fixtures.reacting().withdrawReaction(fixtures.actor(reader), idea.id());
        assertThat(figure(page(session, jam), "total-active")).isEqualTo(figure(before, "total-active") + 1);
    }

    /**
     * Writers of one Jam run side by side (ADR 52, "Writers of one Jam side by side"): people posting and reacting at
     * once, two of them each from two browsers, two joining and posting in one transaction meanwhile, several first
     * to the same new group row, leave the figures of a fresh count, as one writer at a time would.
     */
    @Test
    void peoplePostingAndReactingAtOnceLeaveTheFiguresOfAFreshCount() throws Exception {
        var jam = fixtures.jam("All at once").audience(ParticipantType.EMPLOYEE).create();
        var forums = List.of(fixtures.forum(jam, "Mornings"), fixtures.forum(jam, "Evenings"));
        var people = new ArrayList<Person>();
        for (int i = 0; i < 10; i++) {
            people.add(person("Concurrent " + i, i % 2 == 0 ? "Depot" : "Office", i < 5 ? "IT" : "ES"));
        }
        people.subList(0, 8).forEach(p -> fixtures.join(jam, p));
        var ideas = List.of(fixtures.idea(forums.get(0), people.get(0), "Earlier buses", "The first shift."),
                fixtures.idea(forums.get(1), people.get(1), "Later canteen", "The last shift."));
        // Each task is one browser's work; people 0 and 1 work in two browsers at once.
        var tasks = new ArrayList<Callable<Void>>();
        for (int i = 0; i < 12; i++) {
            var person = people.get(i < 10 ? i : i - 10);
            var forum = forums.get(i % 2);
            int browser = i;
            tasks.add(() -> {
                if (browser >= 8 && browser < 10) {
                    // joining and posting in one transaction, as asking a first question in a help stream does
                    transactions.executeWithoutResult(status -> {
                        fixtures.join(jam, person);
                        fixtures.idea(forum, person, "At once " + browser, "Written while others write.");
                    });
                } else {
                    fixtures.idea(forum, person, "At once " + browser, "Written while others write.");
                }
                for (var idea : ideas) {
                    if (idea.authorId() != person.id()) {
                        var actor = fixtures.actor(person);
                        try {
                            fixtures.reacting().react(actor, idea.id(), browser % 3 == 0 ? ReactionKind.PASS
                                    : ReactionKind.AGREE);
                        } catch (Refusal sameReactionFromTheOtherBrowser) {
                            // the person's other browser cast this reaction first
                        }
                    }
                }
                fixtures.reply(ideas.get(browser % 2), person, "A reply from browser " + browser + ".");
                return null;
            });
        }
        try (var pool = Executors.newFixedThreadPool(tasks.size())) {
            for (var done : pool.invokeAll(tasks)) {
                done.get();
            }
        }
        assertSameAsFreshCount(jam);
    }

    @Test
    void aPostWhoseTransactionRollsBackLeavesTheFiguresAsTheyWere() {
        var jam = fixtures.liveJam("Rolled back");
        var forum = fixtures.forum(jam, "Ideas");
        var author = fixtures.person("Undone Author", Role.PARTICIPANT);
        fixtures.join(jam, author);
        var before = participation.of(fixtures.actor(fixtures.organiser()), jam.id(), null).figures();

        transactions.executeWithoutResult(status -> {
            fixtures.idea(forum, author, "Never saved", "The writer's transaction fails after this.");
            status.setRollbackOnly();
        });

        assertThat(participation.of(fixtures.actor(fixtures.organiser()), jam.id(), null).figures())
                .isEqualTo(before);
        assertSameAsFreshCount(jam);
    }

    /**
     * Two forums; people in three units who join, post, reply, react, change their minds and withdraw; a hidden
     * post, a member removed after reacting, someone moving to another unit, someone whose type leaves the audience, an organiser
     * taking part from outside it, and a thread moved to the other forum.
     */
    private void varied(Jam jam, List<Person> given) {
        var people = new ArrayList<Person>(given);
        for (int i = people.size(); i < 14; i++) {
            people.add(person("Varied " + i, i % 3 == 0 ? "Sales" : i % 3 == 1 ? "Plant" : "Lab", i < 7 ? "DE" : "FR"));
        }
        Forum first = fixtures.forum(jam, "First");
        Forum second = fixtures.forum(jam, "Second");
        people.subList(0, 11).forEach(p -> fixtures.join(jam, p));
        Post a = fixtures.idea(first, people.get(0), "Idea A", "In the first forum.");
        Post b = fixtures.idea(second, people.get(1), "Idea B", "In the second forum.");
        Post c = fixtures.idea(first, people.get(2), "Idea C", "To be moved.");
        fixtures.reply(a, people.get(3), "A reply to A.");
        fixtures.reply(b, people.get(0), "A reply to B.");
        fixtures.idea(second, people.get(0), "Idea D", "A second idea of the same author.");
        react(people.get(4), a, ReactionKind.AGREE);
        react(people.get(5), a, ReactionKind.DISAGREE);
        react(people.get(5), b, ReactionKind.AGREE);
        react(people.get(6), b, ReactionKind.PASS);
        react(people.get(6), b, ReactionKind.AGREE); // changed their mind
        react(people.get(7), c, ReactionKind.AGREE);
        fixtures.reacting().withdrawReaction(fixtures.actor(people.get(7)), c.id());

        var organiser = fixtures.organiser();
        fixtures.idea(first, organiser, "From the organiser", "Taking part from outside the audience.");
        fixtures.moderating().hide(fixtures.actor(organiser), b.id(), "Off topic");
        fixtures.jams().removeMember(fixtures.actor(organiser), jam.id(), people.get(4).email(), "Left the company");
        var mover = people.get(1);
        fixtures.identity().updateProfile(mover.asActor(), mover.id(), new ProfileChange(mover.displayName(), "FR",
                "Lab", "Chemist", mover.participantType(), "en"));
        var admin = fixtures.person("Type Admin", Role.ADMINISTRATOR);
        var leaver = people.get(9);
        fixtures.identity().updateProfile(fixtures.actor(admin), leaver.id(), new ProfileChange(leaver.displayName(),
                "DE", "Sales", "Analyst", ParticipantType.PARTNER, "en"));
        fixtures.moderating().moveThread(fixtures.actor(organiser), c.id(), second.id());
        react(people.get(10), c, ReactionKind.AGREE); // after the move, in the second forum
    }

    private void assertSameAsFreshCount(Jam jam) {
        var organiser = fixtures.actor(fixtures.organiser());
        var scopes = new ArrayList<Long>();
        scopes.add(null);
        fixtures.jams().forumsOf(jam.id()).forEach(forum -> scopes.add(forum.id()));
        for (Long forumId : scopes) {
            var page = participation.of(organiser, jam.id(), forumId);
            var counted = fresh.figures(jam, forumId, MIN_GROUP);
            assertThat(page.figures()).as("figures of forum %s", forumId).isEqualTo(counted);
            assertThat(page.invitedWithoutAccount()).isEqualTo(fresh.withoutAccount(jam, counted));
            long scope = forumId == null ? 0 : forumId;
            Map<Integer, List<ActivityBucket>> stored = new HashMap<>();
            for (int hours : FigureChanges.WIDTHS_HOURS) {
                stored.put(hours, model.timeline(jam.id(), scope, hours));
            }
            assertThat(stored).as("timeline of forum %s", forumId).isEqualTo(fresh.timeline(jam, forumId));
        }
    }

    private Person person(String name, String unit, String country) {
        var person = fixtures.person(name, ParticipantType.EMPLOYEE, Role.PARTICIPANT);
        return fixtures.identity().updateProfile(person.asActor(), person.id(), new ProfileChange(name, country, unit,
                "Engineer", ParticipantType.EMPLOYEE, "en"));
    }

    private void react(Person person, Post post, ReactionKind kind) {
        fixtures.reacting().react(fixtures.actor(person), post.id(), kind);
    }

    private String page(MockHttpSession session, Jam jam) throws Exception {
        return mvc.perform(get("/jams/" + jam.id() + "/participation").with(Fixtures.browser()).session(session))
                .andReturn().getResponse().getContentAsString();
    }

    private static long figure(String page, String id) {
        String start = "<dd id=\"" + id + "\">";
        int from = page.indexOf(start) + start.length();
        return Long.parseLong(page.substring(from, page.indexOf('<', from)).replace(",", "").strip());
    }
}
