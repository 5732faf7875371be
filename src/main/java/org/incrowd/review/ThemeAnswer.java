package org.incrowd.review;

import java.time.Instant;

/**
 * An organiser's answer to a whole Jam Pulse theme: what participants said, what the organisation did, and why.
 *
 * @param themeKey   the theme's key, stable across recomputes
 * @param themeLabel the theme's name when it was answered
 * @param posts      how many posts the theme had when it was answered (each shows the answer)
 * @param mine       the reader's own rating, or null
 */
public record ThemeAnswer(long id, long jamId, String themeKey, String themeLabel, String youSaid, String weDid,
                          String why, long answeredBy, String answeredByName, Instant answeredAt, Instant updatedAt,
                          int posts, Ratings ratings, Rating mine) {

    /** A participant's verdict on whether an answer explains enough. */
    public enum Verdict {
        YES, PARTLY, NO;

        public String messageKey() {
            return "answers.verdict." + name();
        }
    }

    /** One person's rating, with an optional comment. */
    public record Rating(Verdict verdict, String comment) {
    }

    /** How an answer was rated. */
    public record Ratings(int yes, int partly, int no) {

        /**
         * The share of "no" above which an answer is poorly rated (also when "no" outnumbers "yes"), as the waiting
         * list says on its page.
         */
        public static final int POOR_NO_PERCENT = 40;

        public int total() {
            return yes + partly + no;
        }

        /** Poorly rated: more "no" than "yes", or more than {@link #POOR_NO_PERCENT}% "no". */
        public boolean poor() {
            return total() > 0 && (no > yes || no * 100 > POOR_NO_PERCENT * total());
        }
    }

    public String link() {
        return "/jams/" + jamId + "/review/answers#answer-" + id;
    }
}
