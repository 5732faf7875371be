package org.incrowd.help.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secrets in the links this module mails (confirm a question, see the answer): 256 random bits, of which only the
 * SHA-256 is stored; a row is found by the hash's first 16 hex digits and the whole hash compared in constant time.
 */
public final class LinkTokens {

    static final int LOOKUP_DIGITS = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private LinkTokens() {
    }

    public static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static String lookup(String hash) {
        return hash.substring(0, LOOKUP_DIGITS);
    }

    public static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether a token from a link can be one of ours at all (no lookups for junk). */
    public static boolean plausible(String token) {
        return token != null && !token.isEmpty() && token.length() <= 100;
    }
}
