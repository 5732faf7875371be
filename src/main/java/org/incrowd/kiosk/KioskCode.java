package org.incrowd.kiosk;

import java.time.Instant;

/**
 * A personal code or badge number (only its hash is kept) that signs one person in on one Jam's kiosks until it
 * expires or is revoked. {@code personName}: who it belongs to, for the organisers' list.
 */
public record KioskCode(long id, long jamId, long personId, String personName, Kind kind, Instant expiresAt,
                        Instant createdAt, Instant revokedAt) {

    public enum Kind {
        CODE, BADGE;

        public String messageKey() {
            return "kiosk.codes.kind." + name();
        }
    }

    public boolean validAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
