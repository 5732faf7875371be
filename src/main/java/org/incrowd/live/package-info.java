/**
 * Live updates: the event log (appended in the same transaction as each change), Server-Sent Events that replay
 * exactly what a reconnecting browser missed, and the wake-up between nodes. Depends on the other modules and listens
 * to their events; none of them depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Live updates")
package org.incrowd.live;
