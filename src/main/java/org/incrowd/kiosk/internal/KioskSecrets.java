package org.incrowd.kiosk.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The kiosk's secrets: long random ones for devices and enrolment links, short ones for people, and the hashes that
 * are all the database keeps of them.
 */
public final class KioskSecrets {

    /** No 0/O, 1/I/L, 2/Z, 5/S, 8/B: a code read off paper in a dim break room is typed right the first time. */
    public static final String ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
    public static final int CODE_LENGTH = 6;

    private static final SecureRandom RANDOM = new SecureRandom();

    private KioskSecrets() {
    }

    /** 256 random bits, URL-safe: a device's cookie, an enrolment link. */
    public static String longSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String personalCode() {
        var code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** A code or badge number as typed, without the spaces, dashes and case people add: "ab3-k7q" is "AB3K7Q". */
    public static String normalise(String code) {
        return code == null ? "" : code.replaceAll("[\\s\\-]", "").toUpperCase(Locale.ROOT);
    }

    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** A personal code's hash: the same code typed with other spacing or case finds the same row. */
    public static String codeHash(String code) {
        return hash("kiosk-code:" + normalise(code));
    }
}
