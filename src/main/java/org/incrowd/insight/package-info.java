/**
 * Live insight into a Jam: opinion groups, consensus and dissent ({@code insight.opinions}); themes and
 * participation follow. Analysis runs in the background in debounced batches, on one node at a time, and is stored
 * as snapshots that every node shows alike. Algorithms are plain Java in {@code *.algorithm} packages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insight")
package org.incrowd.insight;
