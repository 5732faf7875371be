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
}
