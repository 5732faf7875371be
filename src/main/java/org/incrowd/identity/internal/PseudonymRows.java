package org.incrowd.identity.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** {@code jam_pseudonym} (V127): pseudonyms handed out per Jam, against keyed hashes, never person ids. */
@Repository
public class PseudonymRows {

    private final JdbcClient jdbc;

    PseudonymRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, String> find(long jamId, Collection<String> holders) {
        var found = new HashMap<String, String>();
        if (holders.isEmpty()) {
            return found;
        }
        jdbc.sql("select holder, pseudonym from jam_pseudonym where jam_id = :jam and holder in (:holders)")
                .param("jam", jamId).param("holders", holders)
                .query((rs, n) -> found.put(rs.getString(1), rs.getString(2))).list();
        return found;
    }

    /**
     * Records {@code candidate} for the holder, in a transaction of its own so that a clash rolls back nothing of
     * the caller's. False when the candidate, or a pseudonym for this holder, is already recorded.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean claim(long jamId, String holder, String candidate) {
        try {
            jdbc.sql("insert into jam_pseudonym (jam_id, pseudonym, holder) values (?, ?, ?)")
                    .params(jamId, candidate, holder).update();
            return true;
        } catch (DuplicateKeyException clash) {
            return false;
        }
    }
}
