/**
 * Jams and their forums: schedule and phases, audience and terms, membership, hosts and facilitators. Its rules
 * decide who may read and who may post where ({@link org.incrowd.jam.PostingPolicy}); the discussion module asks.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Jams")
package org.incrowd.jam;
