package org.incrowd.kiosk;

import java.time.Instant;

/**
 * A device set up as a kiosk for one Jam: waiting for its one-time enrolment link to be opened, enrolled (bound to
 * the browser that opened it), or revoked.
 */
public record KioskDevice(long id, long jamId, String name, long createdBy, Instant createdAt, Instant enrolledAt,
                          Instant revokedAt) {

    public enum State {
        WAITING, ENROLLED, REVOKED;

        public String messageKey() {
            return "kiosk.device.state." + name();
        }
    }

    public State state() {
        return revokedAt != null ? State.REVOKED : enrolledAt != null ? State.ENROLLED : State.WAITING;
    }
}
