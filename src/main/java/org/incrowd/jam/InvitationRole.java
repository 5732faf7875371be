package org.incrowd.jam;

/** What the invited person becomes on accepting: a participant, or a host or facilitator of one forum. */
public enum InvitationRole {
    PARTICIPANT, HOST, FACILITATOR;

    public String messageKey() {
        return "invitation.role." + name();
    }

    /** The forum role it grants, or null for a participant. */
    public ForumRole forumRole() {
        return this == PARTICIPANT ? null : ForumRole.valueOf(name());
    }
}
