package org.incrowd.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash chain of the audit trail (ADR 46): an entry's hash is SHA-256 over the previous entry's hash and the
 * entry's own fields, so changing or removing an entry breaks the chain from there on. Fields are length-prefixed, so
 * no two different entries give the same input.
 */
final class AuditChain {

    /** The "previous hash" of the first entry. */
    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** Both databases keep microseconds; the hash is taken over what they keep. */
    static Instant stored(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    static String link(String previous, Instant at, long actorId, String action, String subject, String reason,
                       String details) {
        var input = new StringBuilder();
        for (String field : new String[] {previous, Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, at)),
                Long.toString(actorId), action, subject, reason, details}) {
            input.append(field == null ? -1 : field.length()).append(':').append(field == null ? "" : field)
                    .append(';');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(input.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
