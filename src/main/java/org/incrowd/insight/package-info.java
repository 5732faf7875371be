/**
 * Live insight into a Jam: opinion groups, consensus and dissent ({@code insight.opinions}); themes and
 * participation follow. Analysis runs in the background in debounced batches, on one node at a time, and is stored
 * as snapshots that every node shows alike. Algorithms are plain Java in {@code *.algorithm} packages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insight", allowedDependencies = {
        "shared", // refuses requests and renders pages with the shared vocabulary
        "text", // themes analyse each post in its own language
        "identity", // groups and themes are described by their people's profiles; who is acting
        "jam", // analyses one Jam or forum, for those who may read it
        "discussion", // analyses posts and reactions (PostFeed, events); imports Pol.is conversations
        "meaning" // themes cluster posts on their stored sentence vectors (PostVectors, PostsEncoded)
})
package org.incrowd.insight;
