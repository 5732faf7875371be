package org.incrowd.insight.opinions;

import java.time.Instant;

/**
 * How far an import of a Pol.is conversation has come, as the progress page shows it.
 *
 * @param leftOut statements not imported because Pol.is's moderators had hidden them (their votes are left out too)
 * @param problem why the import stopped, when it failed
 */
public record ImportProgress(String id, long jamId, long forumId, State state, int people, int statements,
                             int statementsTotal, int leftOut, long votes, long votesTotal, String problem,
                             Instant startedAt, Instant finishedAt) {

    /** Queued behind the imports before it (one runs at a time per node), running, done, or failed. */
    public enum State { QUEUED, RUNNING, DONE, FAILED }

    /** Not finished yet: the page keeps asking. */
    public boolean running() {
        return state == State.QUEUED || state == State.RUNNING;
    }

    /** Overall share done, weighing each vote and statement alike. */
    public int percent() {
        long total = statementsTotal + votesTotal;
        return total == 0 ? 100 : (int) (100 * (statements + votes) / total);
    }
}
