package org.incrowd.jam;

/** What happens to Jams, for modules that follow along (live updates, notifications). */
public final class JamEvents {

    private JamEvents() {
    }

    public record JamCreated(long jamId) {
    }

    public record JamScheduleChanged(long jamId) {
    }

    public record MemberJoined(long jamId, long personId) {
    }

    /** An organiser removed the person, or withdrew their invitation: their access to the Jam ends everywhere. */
    public record MemberRemoved(long jamId, long personId) {
    }
}
