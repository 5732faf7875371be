package org.incrowd.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.incrowd.identity.Role;
import org.incrowd.shared.Refusal;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Decisions move ideas through the stages with a reason the authors read, or change nothing. */
@IncrowdTest
class ReviewingIntegrationTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    Reviewing reviewing;
    @Autowired
    ReviewLedger ledger;

    @Test
    void aDecisionWithItsReasonIsWhatHappenedToTheIdea() {
        var fixtures = Fixtures.of(context);
        var organiser = fixtures.organiser();
        var jam = fixtures.liveJam("Review");
        var forum = fixtures.forum(jam, "Ideas");
        var author = fixtures.person("Ada Author");
        fixtures.join(jam, author);
        var idea = fixtures.idea(forum, author, "Night buses", "Run buses after the late shift.");
        var other = fixtures.idea(forum, author, "Lockers", "Lockers for drivers.");

        var decision = reviewing.decide(fixtures.actor(organiser), jam.id(), List.of(idea.id(), other.id()),
                "selected", "  It costs little and helps the night shift.  ");

        assertThat(decision.ideas()).isEqualTo(2);
        assertThat(decision.stage().outcome()).isEqualTo(StageOutcome.ACCEPTED);
        var timeline = ledger.ofIdea(idea.id(), false);
        assertThat(timeline).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(Reviewing.DECIDED);
            assertThat(entry.stageKey()).isEqualTo("selected");
            assertThat(entry.detail()).isEqualTo("new");
            assertThat(entry.reason()).isEqualTo("It costs little and helps the night shift.");
            assertThat(entry.actorName()).isEqualTo(organiser.displayName());
        });
    }

    @Test
    void aDecisionWithoutReasonOrOnAnotherJamsIdeaChangesNothing() {
        var fixtures = Fixtures.of(context);
        var organiser = fixtures.actor(fixtures.organiser());
        var jam = fixtures.liveJam("Review");
        var elsewhere = fixtures.liveJam("Elsewhere");
        var idea = fixtures.idea(fixtures.forum(jam, "Ideas"), "Shade over the yard");
        var foreign = fixtures.idea(fixtures.forum(elsewhere, "Ideas"), "Water fountains");

        assertThatThrownBy(() -> reviewing.decide(organiser, jam.id(), List.of(idea.id()), "selected", "  "))
                .isInstanceOfSatisfying(Refusal.class, refusal ->
                        assertThat(refusal.errors().keyFor("reason")).isEqualTo("review.reasonRequired"));
        assertThatThrownBy(() -> reviewing.decide(organiser, jam.id(), List.of(idea.id(), foreign.id()), "selected",
                "Good"))
                .isInstanceOfSatisfying(Refusal.class, refusal ->
                        assertThat(refusal.field()).isEqualTo("ideas"));
        assertThat(ledger.ofIdea(idea.id(), true)).isEmpty();
    }

    @Test
    void participantsMayNotDecide() {
        var fixtures = Fixtures.of(context);
        var jam = fixtures.liveJam("Review");
        var idea = fixtures.idea(fixtures.forum(jam, "Ideas"), "Shade over the yard");
        var participant = fixtures.actor(fixtures.person("Pat", Role.PARTICIPANT));

        assertThatThrownBy(() -> reviewing.decide(participant, jam.id(), List.of(idea.id()), "selected", "Mine"))
                .isInstanceOfSatisfying(Refusal.class, refusal ->
                        assertThat(refusal.messageKey()).isEqualTo("review.reviewersOnly"));
    }
}
