package org.incrowd.jam;

import org.incrowd.identity.ParticipantType;

/**
 * One invitation as an organiser gives it, by form, pasted list or CSV row, before it is checked.
 *
 * @param participantType null where the organiser did not choose one (a pasted list)
 * @param forumId         the forum a host or facilitator will serve; null for participants
 * @param language        the mail's language if the address has no account ("en", "de"; null: English)
 */
public record InvitationDraft(String email, String name, ParticipantType participantType, String country,
                              String orgUnit, String jobRole, InvitationRole role, Long forumId, String language) {

    public static InvitationDraft participant(String email, ParticipantType type, String language) {
        return new InvitationDraft(email, null, type, null, null, null, InvitationRole.PARTICIPANT, null, language);
    }
}
