package org.incrowd.jam;

/**
 * What kind of call for ideas a Jam is. All kinds have the same forums, posting, building on, reacting and analysis;
 * they differ in time only: a Jam runs from its start to its end, an idea box is always open (it never closes by the
 * clock), and a challenge closes at its deadline and may offer a prize.
 */
public enum JamKind {
    JAM, IDEA_BOX, CHALLENGE;

    public String messageKey() {
        return "jam.kind." + name();
    }

    /** Whether the end is a date the organiser gives (a Jam's end, a challenge's deadline). */
    public boolean hasEnd() {
        return this != IDEA_BOX;
    }

    /** Only a challenge offers a prize: an idea box has no winner to give it to, a Jam is a conversation. */
    public boolean offersPrize() {
        return this == CHALLENGE;
    }

    /** The kind named in a form or a request; a missing or unknown name is a Jam, as before kinds existed. */
    public static JamKind parse(String name) {
        for (JamKind kind : values()) {
            if (kind.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return kind;
            }
        }
        return JAM;
    }
}
