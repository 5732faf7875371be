package org.incrowd.report;

/** A Jam's report was published: its members are told (notify), once, in the transaction that published it. */
public record ReportPublished(long jamId, String jamTitle, long publishedBy) {
}
