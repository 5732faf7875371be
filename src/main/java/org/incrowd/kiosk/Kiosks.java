package org.incrowd.kiosk;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.incrowd.identity.Actor;
import org.incrowd.jam.JamService;
import org.incrowd.kiosk.internal.KioskRows;
import org.incrowd.kiosk.internal.KioskSecrets;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Kiosk devices: an organiser (or the Jam's staff) creates one with a name and gets a one-time enrolment link; the
 * browser that opens it becomes the kiosk, holding a long random secret in a cookie of which only a hash is kept. A
 * revoked kiosk stops working at its next request.
 */
@Service
public class Kiosks {

    /** How long an enrolment link may wait for its device: long enough to carry a tablet to the depot. */
    public static final Duration ENROLMENT_VALID = Duration.ofDays(7);
    public static final int NAME_MAX = 120;

    private final KioskRows rows;
    private final JamService jams;
    private final Clock clock;

    Kiosks(KioskRows rows, JamService jams, Clock clock) {
        this.rows = rows;
        this.jams = jams;
        this.clock = clock;
    }

    /** A new kiosk and its one-time enrolment token (shown once, as a link to open on the device). */
    public record Enrolment(KioskDevice device, String token) {
    }

    @Transactional
    public Enrolment create(Actor actor, long jamId, String name) {
        jams.requireOrganiserOrStaff(actor, jamId);
        String cleaned = name == null ? "" : name.strip();
        var errors = FieldErrors.none();
        if (cleaned.isEmpty()) {
            errors.add("name", "kiosk.device.name.required");
        } else if (cleaned.length() > NAME_MAX) {
            errors.add("name", "kiosk.device.name.tooLong", NAME_MAX);
        }
        errors.throwIfAny();
        String token = KioskSecrets.longSecret();
        var now = clock.instant();
        long id = rows.insertDevice(jamId, cleaned, KioskSecrets.hash(token), now.plus(ENROLMENT_VALID),
                actor.personId(), now);
        return new Enrolment(rows.device(id).orElseThrow(), token);
    }

    public List<KioskDevice> devices(Actor actor, long jamId) {
        jams.requireOrganiserOrStaff(actor, jamId);
        return rows.devices(jamId);
    }

    @Transactional
    public void revoke(Actor actor, long jamId, long deviceId) {
        jams.requireOrganiserOrStaff(actor, jamId);
        var device = rows.device(deviceId).filter(d -> d.jamId() == jamId)
                .orElseThrow(() -> Refusal.notFound("kiosk.device.notFound"));
        rows.revokeDevice(device.id(), clock.instant());
    }

    /**
     * Binds the device that opened an enrolment link: the returned secret goes into its cookie. Empty when the link
     * was used already, expired or its kiosk was revoked.
     */
    @Transactional
    public Optional<String> enrol(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String secret = KioskSecrets.longSecret();
        return rows.enrol(KioskSecrets.hash(token), KioskSecrets.hash(secret), clock.instant())
                ? Optional.of(secret) : Optional.empty();
    }

    /** The enrolled, unrevoked kiosk whose cookie holds this secret. */
    public Optional<KioskDevice> device(String secret) {
        return secret == null || secret.isBlank() ? Optional.empty()
                : rows.deviceBySecret(KioskSecrets.hash(secret));
    }
}
