package org.incrowd.jam;

/**
 * What kind of call for ideas a Jam is. All kinds have the same forums, posting, building on, reacting and analysis;
 * they differ in time only: a Jam runs from its start to its end, an idea box is always open (it never closes by the
 * clock), and a challenge closes at its deadline and may offer a prize. A help stream is always open too, but its
 * root posts are questions and its replies answers (the help module reads it so): its forums are the topics asked
 * about.
 */
public enum JamKind {
    JAM, IDEA_BOX, CHALLENGE, HELP_STREAM;

    public String messageKey() {
        return "jam.kind." + name();
    }

    /** Whether the end is a date the organiser gives (a Jam's end, a challenge's deadline). */
    public boolean hasEnd() {
        return this != IDEA_BOX && this != HELP_STREAM;
    }

    /** Questions and answers rather than ideas and build-ons: the help module shows and routes them. */
    public boolean isHelpStream() {
        return this == HELP_STREAM;
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
