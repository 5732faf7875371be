package org.incrowd.jam.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret in an invitation link: 128 random bits, of which only a SHA-256 is stored, so a copy of the database
 * opens no Jam. A link is looked up by its hash: what the database compares is a hash of the token, so how long the
 * comparison takes tells nothing about the token itself.
 */
public final class InvitationTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private InvitationTokens() {
    }

    /** A token for a link and the hash to store. */
    public record Token(String value, String hash) {
    }

    public static Token next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Token(value, hash(value));
    }

    /** Hex SHA-256; a token of the wrong shape still gets a hash (which matches nothing). */
    public static String hash(String token) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
