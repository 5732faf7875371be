package org.incrowd.jam;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import org.incrowd.identity.ParticipantType;
import org.junit.jupiter.api.Test;

/** The phase follows the clock, and only live Jams (and communities that allow it) take posts. */
class JamPhaseTests {

    private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");
    private static final Instant END = START.plus(Duration.ofHours(72));

    private static Jam jam(boolean published, boolean community, boolean communityPosting) {
        return new Jam(1, "Jam", null, null, START, END, ZoneId.of("Europe/Berlin"), Set.of(ParticipantType.EMPLOYEE),
                false, null, published, community, communityPosting, 1);
    }

    @Test
    void anUnpublishedJamIsADraftWhateverTheTime() {
        assertThat(jam(false, false, false).phase(START.plusSeconds(60))).isEqualTo(JamPhase.DRAFT);
    }

    @Test
    void aPublishedJamIsScheduledThenLiveThenClosed() {
        var jam = jam(true, false, false);
        assertThat(jam.phase(START.minusSeconds(1))).isEqualTo(JamPhase.SCHEDULED);
        assertThat(jam.phase(START)).isEqualTo(JamPhase.LIVE);
        assertThat(jam.phase(END.minusSeconds(1))).isEqualTo(JamPhase.LIVE);
        assertThat(jam.phase(END)).isEqualTo(JamPhase.CLOSED);
    }

    @Test
    void aClosedJamContinuesAsACommunity() {
        assertThat(jam(true, true, false).phase(END.plusSeconds(1))).isEqualTo(JamPhase.COMMUNITY);
    }

    @Test
    void onlyLiveJamsAndOpenCommunitiesTakePosts() {
        assertThat(PostingPolicy.acceptsPosts(jam(true, false, false), START.minusSeconds(1))).isFalse();
        assertThat(PostingPolicy.acceptsPosts(jam(true, false, false), START.plusSeconds(1))).isTrue();
        assertThat(PostingPolicy.acceptsPosts(jam(true, false, false), END)).isFalse();
        assertThat(PostingPolicy.acceptsPosts(jam(true, true, false), END.plusSeconds(1))).isFalse();
        assertThat(PostingPolicy.acceptsPosts(jam(true, true, true), END.plusSeconds(1))).isTrue();
    }

    @Test
    void peopleMayJoinAheadOfTheStartButNotAfterTheClose() {
        assertThat(PostingPolicy.acceptsMembers(jam(true, false, false), START.minusSeconds(3600))).isTrue();
        assertThat(PostingPolicy.acceptsMembers(jam(false, false, false), START.minusSeconds(3600))).isFalse();
        assertThat(PostingPolicy.acceptsMembers(jam(true, false, false), END.plusSeconds(1))).isFalse();
    }

    @Test
    void theCountdownShowsTimeToStartThenTimeLeft() {
        var jam = jam(true, false, false);
        assertThat(jam.countdown(START.minus(Duration.ofHours(2)))).isEqualTo(Duration.ofHours(2));
        assertThat(jam.countdown(END.minus(Duration.ofMinutes(5)))).isEqualTo(Duration.ofMinutes(5));
        assertThat(jam.countdown(END.plusSeconds(1))).isNull();
    }

    private static Jam campaign(JamKind kind, Instant end) {
        return new Jam(2, "Campaign", null, null, START, end, ZoneId.of("UTC"), Set.of(ParticipantType.EMPLOYEE),
                false, null, true, false, false, 1, kind, kind == JamKind.CHALLENGE ? "A bike" : null, null);
    }

    @Test
    void anIdeaBoxNeverClosesByTheClockAndShowsNoCountdown() {
        var box = campaign(JamKind.IDEA_BOX, Jam.OPEN_END);
        for (Instant later : new Instant[] {START, END, Instant.parse("2999-01-01T00:00:00Z"),
                Instant.parse("9999-12-30T00:00:00Z")}) {
            assertThat(box.phase(later)).as("at %s", later).isEqualTo(JamPhase.LIVE);
            assertThat(box.countdown(later)).isNull();
            assertThat(PostingPolicy.acceptsPosts(box, later)).isTrue();
        }
        assertThat(box.openEnded()).isTrue();
        assertThat(JamMilestone.CLOSING_DAY.isDue(box, Instant.parse("2999-01-01T00:00:00Z"))).isFalse();
    }

    @Test
    void aChallengeClosesAtItsDeadline() {
        var challenge = campaign(JamKind.CHALLENGE, END);
        assertThat(challenge.phase(END.minusSeconds(1))).isEqualTo(JamPhase.LIVE);
        assertThat(challenge.countdown(END.minus(Duration.ofDays(1)))).isEqualTo(Duration.ofDays(1));
        assertThat(challenge.phase(END)).isEqualTo(JamPhase.CLOSED);
        assertThat(PostingPolicy.acceptsPosts(challenge, END)).isFalse();
        assertThat(challenge.openEnded()).isFalse();
    }
}
