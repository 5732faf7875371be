package org.incrowd.search.index;

import java.time.Instant;
import java.util.List;
import org.incrowd.text.Language;

/**
 * One post as the index holds it: its text (title and body) in its language, and what searches filter on.
 * {@code participantType}, {@code country} and {@code phase} are those of the author (as their byline shows them: null
 * where the forum hides them, ADR 49) and the Jam when it was posted; {@code country} may be null. {@code vector} is
 * the post's sentence vector (unit length), null while it has none (not encoded yet, or a language the model does not
 * cover): such a post is found by its words only.
 */
public record IndexedPost(long id, long jamId, long forumId, long threadId, boolean idea, String title, String text,
                          Language language, List<String> tags, String participantType, String country, String phase,
                          Instant createdAt, float[] vector) {

    /** A post without a sentence vector. */
    public IndexedPost(long id, long jamId, long forumId, long threadId, boolean idea, String title, String text,
                       Language language, List<String> tags, String participantType, String country, String phase,
                       Instant createdAt) {
        this(id, jamId, forumId, threadId, idea, title, text, language, tags, participantType, country, phase,
                createdAt, null);
    }
}
