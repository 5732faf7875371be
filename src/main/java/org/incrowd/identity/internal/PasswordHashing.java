package org.incrowd.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.incrowd.shared.SettingRejected;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How passwords are stored. bcrypt reads at most 72 bytes (Spring refuses more with an exception, which was a 500),
 * and 64 characters of German or Greek are more than that: new hashes therefore run bcrypt over a 44-character
 * digest of the password ({@code {bcrypt-sha256}}, the scheme of Passlib's bcrypt_sha256). The digest is an HMAC under
 * a fixed label rather than a bare SHA-256, so lists of leaked unsalted SHA-256 hashes cannot be tried against it.
 * Hashes made before keep working ({@code {bcrypt}}); a password too long for them simply does not match.
 *
 * <p>bcrypt's cost (its strength, log2 of the rounds) is recorded in each hash, so a hash is always verified at the
 * cost it was made with: an operator who raises {@code incrowd.passwords.bcrypt-strength} strengthens new hashes and
 * keeps every older one working.
 */
final class PasswordHashing {

    static final String CURRENT = "bcrypt-sha256";
    /** Spring Security's own default: about a tenth of a second per sign-in on a server core. */
    static final int DEFAULT_BCRYPT_STRENGTH = 10;
    private static final int BCRYPT_MAX_BYTES = 72;

    private PasswordHashing() {
    }

    static PasswordEncoder encoder(int bcryptStrength) {
        if (bcryptStrength < 4 || bcryptStrength > 31) {
            throw new SettingRejected("incrowd.passwords.bcrypt-strength", "must be between 4 and 31 (bcrypt's cost,"
                    + " log2 of its rounds; the default is " + DEFAULT_BCRYPT_STRENGTH + "), not " + bcryptStrength);
        }
        var bcrypt = new BCryptPasswordEncoder(bcryptStrength);
        var encoders = new HashMap<String, PasswordEncoder>();
        encoders.put(CURRENT, new PreHashed(bcrypt));
        encoders.put("bcrypt", new AtMost72Bytes(bcrypt));
        var delegating = new DelegatingPasswordEncoder(CURRENT, encoders);
        // Hashes of the other schemes Spring knows still verify, should an operator have imported any.
        delegating.setDefaultPasswordEncoderForMatches(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        return delegating;
    }

    private record PreHashed(BCryptPasswordEncoder bcrypt) implements PasswordEncoder {

        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(digest(raw));
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            return raw != null && bcrypt.matches(digest(raw), encoded);
        }

        private static String digest(CharSequence raw) {
            try {
                var mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec("incrowd-password".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                byte[] digest = mac.doFinal(raw.toString().getBytes(StandardCharsets.UTF_8));
                return Base64.getEncoder().encodeToString(digest);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
        }
    }

    /** Plain bcrypt hashes of earlier versions: such a hash was never made of more than 72 bytes. */
    private record AtMost72Bytes(BCryptPasswordEncoder bcrypt) implements PasswordEncoder {

        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            return raw != null && raw.toString().getBytes(StandardCharsets.UTF_8).length <= BCRYPT_MAX_BYTES
                    && bcrypt.matches(raw, encoded);
        }
    }
}
