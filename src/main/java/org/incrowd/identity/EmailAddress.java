package org.incrowd.identity;

import java.util.Locale;
import java.util.regex.Pattern;

/** What Incrowd accepts as an e-mail address, and the one spelling it stores (trimmed, lower case). */
public final class EmailAddress {

    public static final int MAX_LENGTH = 254;
    private static final Pattern SHAPE = Pattern.compile("^[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+$");

    private EmailAddress() {
    }

    public static boolean isValid(String email) {
        return email != null && email.length() <= MAX_LENGTH && SHAPE.matcher(email).matches();
    }

    public static String normalise(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /** The address as stored, or a refusal naming {@code field}: "enter one", "enter one like name@example.org". */
    public static String require(String email, String field) {
        String normalised = normalise(email);
        if (normalised == null || normalised.isEmpty()) {
            throw org.incrowd.shared.Refusal.invalid(field, "signup.email.required");
        }
        if (!isValid(normalised)) {
            throw org.incrowd.shared.Refusal.invalid(field, "signup.email.invalid");
        }
        return normalised;
    }
}
