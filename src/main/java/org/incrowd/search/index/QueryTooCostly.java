package org.incrowd.search.index;

/**
 * A search refused before it runs because it would cost the index more than any reader needs: too many words, or too
 * many words that expand into others ({@code prefix*}, {@code word~1}). {@code limit} is the number allowed.
 */
public final class QueryTooCostly extends RuntimeException {

    public enum Reason { WORDS, PATTERNS }

    private final Reason reason;
    private final int limit;

    QueryTooCostly(Reason reason, int limit) {
        super("At most " + limit + (reason == Reason.WORDS ? " words" : " words with * or ~") + " in one search");
        this.reason = reason;
        this.limit = limit;
    }

    public Reason reason() {
        return reason;
    }

    public int limit() {
        return limit;
    }
}
