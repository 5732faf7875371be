package org.incrowd.discussion;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.incrowd.identity.ParticipantType;

/**
 * How a post's author appears to one reader (ADR 41). {@code name} is what every page, export and message shows: the
 * author's name, their pseudonym in the Jam, or the words for an anonymous or former participant. A pseudonym comes
 * with the participant type and, where the organiser allows, the country; nothing else of the person ever does.
 * {@code mine}: the reader wrote it (they see how others see them).
 */
public record Byline(Kind kind, String name, ParticipantType participantType, String country, boolean mine) {

    public enum Kind {
        NAMED,
        PSEUDONYM,
        ANONYMOUS,
        /** The author deleted their account and the organisation keeps their posts. */
        FORMER
    }

    /** Whether this byline keeps the author's identity from the reader: no name, no account id, no profile. */
    @JsonIgnore
    public boolean hidesAuthor() {
        return kind != Kind.NAMED;
    }
}
