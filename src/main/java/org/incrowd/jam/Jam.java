package org.incrowd.jam;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import org.incrowd.identity.ParticipantType;

/**
 * A scheduled event with forums, or an idea campaign ({@link JamKind}): an idea box, always open, or a challenge
 * with a deadline and perhaps a prize. Times are instants; {@code timeZone} is how the organiser shows them. An idea
 * box ends at {@link #OPEN_END}, so every rule that asks "has it ended?" answers "no" without knowing about kinds.
 * {@code unit}: the part of the organisation asked (null: the whole organisation).
 */
public record Jam(long id, String title, String purpose, String question, Instant startsAt, Instant endsAt,
                  ZoneId timeZone, Set<ParticipantType> audience, boolean invitationOnly, String terms,
                  boolean published, boolean community, boolean communityPosting, long createdBy, JamKind kind,
                  String prize, String unit) {

    /** The end of an always-open idea box: never reached by the clock, and stored like any other end. */
    public static final Instant OPEN_END = Instant.parse("9999-12-31T00:00:00Z");

    public Jam {
        kind = kind == null ? JamKind.JAM : kind;
    }

    /** A Jam as it was before campaigns: kind JAM, no prize, no unit. */
    public Jam(long id, String title, String purpose, String question, Instant startsAt, Instant endsAt,
               ZoneId timeZone, Set<ParticipantType> audience, boolean invitationOnly, String terms,
               boolean published, boolean community, boolean communityPosting, long createdBy) {
        this(id, title, purpose, question, startsAt, endsAt, timeZone, audience, invitationOnly, terms, published,
                community, communityPosting, createdBy, JamKind.JAM, null, null);
    }

    /** Open without end: an idea box nobody closed. Its pages show no end and no countdown. */
    public boolean openEnded() {
        return endsAt.equals(OPEN_END);
    }

    public boolean hasPrize() {
        return prize != null && !prize.isBlank();
    }

    /** The same Jam at another point of its life (published, schedule, community). */
    public Jam withSchedule(boolean published, Instant starts, Instant ends, boolean community,
                            boolean communityPosting) {
        return new Jam(id, title, purpose, question, starts, ends, timeZone, audience, invitationOnly, terms,
                published, community, communityPosting, createdBy, kind, prize, unit);
    }

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

    /** How long the Jam is meant to run; opening it early keeps this length. */
    public Duration plannedDuration() {
        return Duration.between(startsAt, endsAt);
    }

    /** Time until the start (scheduled), until the end (live, unless open-ended), or null. */
    public Duration countdown(Instant now) {
        return switch (phase(now)) {
            case SCHEDULED -> Duration.between(now, startsAt);
            case LIVE -> openEnded() ? null : Duration.between(now, endsAt);
            default -> null;
        };
    }
}
