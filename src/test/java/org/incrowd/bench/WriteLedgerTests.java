package org.incrowd.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WriteLedgerTests {

    private final WriteLedger ledger = new WriteLedger();

    private WriteLedger.Post acknowledged(long id) {
        long nonce = ledger.nextNonce();
        var post = new WriteLedger.Post(nonce, id, 1, id, 0, 0, 1);
        ledger.acknowledged(post);
        return post;
    }

    @Test
    void theNonceLeadsTheBodySoThatTheCheckFindsItAgain() {
        assertThat(WriteLedger.nonceOf(WriteLedger.body(42, "An idea."))).isEqualTo(42);
        assertThat(WriteLedger.nonceOf("A demo post mentioning jam-replay-7")).isEqualTo(-1);
    }

    @Test
    void everyAcknowledgedPostFoundUnderItsIdIsNeitherLostNorDuplicated() {
        var a = acknowledged(10);
        var b = acknowledged(11);

        var verdict = ledger.check(Map.of(a.nonce(), List.of(10L), b.nonce(), List.of(11L)), Map.of());

        assertThat(verdict.postsAcknowledged()).isEqualTo(2);
        assertThat(verdict.postsLost()).isZero();
        assertThat(verdict.postsStoredTwice()).isZero();
    }

    @Test
    void anAcknowledgedPostMissingOrStoredUnderAnotherIdIsLost() {
        var missing = acknowledged(10);
        var elsewhere = acknowledged(11);

        var verdict = ledger.check(Map.of(elsewhere.nonce(), List.of(12L)), Map.of());

        assertThat(verdict.postsLost()).isEqualTo(2);
        assertThat(verdict.examples()).anyMatch(text -> text.contains("nonce " + missing.nonce()));
    }

    @Test
    void aRetriedPostStoredTwiceIsCountedAndSoIsAStoredPostNoOneWasToldAbout() {
        var retried = acknowledged(21); // the first attempt (id 20) was stored, its answer lost
        long neverAnswered = ledger.nextNonce();

        var verdict = ledger.check(Map.of(retried.nonce(), List.of(20L, 21L), neverAnswered, List.of(30L)), Map.of());

        assertThat(verdict.postsLost()).isZero();
        assertThat(verdict.postsStoredTwice()).isEqualTo(1);
        assertThat(verdict.postsStoredTwiceAcknowledged()).isEqualTo(1);
        assertThat(verdict.postsStoredWithoutAcknowledgement()).isEqualTo(1);
    }

    @Test
    void anAcknowledgedReactionIsLostWhenItsRowIsMissingOrHoldsAnotherKind() {
        ledger.reactionAcknowledged(10, 3, "AGREE");
        ledger.reactionAcknowledged(10, 4, "AGREE");
        ledger.reactionAcknowledged(11, 3, "DISAGREE");

        var verdict = ledger.check(Map.of(), Map.of(WriteLedger.key(10, 3), "AGREE", WriteLedger.key(10, 4),
                "DISAGREE"));

        assertThat(verdict.reactionsAcknowledged()).isEqualTo(3);
        assertThat(verdict.reactionsLost()).isEqualTo(2);
    }

    @Test
    void faultWindowsCoverTheirStretchAndAnythingThatOverlapsIt() {
        var windows = new FaultWindows();
        windows.close(windows.open(100), 200);
        int open = windows.open(1_000);

        assertThat(windows.contains(150)).isTrue();
        assertThat(windows.contains(200)).isFalse();
        assertThat(windows.overlaps(50, 120)).isTrue();
        assertThat(windows.overlaps(210, 900)).isFalse();
        assertThat(windows.contains(5_000)).as("a window not yet closed").isTrue();
        windows.close(open, 2_000);
        assertThat(windows.contains(5_000)).isFalse();
    }

    @Test
    void aThirtyMinuteRunKillsEveryFiveMinutesAndRestartsPostgresOnceAShortRunHasOneOfEach() {
        assertThat(JamFaults.schedule(30)).extracting(fault -> fault.at().toSeconds() + " " + fault.kind())
                .containsExactly("300 KILL_APPLICATION", "600 KILL_APPLICATION", "750 RESTART_POSTGRESQL",
                        "900 KILL_APPLICATION", "1200 KILL_APPLICATION", "1500 KILL_APPLICATION");
        assertThat(JamFaults.schedule(3)).extracting(JamFaults.Fault::kind)
                .containsExactly(JamFaults.Kind.KILL_APPLICATION, JamFaults.Kind.RESTART_POSTGRESQL);
        assertThat(JamFaults.schedule(3).getLast().at()).isLessThan(Duration.ofMinutes(3));
    }
}
