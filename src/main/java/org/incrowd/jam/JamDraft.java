package org.incrowd.jam;

import java.util.Set;
import org.incrowd.identity.ParticipantType;

/**
 * A Jam as an organiser types it: local date-times ("2026-12-01T09:00") in the named time zone, invitations as
 * e-mail addresses separated by commas, spaces or new lines. Checked by {@link JamService}.
 */
public record JamDraft(String title, String purpose, String question, String startsAt, String endsAt,
                       String timeZone, Set<ParticipantType> audience, boolean invitationOnly, String invitations,
                       String terms) {
}
