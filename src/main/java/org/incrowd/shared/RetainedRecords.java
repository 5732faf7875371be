package org.incrowd.shared;

import java.time.Instant;

/**
 * Records a module keeps about people for a limited time (sign-in records, mail logs, the live event log, personal
 * data of accounts long deactivated). The privacy module's nightly retention run asks every such bean of a kind to
 * remove what is older than the administrators' period allows, and reports the counts (issue 16). It lives in the
 * shared vocabulary so that modules implement it without depending on the privacy module.
 */
public interface RetainedRecords {

    /** The kind an administrator sets a period for: {@code sign-ins}, {@code mail}, {@code live-events}, {@code personal-data}. */
    String kind();

    /** Removes this module's records of the kind that are older than {@code cutoff}; answers how many it removed. */
    int removeOlderThan(Instant cutoff);
}
