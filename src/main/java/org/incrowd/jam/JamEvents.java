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

    /** Addresses were invited to the Jam (or its audience was edited): who counts as invited may have changed. */
    public record AudienceChanged(long jamId) {
    }

    /**
     * A Jam reached a milestone its members are told about (opened, closes in a day or an hour, closed); published
     * once per Jam and milestone, on one node, in the transaction that records it.
     */
    public record MilestoneReached(long jamId, String title, JamMilestone milestone) {
    }

    /** An organiser removed the person, or withdrew their invitation: their access to the Jam ends everywhere. */
    public record MemberRemoved(long jamId, long personId) {
    }
}
