package org.incrowd.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.incrowd.discussion.Adopting;
import org.incrowd.discussion.Post;
import org.incrowd.help.HelpQuestions;
import org.incrowd.identity.Person;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamKind;
import org.incrowd.recognition.algorithm.GiverCredit;
import org.incrowd.shared.Refusal;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.incrowd.support.SignedInRequests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/** Helping acts as people do them, the credit they earn, and what the givers page, badges and prizes show. */
@IncrowdTest
class RecognitionIntegrationTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    Recognition recognition;
    @Autowired
    Adopting adopting;
    @Autowired
    HelpQuestions questions;

    @Test
    void aRingThatOnlyMarksEachOtherGainsAtMostTheStatedShareOfWhatSpreadHelpEarns() {
        var fixtures = Fixtures.of(context);
        var jam = fixtures.liveJam("Ring or community");
        var forum = fixtures.forum(jam, "Tools");
        int k = 4;
        var ring = people(fixtures, jam, "Ring member", k);
        var ringPosts = ring.stream().map(person -> fixtures.idea(forum, person, "Ring tip", "A tip.")).toList();
        int acts = 0;
        for (var marker : ring) {
            for (var post : ringPosts) {
                if (post.authorId() != marker.id()) {
                    fixtures.reacting().markHelpful(fixtures.actor(marker), post.id());
                    acts++;
                }
            }
        }
        // The same number of acts, by as many givers, each mark from a different member of the community.
        var givers = people(fixtures, jam, "Community giver", k);
        var community = people(fixtures, jam, "Community member", acts);
        for (int act = 0; act < acts; act++) {
            var post = fixtures.idea(forum, givers.get(act % k), "Community tip " + act, "A tip for everyone.");
            fixtures.reacting().markHelpful(fixtures.actor(community.get(act)), post.id());
        }

        double ringCredit = ring.stream().mapToDouble(person -> helpful(jam, person)).sum();
        double spreadCredit = givers.stream().mapToDouble(person -> helpful(jam, person)).sum();

        assertThat(spreadCredit).isEqualTo(acts * CreditKind.HELPFUL.weight());
        assertThat(ringCredit).isPositive()
                .isLessThanOrEqualTo(GiverCredit.RING_SHARE_BOUND * spreadCredit + 1e-9);
    }

    @Test
    void markingOnesOwnPostEarnsNothingAndATakenBackMarkTakesItsCreditWithIt() {
        var fixtures = Fixtures.of(context);
        var jam = fixtures.liveJam("Own marks");
        var forum = fixtures.forum(jam, "Canteen");
        var author = people(fixtures, jam, "Author", 1).getFirst();
        var reader = people(fixtures, jam, "Reader", 1).getFirst();
        var post = fixtures.idea(forum, author, "Soup on Fridays", "Warm food helps.");

        var ownMark = fixtures.reacting().markHelpful(fixtures.actor(author), post.id());
        assertThat(helpful(jam, author)).isZero();
        assertThat(ownMark.markedHelpful()).as("the author's button shows their own mark").isTrue();

        var readersMark = fixtures.reacting().markHelpful(fixtures.actor(reader), post.id());
        assertThat(helpful(jam, author)).isEqualTo(CreditKind.HELPFUL.weight());
        assertThat(readersMark.markedHelpful()).isTrue();
        assertThat(readersMark.counts().helpful()).isEqualTo(2);

        var takenBack = fixtures.reacting().unmarkHelpful(fixtures.actor(reader), post.id());
        assertThat(helpful(jam, author)).isZero();
        assertThat(takenBack.markedHelpful()).as("the author's mark is not the reader's").isFalse();
        assertThat(takenBack.counts().helpful()).isEqualTo(1);
    }

    @Test
    void anAdoptedBuildOnCreditsItsBuilderUntilTheAdoptionIsUndone() {
        var fixtures = Fixtures.of(context);
        var jam = fixtures.liveJam("Adoptions");
        var forum = fixtures.forum(jam, "Depot");
        var author = people(fixtures, jam, "Idea author", 1).getFirst();
        var builder = people(fixtures, jam, "Builder", 1).getFirst();
        var idea = fixtures.idea(forum, author, "Lockers by the gate", "Drivers need somewhere dry.");
        var buildOn = fixtures.reply(idea, builder, "Put a charger in each locker.");

        adopting.adopt(fixtures.actor(author), buildOn.id());
        assertThat(recognition.credit(jam.id(), builder.id())).containsKey(CreditKind.BUILD_ON);

        adopting.undo(fixtures.actor(author), buildOn.id());
        assertThat(recognition.credit(jam.id(), builder.id()).getOrDefault(CreditKind.BUILD_ON, 0.0)).isZero();
    }

    @Test
    void aSolutionMarkCreditsTheAnswererWhoThenAppearsOnTheGiversPage() throws Exception {
        var fixtures = Fixtures.of(context);
        var stream = fixtures.jam("Ask the depot").campaign(JamKind.HELP_STREAM, null, null)
                .endsIn(Duration.ofDays(1)).create();
        var topic = fixtures.forum(stream, "Deliveries");
        var asker = people(fixtures, stream, "Carla Customer", 1).getFirst();
        var engineer = people(fixtures, stream, "Dana <b>Engineer</b>", 1).getFirst();
        var question = fixtures.idea(topic, asker, "Where is my parcel?", "It was due on Monday.");
        var answer = fixtures.reply(question, engineer, "At the depot; fetch it today.");

        questions.markSolution(fixtures.actor(asker), question.id(), answer.id());

        // The asker's question was their first post here: the answer also helped a newcomer, a second act between the
        // same two people, which counts half.
        assertThat(recognition.credit(stream.id(), engineer.id()))
                .containsEntry(CreditKind.SOLUTION, CreditKind.SOLUTION.weight())
                .containsEntry(CreditKind.NEWCOMER, CreditKind.NEWCOMER.weight() / 2);
        var page = new SignedInRequests(mvc, fixtures).page(asker, "/jams/" + stream.id() + "/givers");
        assertThat(page).contains("Dana &lt;b&gt;Engineer&lt;/b&gt;").doesNotContain("<b>Engineer</b>")
                .contains("Answers that solved a question").contains("Help for newcomers");
    }

    @Test
    void badgesFollowWeightedCreditAndShowBesideTheNameUntilSwitchedOff() throws Exception {
        var fixtures = Fixtures.of(context);
        var jam = fixtures.liveJam("Badges");
        var forum = fixtures.forum(jam, "Safety");
        var solver = people(fixtures, jam, "Sam Solver", 1).getFirst();
        var askers = people(fixtures, jam, "Asker", 2);
        var requests = new SignedInRequests(mvc, fixtures);
        // Each asker marks three replies helpful (and, as newcomers, helped): from the same person each counts less,
        // so six marks stay below the Helping hand badge.
        Post last = null;
        Post idea = null;
        for (var asker : askers) {
            idea = fixtures.idea(forum, asker, "Helmets", "Where are the helmets?");
            for (int i = 0; i < 3; i++) {
                last = fixtures.reply(idea, solver, "In locker " + i + ".");
                fixtures.reacting().markHelpful(fixtures.actor(asker), last.id());
            }
        }
        assertThat(helpful(jam, solver)).isLessThan(Badge.HELPING_HAND.threshold());
        var more = people(fixtures, jam, "Reader", 4);
        for (var reader : more) {
            fixtures.reacting().markHelpful(fixtures.actor(reader), last.id());
        }

        assertThat(helpful(jam, solver)).isGreaterThanOrEqualTo(Badge.HELPING_HAND.threshold());
        assertThat(requests.page(askers.getFirst(), "/threads/" + idea.id())).contains("Helping hand");
        assertThat(requests.page(solver, "/profile/recognition")).contains("Helping hand").contains(jam.title());
        assertThat(requests.page(solver, "/notifications")).contains("You earned the badge “Helping hand” in Badges.");

        var organiser = fixtures.organiser();
        var off = requests.send(organiser, post("/jams/" + jam.id() + "/givers/switches")
                .param("on", "SOLUTION", "BUILD_ON", "HELPFUL", "NEWCOMER", "TEAM", "FACILITATION", "PROXY",
                        "PRIZES"));
        assertThat(off.getStatus()).isEqualTo(302);

        assertThat(requests.page(askers.getFirst(), "/threads/" + idea.id())).doesNotContain("Helping hand");
        assertThat(requests.send(askers.getFirst(), get("/jams/" + jam.id() + "/givers")).getStatus())
                .isEqualTo(404);
        assertThat(requests.page(organiser, "/jams/" + jam.id() + "/givers"))
                .contains("This page is switched off");
    }

    @Test
    void aCreditKindSwitchedOffEarnsNothingAndSwitchedOnAgainItsActsCountOnceMore() {
        var fixtures = Fixtures.of(context);
        var jam = fixtures.liveJam("Switch back");
        var forum = fixtures.forum(jam, "Parking");
        var author = people(fixtures, jam, "Author", 1).getFirst();
        var reader = people(fixtures, jam, "Reader", 1).getFirst();
        var post = fixtures.idea(forum, author, "Bike racks", "More of them.");
        fixtures.reacting().markHelpful(fixtures.actor(reader), post.id());
        var organiser = fixtures.actor(fixtures.organiser());
        var allButHelpful = java.util.EnumSet.allOf(RecognitionSwitch.class);
        allButHelpful.remove(RecognitionSwitch.HELPFUL);

        recognition.switchOn(organiser, jam.id(), allButHelpful);
        assertThat(helpful(jam, author)).isZero();

        recognition.switchOn(organiser, jam.id(), java.util.EnumSet.allOf(RecognitionSwitch.class));
        assertThat(helpful(jam, author)).isEqualTo(CreditKind.HELPFUL.weight());
        assertThatThrownBy(() -> recognition.switchOn(fixtures.actor(reader), jam.id(), java.util.Set.of()))
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.messageKey())
                        .isEqualTo("recognition.organisersOnly"));
    }

    @Test
    void organisersOfAChallengeAwardItsPrizeWithAReasonAndTheWinnerIsTold() throws Exception {
        var fixtures = Fixtures.of(context);
        var challenge = fixtures.jam("Fuel challenge").campaign(JamKind.CHALLENGE, "A day off", null)
                .endsIn(Duration.ofDays(5)).create();
        var forum = fixtures.forum(challenge, "Ideas");
        var author = people(fixtures, challenge, "Maria <script>Night</script>", 1).getFirst();
        var idea = fixtures.idea(forum, author, "Idle engines off", "Saves fuel at the depot.");
        var organiser = fixtures.organiser();
        var requests = new SignedInRequests(mvc, fixtures);

        var refused = requests.send(organiser, post("/jams/" + challenge.id() + "/givers/prizes")
                .param("idea", String.valueOf(idea.id())).param("reason", "<i>short"));
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString()).contains("at least 10 characters")
                .contains("value=\"" + idea.id() + "\"").contains("&lt;i&gt;short").doesNotContain("<i>short");

        var member = requests.send(author, post("/jams/" + challenge.id() + "/givers/prizes")
                .param("idea", String.valueOf(idea.id())).param("reason", "I award it to myself, clearly."));
        assertThat(member.getStatus()).isEqualTo(403);

        var awarded = requests.send(organiser, post("/jams/" + challenge.id() + "/givers/prizes")
                .param("idea", String.valueOf(idea.id())).param("reason", "Saved <b>4%</b> fuel in one week."));
        assertThat(awarded.getStatus()).isEqualTo(302);

        var page = requests.page(author, "/jams/" + challenge.id() + "/givers");
        assertThat(page).contains("Maria &lt;script&gt;Night&lt;/script&gt;").contains("Saved &lt;b&gt;4%&lt;/b&gt;")
                .doesNotContain("<script>Night");
        assertThat(requests.page(author, "/jams/" + challenge.id())).contains("won A day off");
        assertThat(requests.page(author, "/notifications")).contains("You won the prize of");

        var ordinary = fixtures.liveJam("No prizes here");
        var notChallenge = requests.send(organiser, post("/jams/" + ordinary.id() + "/givers/prizes")
                .param("email", author.email()).param("reason", "A very good reason indeed."));
        assertThat(notChallenge.getStatus()).isEqualTo(409);
    }

    @Test
    void theRulesPageStatesTheBoundInPlainWords() throws Exception {
        var fixtures = Fixtures.of(context);
        var jam = fixtures.liveJam("Rules");
        var reader = people(fixtures, jam, "Reader", 1).getFirst();

        var page = new SignedInRequests(mvc, fixtures).page(reader, "/jams/" + jam.id() + "/givers/rules");

        assertThat(page).contains("at most " + Math.round(GiverCredit.RING_SHARE_BOUND * 100) + "%")
                .contains("Helping yourself earns nothing").contains("Solver");
    }

    private double helpful(Jam jam, Person person) {
        return recognition.credit(jam.id(), person.id()).getOrDefault(CreditKind.HELPFUL, 0.0);
    }

    private static List<Person> people(Fixtures fixtures, Jam jam, String name, int count) {
        var people = new ArrayList<Person>();
        for (int i = 0; i < count; i++) {
            var person = fixtures.person(count == 1 ? name : name + " " + i);
            fixtures.join(jam, person);
            people.add(person);
        }
        return people;
    }
}
