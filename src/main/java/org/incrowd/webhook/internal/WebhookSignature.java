package org.incrowd.webhook.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How receivers know a delivery comes from Incrowd and is fresh: {@code X-Incrowd-Signature: sha256=<hex>} is the
 * HMAC-SHA256, keyed with the webhook's secret, of {@code <X-Incrowd-Timestamp> + "." + <body>}. Signing the timestamp
 * lets receivers refuse replays of old deliveries.
 */
final class WebhookSignature {

    static final String SIGNATURE_HEADER = "X-Incrowd-Signature";
    static final String TIMESTAMP_HEADER = "X-Incrowd-Timestamp";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A new secret: 256 random bits, readable and easy to paste. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sign(String secret, long timestamp, String body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", impossible);
        }
    }
}
