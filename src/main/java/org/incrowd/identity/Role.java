package org.incrowd.identity;

/**
 * Roles across the whole installation. Hosts and facilitators are roles within one forum and belong to the jam
 * module.
 */
public enum Role {
    /** Runs the installation: people, roles, every Jam. */
    ADMINISTRATOR,
    /** Sets up and runs Jams. */
    ORGANISER,
    /** Joins Jams, posts and reacts. */
    PARTICIPANT,
    /** Reads, never writes: auditors, executives who only follow. */
    OBSERVER;

    public String messageKey() {
        return "role." + name();
    }
}
