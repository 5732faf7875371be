package org.incrowd.kiosk;

import java.time.Instant;

/**
 * A code as issued, shown once on the printable list (afterwards only its hash exists). {@code kioskOnly}: the person
 * was added just now for kiosks, having no account of their own.
 */
public record IssuedCode(String personName, String code, KioskCode.Kind kind, Instant expiresAt, boolean kioskOnly) {
}
