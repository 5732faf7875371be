package org.incrowd.jam;

/**
 * How the authors of a Jam's or forum's posts appear to everyone else (ADR 41). The organiser chooses it, and every
 * reader is told it before they post. Analysis (themes, opinion groups, participation) works the same in every mode:
 * it needs who voted alike and which groups spoke, never names.
 */
public enum IdentityMode {
    /** Names as on the person's profile. */
    NAMED,
    /** A stable pseudonym within the Jam ("Blue Heron 42") with the participant type, and the country if allowed. */
    PSEUDONYMOUS,
    /** No author shown at all, not even a pseudonym. */
    ANONYMOUS;

    public boolean hidesNames() {
        return this != NAMED;
    }

    /** How much it hides: a mode may change towards more privacy once posts exist, never back. */
    public boolean isAtLeastAsPrivateAs(IdentityMode other) {
        return ordinal() >= other.ordinal();
    }
}
