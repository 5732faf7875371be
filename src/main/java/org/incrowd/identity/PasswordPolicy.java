package org.incrowd.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.incrowd.shared.FieldErrors;

/**
 * What Incrowd accepts as a password (OWASP ASVS 5.0 V6.2): at least 12 characters, at most 128 (so a 64-character
 * passphrase in any script fits; the hash pre-hashes, so bcrypt's 72-byte limit does not apply), and none of the
 * 30,000 passwords people choose most often, compared without regard to case.
 */
public final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;
    private static final String COMMON_PASSWORDS = "/identity/common-passwords.txt";

    private PasswordPolicy() {
    }

    public static void check(String password, FieldErrors errors) {
        if (password == null || password.length() < MIN_LENGTH) {
            errors.add("password", "signup.password.tooShort");
        } else if (password.length() > MAX_LENGTH) {
            errors.add("password", "signup.password.tooLong");
        } else if (Common.PASSWORDS.contains(password.toLowerCase(Locale.ROOT))) {
            errors.add("password", "signup.password.common");
        }
    }

    /** Loaded on first use: the list is a quarter of a megabyte that sign-in alone never needs. */
    private static final class Common {

        static final Set<String> PASSWORDS = load();

        private static Set<String> load() {
            var passwords = new HashSet<String>(40_000);
            try (var in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS);
                 var lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                // Only those long enough to pass the length rule can ever match.
                lines.lines().filter(line -> !line.startsWith("#") && line.length() >= MIN_LENGTH)
                        .forEach(passwords::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Set.copyOf(passwords);
        }
    }
}
