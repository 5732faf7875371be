package org.incrowd.identity;

/**
 * A person signed in on a kiosk with their personal code: they may act in one Jam, on one device, and reach nothing
 * but the kiosk's pages ({@link KioskSessions}).
 */
public record KioskSession(long personId, String displayName, long jamId, long deviceId) {
}
