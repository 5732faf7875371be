package org.incrowd.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A secret of this installation that is kept out of the database, so that a dump of the database alone cannot forge
 * or link what it signs: the configured value, or else a random one made once in a file of the data folder. Several
 * nodes share it by configuration.
 */
public final class ServerSecret {

    private final byte[] secret;

    private ServerSecret(byte[] secret) {
        this.secret = secret;
    }

    /** {@code configured} when set (the property {@code property} names it), else the file {@code fileName}. */
    public static ServerSecret of(String configured, String dataDir, String fileName, String property) {
        return new ServerSecret(configured == null || configured.isBlank()
                ? fromFile(Path.of(dataDir, fileName), property)
                : configured.getBytes(StandardCharsets.UTF_8));
    }

    /** HMAC-SHA256 of {@code message} under this secret, URL-safe Base64 without padding (43 characters). */
    public String mac(String message) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(macBytes(message));
    }

    public byte[] macBytes(String message) {
        try {
            var hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return hmac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /** Made once per installation, readable by its owner only. */
    private static byte[] fromFile(Path file, String property) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            var fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the data folder's own permissions protect it
            }
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or make the secret " + file + "; set " + property, e);
        }
    }
}
