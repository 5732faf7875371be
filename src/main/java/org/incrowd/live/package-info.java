/**
 * Live updates: the event log (appended in the same transaction as each change), Server-Sent Events that replay
 * exactly what a reconnecting browser missed, and the wake-up between nodes. Depends on the other modules and listens
 * to their events; none of them depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Live updates", allowedDependencies = {
        "shared", // refuses streams of what the reader may not see and malformed Last-Event-IDs
        "identity", // who is listening
        "jam", // streams a Jam to those who may read it
        "discussion", // records its events for the pages that show posts and reactions
        "facilitation", // records announcements, guests and flags
        "insight", // tells open pages that themes and opinion maps were recomputed
        "notify", // refreshes the bell of the people who were just told something
        "review" // shows decisions, answers, merges and the report on open pages
})
package org.incrowd.live;
