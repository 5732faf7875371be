package org.incrowd.outreach;

import java.time.Instant;

/**
 * A short address ({@code /s/{code}}, or {@code /s/{slug}} when the organiser chose a readable one) that leads to a
 * Jam's home or one of its forums. {@code forumId} null: the Jam. {@code visits}: all visits so far, {@code
 * visitsLastWeek}: those of the last seven days (counted per day, nothing about who came).
 */
public record ShortLink(long id, String code, String slug, long jamId, Long forumId, Instant createdAt,
                        Instant revokedAt, long visits, long visitsLastWeek) {

    /** The part after {@code /s/}: the slug people can read aloud where there is one, else the random code. */
    public String key() {
        return slug != null ? slug : code;
    }

    /** The path people type or scan: {@code /s/town-hall}. */
    public String path() {
        return "/s/" + key();
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    /** Where the link leads inside Incrowd. */
    public String target() {
        return forumId != null ? "/forums/" + forumId : "/jams/" + jamId;
    }
}
