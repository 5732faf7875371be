package org.incrowd.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.incrowd.discussion.Post;
import org.incrowd.discussion.ReactionCounts;
import org.incrowd.discussion.ReactionKind;
import org.incrowd.identity.Actor;
import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Jam;
import org.incrowd.shared.Refusal;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;

/** Duplicates are joined only with both authors' consent, count each person once, and can be undone exactly. */
@IncrowdTest
class IdeaJoinsIntegrationTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    IdeaJoins joins;
    @Autowired
    ReviewLedger ledger;

    Fixtures fixtures;
    Jam jam;
    Forum forum;
    Person ada;
    Person ben;
    Actor facilitator;
    Post duplicate;
    Post survivor;

    @BeforeEach
    void twoIdeasWithReactions() {
        fixtures = Fixtures.of(context);
        jam = fixtures.liveJam("Joins");
        forum = fixtures.forum(jam, "Ideas");
        ada = member("Ada Author");
        ben = member("Ben Author");
        var staff = member("Fay Facilitator");
        fixtures.facilitator(forum, staff);
        facilitator = fixtures.actor(staff);
        duplicate = fixtures.idea(forum, ada, "Night buses", "Buses after the late shift.");
        survivor = fixtures.idea(forum, ben, "Late buses", "A bus when the night shift ends.");
    }

    @Test
    void onePersonsAgreesOnBothIdeasCountOnceAfterTheMergeAndTheOthersMove() {
        react(member("Both"), ReactionKind.AGREE, ReactionKind.AGREE);
        react(member("Only the duplicate"), ReactionKind.AGREE, null);
        react(member("Changed sides"), ReactionKind.DISAGREE, ReactionKind.AGREE);
        react(member("Only the survivor"), null, ReactionKind.PASS);
        var join = joins.propose(facilitator, jam.id(), JoinKind.MERGE, duplicate.id(), survivor.id(),
                "The same bus, asked for twice.");

        var half = joins.consent(fixtures.actor(ada), join.id(), true, null);
        assertThat(half.state()).isEqualTo(JoinState.PROPOSED);
        assertThat(counts(survivor)).isEqualTo(new ReactionCounts(2, 0, 1, 0));
        var done = joins.consent(fixtures.actor(ben), join.id(), true, "Fine by me");

        assertThat(done.state()).isEqualTo(JoinState.DONE);
        // Both: once. Only the duplicate: moved. Changed sides: the survivor's agree kept. Only the survivor: stays.
        assertThat(counts(survivor)).isEqualTo(new ReactionCounts(3, 0, 1, 0));
        assertThat(counts(duplicate)).isEqualTo(ReactionCounts.NONE);
        assertThatThrownBy(() -> fixtures.reacting().react(fixtures.actor(member("Late")), duplicate.id(),
                ReactionKind.AGREE))
                .isInstanceOfSatisfying(Refusal.class, refusal ->
                        assertThat(refusal.messageKey()).isEqualTo("joining.joinedIdea"));
        for (var idea : java.util.List.of(duplicate, survivor)) {
            assertThat(ledger.ofIdea(idea.id(), false)).extracting(LedgerEntry::action).containsExactly(
                    IdeaJoins.PROPOSED, IdeaJoins.ACCEPTED, IdeaJoins.ACCEPTED, IdeaJoins.MERGED);
        }
        assertThat(ledger.ofIdea(survivor.id(), false).get(2).reason()).isEqualTo("Fine by me");
    }

    @Test
    void undoRestoresBothIdeasExactlyAndKeepsWhatCameLater() {
        react(member("Both"), ReactionKind.AGREE, ReactionKind.AGREE);
        react(member("Only the duplicate"), ReactionKind.PASS, null);
        react(member("Changed sides"), ReactionKind.DISAGREE, ReactionKind.AGREE);
        var before = counts(duplicate);
        var survivorBefore = counts(survivor);
        var join = joins.propose(facilitator, jam.id(), JoinKind.MERGE, duplicate.id(), survivor.id(), "Same");
        joins.consent(fixtures.actor(ada), join.id(), true, null);
        joins.consent(fixtures.actor(ben), join.id(), true, null);
        react(member("After the merge"), null, ReactionKind.DISAGREE);

        assertThatThrownBy(() -> joins.undo(facilitator, join.id(), " "))
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.field()).isEqualTo("reason"));
        var undone = joins.undo(facilitator, join.id(), "They differ: one is about weekends.");

        assertThat(undone.state()).isEqualTo(JoinState.UNDONE);
        assertThat(counts(duplicate)).isEqualTo(before);
        assertThat(counts(survivor)).isEqualTo(new ReactionCounts(survivorBefore.agree(), 1, 0, 0));
        assertThat(ledger.ofIdea(duplicate.id(), false).getLast()).satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(IdeaJoins.UNDONE);
            assertThat(entry.reason()).isEqualTo("They differ: one is about weekends.");
        });
        fixtures.reacting().react(fixtures.actor(member("Again")), duplicate.id(), ReactionKind.AGREE);
    }

    @Test
    void aMergeBeforeBothAuthorsConsentedIsRefusedAndChangesNothing() {
        react(member("Only the duplicate"), ReactionKind.AGREE, null);
        var join = joins.propose(facilitator, jam.id(), JoinKind.MERGE, duplicate.id(), survivor.id(), "Same");
        joins.consent(fixtures.actor(ada), join.id(), true, null);

        assertThatThrownBy(() -> joins.carryOut(fixtures.actor(fixtures.organiser()), join.id()))
                .isInstanceOfSatisfying(Refusal.class, refusal -> {
                    assertThat(refusal.messageKey()).isEqualTo("joining.consentMissing");
                    assertThat(refusal.status()).isEqualTo(HttpStatus.CONFLICT);
                });
        assertThat(joins.require(facilitator, join.id()).state()).isEqualTo(JoinState.PROPOSED);
        assertThat(counts(duplicate).agree()).isEqualTo(1);
        assertThat(counts(survivor)).isEqualTo(ReactionCounts.NONE);
    }

    @Test
    void oneDeclineEndsTheProposal() {
        react(member("Only the duplicate"), ReactionKind.AGREE, null);
        var join = joins.propose(facilitator, jam.id(), JoinKind.MERGE, duplicate.id(), survivor.id(), "Same");

        var declined = joins.consent(fixtures.actor(ben), join.id(), false, "Mine is about weekends");

        assertThat(declined.state()).isEqualTo(JoinState.DECLINED);
        assertThatThrownBy(() -> joins.consent(fixtures.actor(ada), join.id(), true, null))
                .isInstanceOfSatisfying(Refusal.class, refusal ->
                        assertThat(refusal.messageKey()).isEqualTo("joining.notOpen"));
        assertThat(counts(duplicate).agree()).isEqualTo(1);
        assertThat(ledger.ofIdea(duplicate.id(), false)).extracting(LedgerEntry::action)
                .containsExactly(IdeaJoins.PROPOSED, IdeaJoins.DECLINED);
    }

    @Test
    void onlyStaffProposeAndOnlyTheAuthorsAnswer() {
        var participant = fixtures.actor(member("Pat Participant"));
        assertThatThrownBy(() -> joins.propose(participant, jam.id(), JoinKind.LINK, duplicate.id(), survivor.id(),
                "Same"))
                .isInstanceOfSatisfying(Refusal.class, refusal ->
                        assertThat(refusal.status()).isEqualTo(HttpStatus.FORBIDDEN));
        var join = joins.propose(facilitator, jam.id(), JoinKind.LINK, duplicate.id(), survivor.id(), "Related");
        assertThatThrownBy(() -> joins.consent(participant, join.id(), true, null))
                .isInstanceOfSatisfying(Refusal.class, refusal ->
                        assertThat(refusal.messageKey()).isEqualTo("joining.authorsOnly"));
        assertThatThrownBy(() -> joins.consent(facilitator, join.id(), true, null))
                .isInstanceOfSatisfying(Refusal.class, refusal ->
                        assertThat(refusal.status()).isEqualTo(HttpStatus.FORBIDDEN));
    }

    @Test
    void aProposalWithoutNoteOrWithAReplyOrTheSameIdeaIsRefused() {
        var reply = fixtures.reply(survivor, ben, "Also on Sundays");
        assertThatThrownBy(() -> joins.propose(facilitator, jam.id(), JoinKind.MERGE, duplicate.id(), survivor.id(),
                "   "))
                .isInstanceOfSatisfying(Refusal.class, refusal ->
                        assertThat(refusal.errors().keyFor("note")).isEqualTo("joining.noteRequired"));
        assertThatThrownBy(() -> joins.propose(facilitator, jam.id(), JoinKind.MERGE, duplicate.id(), reply.id(),
                "Same"))
                .isInstanceOfSatisfying(Refusal.class, refusal ->
                        assertThat(refusal.messageKey()).isEqualTo("joining.unknownIdea"));
        assertThatThrownBy(() -> joins.propose(facilitator, jam.id(), JoinKind.MERGE, duplicate.id(), duplicate.id(),
                "Same"))
                .isInstanceOfSatisfying(Refusal.class, refusal ->
                        assertThat(refusal.errors().keyFor("other")).isEqualTo("joining.sameIdea"));
        assertThat(ledger.ofIdea(duplicate.id(), true)).isEmpty();
    }

    @Test
    void whenOnePersonWroteBothIdeasOneConsentCarriesTheJoinOut() {
        var third = fixtures.idea(forum, ada, "Buses at night", "Again, buses.");
        var join = joins.propose(facilitator, jam.id(), JoinKind.LINK, duplicate.id(), third.id(), "Yours, twice");

        var done = joins.consent(fixtures.actor(ada), join.id(), true, null);

        assertThat(done.state()).isEqualTo(JoinState.DONE);
        assertThat(ledger.ofIdea(third.id(), false)).extracting(LedgerEntry::action)
                .containsExactly(IdeaJoins.PROPOSED, IdeaJoins.ACCEPTED, IdeaJoins.LINKED);
    }

    @Test
    void ideasAreNamedByNumberOrLink() {
        assertThat(IdeaJoins.ideaIdIn(" 42 ")).contains(42L);
        assertThat(IdeaJoins.ideaIdIn("https://jam.example.org/threads/42?page=1")).contains(42L);
        assertThat(IdeaJoins.ideaIdIn("/posts/42#post-42")).contains(42L);
        assertThat(IdeaJoins.ideaIdIn("buses")).isEmpty();
    }

    private Person member(String name) {
        var person = fixtures.person(name, Role.PARTICIPANT);
        fixtures.join(jam, person);
        return person;
    }

    private void react(Person person, ReactionKind onDuplicate, ReactionKind onSurvivor) {
        if (onDuplicate != null) {
            fixtures.reacting().react(fixtures.actor(person), duplicate.id(), onDuplicate);
        }
        if (onSurvivor != null) {
            fixtures.reacting().react(fixtures.actor(person), survivor.id(), onSurvivor);
        }
    }

    private ReactionCounts counts(Post idea) {
        return fixtures.reading().require(fixtures.actor(fixtures.organiser()), idea.id()).counts();
    }
}
