package org.incrowd.insight.shared;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Random secrets of this installation, by name: made by whichever node first asks, stored, and the same on every
 * node and after every restart. Never shown to anyone.
 */
@Component
public class InstallationSecrets {

    private static final int BYTES = 32;

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, byte[]> known = new ConcurrentHashMap<>();

    public InstallationSecrets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The secret of this name (32 random bytes); a copy, so that no caller can change it for the others. */
    public byte[] get(String name) {
        return known.computeIfAbsent(name, this::readOrMake).clone();
    }

    private byte[] readOrMake(String name) {
        var stored = read(name);
        if (stored != null) {
            return stored;
        }
        var secret = new byte[BYTES];
        random.nextBytes(secret);
        try {
            jdbc.sql("insert into insight_secret (name, secret) values (?, ?)")
                    .params(name, Base64.getEncoder().encodeToString(secret)).update();
            return secret;
        } catch (DuplicateKeyException madeElsewhere) { // another node made it first: use theirs
            return read(name);
        }
    }

    private byte[] read(String name) {
        return jdbc.sql("select secret from insight_secret where name = ?").param(name).query(String.class)
                .optional().map(Base64.getDecoder()::decode).orElse(null);
    }
}
