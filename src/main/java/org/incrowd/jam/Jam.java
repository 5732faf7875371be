package org.incrowd.jam;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import org.incrowd.identity.ParticipantType;

/** A scheduled event with forums. Times are instants; {@code timeZone} is how the organiser shows them. */
public record Jam(long id, String title, String purpose, String question, Instant startsAt, Instant endsAt,
                  ZoneId timeZone, Set<ParticipantType> audience, boolean invitationOnly, String terms,
                  boolean published, boolean community, boolean communityPosting, long createdBy) {

    public JamPhase phase(Instant now) {
        if (!published) {
            return JamPhase.DRAFT;
        }
        if (now.isBefore(startsAt)) {
            return JamPhase.SCHEDULED;
        }
        if (now.isBefore(endsAt)) {
            return JamPhase.LIVE;
        }
        return community ? JamPhase.COMMUNITY : JamPhase.CLOSED;
    }

    public boolean hasTerms() {
        return terms != null && !terms.isBlank();
    }

    /** Time until the start (scheduled), until the end (live), or null. */
    /** How long the Jam is meant to run; opening it early keeps this length. */
    public Duration plannedDuration() {
        return Duration.between(startsAt, endsAt);
    }

    public Duration countdown(Instant now) {
        return switch (phase(now)) {
            case SCHEDULED -> Duration.between(now, startsAt);
            case LIVE -> Duration.between(now, endsAt);
            default -> null;
        };
    }
}
