package org.incrowd.identity;

/** Who a person is to the organisation; Jams choose which types may join and may show each its own terms. */
public enum ParticipantType {
    EMPLOYEE, CLIENT, PARTNER, ACADEMIC, FAMILY_MEMBER, PUBLIC;

    public String messageKey() {
        return "participantType." + name();
    }
}
