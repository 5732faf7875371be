package org.incrowd.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * The one-time code that proves whoever opens /setup is the operator who started Incrowd: it is printed on the
 * console at start, never shown on a page, and forgotten once the first administrator exists.
 */
@Component
class SetupCode {

    private final SecureRandom random = new SecureRandom();
    private final AtomicReference<String> code = new AtomicReference<>();

    String issue() {
        byte[] bytes = new byte[6];
        random.nextBytes(bytes);
        String issued = HexFormat.of().formatHex(bytes);
        code.set(issued);
        return issued;
    }

    boolean matches(String offered) {
        String expected = code.get();
        return expected != null && offered != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), offered.strip().getBytes(StandardCharsets.UTF_8));
    }

    void forget() {
        code.set(null);
    }
}
