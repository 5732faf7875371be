/**
 * Search: a Lucene index of every post on each node, kept up to date within a second of a post or an edit (on this
 * node or another), the search page and API with highlights and filters, and similar ideas suggested while someone
 * writes a new one. The index itself is plain Java in {@code search.index}; this package feeds it and serves it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search", allowedDependencies = {
        "shared", // refuses malformed queries; merges the index at the lowest scheduling priority
        "text", // indexes and queries each post in its own language
        "identity", // filters by the author's profile; who is searching
        "jam", // finds only posts of the Jams the reader may see
        "discussion", // indexes posts (PostFeed) and follows their events
        "meaning" // posts' sentence vectors in the index; queries and drafts encoded for hybrid ranking
})
package org.incrowd.search;
