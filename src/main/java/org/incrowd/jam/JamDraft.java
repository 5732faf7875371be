package org.incrowd.jam;

import java.util.Set;
import org.incrowd.identity.ParticipantType;

/**
 * A Jam as an organiser types it: local date-times ("2026-12-01T09:00") in the named time zone, invitations as
 * e-mail addresses separated by commas, spaces or new lines. Checked by {@link JamService}. {@code kind} null: a
 * new Jam, or the kind an edited one has; an idea box needs no end ({@code endsAt} is ignored), a challenge's end is
 * its deadline.
 */
public record JamDraft(String title, String purpose, String question, String startsAt, String endsAt,
                       String timeZone, Set<ParticipantType> audience, boolean invitationOnly, String invitations,
                       String terms, JamKind kind, String prize, String unit) {

    /** A plain Jam, as drafts were before campaigns. */
    public JamDraft(String title, String purpose, String question, String startsAt, String endsAt, String timeZone,
                    Set<ParticipantType> audience, boolean invitationOnly, String invitations, String terms) {
        this(title, purpose, question, startsAt, endsAt, timeZone, audience, invitationOnly, invitations, terms,
                JamKind.JAM, null, null);
    }
}
