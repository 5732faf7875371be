package org.incrowd.web;

/**
 * Whether this node is serving requests, for background work that should give way to them (the start-up catch-up
 * of post vectors, ADR 56): full speed while nobody waits for a page, one core at most while somebody may.
 */
public interface RequestTraffic {

    /**
     * No request is in flight and none ended a moment ago: the gap between a page and its next request (its
     * fragments, the next click of a busy crowd) does not count as quiet. Live streams count while they open only.
     */
    boolean quiet();
}
