/**
 * Search: a Lucene index of every post on each node, kept up to date within a second of a post or an edit (on this
 * node or another), the search page and API with highlights and filters, and similar ideas suggested while someone
 * writes a new one. The index itself is plain Java in {@code search.index}; this package feeds it and serves it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
package org.incrowd.search;
