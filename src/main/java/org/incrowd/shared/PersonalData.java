package org.incrowd.shared;

/**
 * What one module holds about a person (issue 16, ADR 44). The privacy module collects every such bean for a
 * person's "Your data" download and asks each to forget the person when they delete their account, so that it
 * depends on no module to do either: a module that starts keeping personal data adds one small implementation in
 * its {@code internal} package and is part of both. It lives in the shared vocabulary for the same reason as
 * {@link RetainedRecords}.
 */
public interface PersonalData {

    /** The section's name in the download, a stable lower-case word such as {@code account} or {@code posts}. */
    String section();

    /**
     * Everything this module holds about the person, as plain values (records, lists, maps) that serialise as JSON;
     * bounded by what one person can produce.
     */
    Object about(long personId);

    /**
     * Removes or anonymises what is personal of this person, in the caller's transaction; answers how many records
     * it removed or changed. What stays (posts under a former participant's byline, counted reactions) is decided by
     * {@code policy}.
     */
    int forget(long personId, ForgetPolicy policy);

    /** What happens to what a deleted account wrote; administrators choose (ADR 44). */
    enum ForgetPolicy {
        /** Posts stay, shown by a "former participant"; nothing links them to the person any more. */
        KEEP_POSTS,
        /** Posts stay in their threads, their text replaced by "removed at the author's request". */
        REMOVE_POSTS
    }
}
