package org.incrowd.report.internal;

import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The installation's pseudonym key: 32 random bytes made by whichever node first exports, stored in the database
 * (the same on every node and after restarts) and never written into an export.
 */
@Component
class OpenDataSecret {

    private static final String NAME = "pseudonyms";

    private final JdbcClient jdbc;
    private volatile byte[] secret;

    OpenDataSecret(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    byte[] get() {
        if (secret == null) {
            secret = readOrMake();
        }
        return secret.clone();
    }

    private byte[] readOrMake() {
        var stored = read();
        if (stored != null) {
            return stored;
        }
        var made = new byte[32];
        new SecureRandom().nextBytes(made);
        try {
            jdbc.sql("insert into open_data_secret (name, secret) values (?, ?)")
                    .params(NAME, Base64.getEncoder().encodeToString(made)).update();
            return made;
        } catch (DuplicateKeyException madeElsewhere) { // another node made it first: use theirs
            return read();
        }
    }

    private byte[] read() {
        return jdbc.sql("select secret from open_data_secret where name = ?").param(NAME).query(String.class)
                .optional().map(Base64.getDecoder()::decode).orElse(null);
    }
}
