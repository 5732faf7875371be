package org.incrowd.jam.internal;

import java.util.Collection;
import java.util.List;
import org.incrowd.jam.IdentityMode;
import org.incrowd.jam.IdentityModes.ForumIdentity;
import org.incrowd.shared.RowCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The identity mode columns of {@code jam} and {@code forum} (V126). */
@Repository
public class IdentityModeRows {

    private final JdbcClient jdbc;
    /** Each forum's mode, read for every byline of every page (ADR 51); evicted below where the modes change. */
    private final RowCache<Long, List<ForumIdentity>> forums = RowCache.of(50_000);

    IdentityModeRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ForumIdentity> forums(Collection<Long> forumIds) {
        return forumIds.stream().distinct().flatMap(forumId -> forums.get(forumId, this::read).stream()).toList();
    }

    private List<ForumIdentity> read(long forumId) {
        return read(List.of(forumId));
    }

    private List<ForumIdentity> read(Collection<Long> forumIds) {
        return jdbc.sql("""
                        select f.id, f.jam_id, coalesce(f.identity_mode, j.identity_mode) as mode,
                               j.pseudonym_shows_country
                        from forum f join jam j on j.id = f.jam_id where f.id in (:ids)""")
                .param("ids", forumIds)
                .query((rs, n) -> new ForumIdentity(rs.getLong(1), rs.getLong(2), IdentityMode.valueOf(rs.getString(3)),
                        rs.getBoolean(4)))
                .list();
    }

    public IdentityMode jamMode(long jamId) {
        return jdbc.sql("select identity_mode from jam where id = ?").param(jamId).query(String.class).optional()
                .map(IdentityMode::valueOf).orElse(IdentityMode.NAMED);
    }

    public boolean anyHidden(long jamId) {
        return jdbc.sql("""
                        select count(*) from forum f join jam j on j.id = f.jam_id
                        where j.id = ? and coalesce(f.identity_mode, j.identity_mode) <> 'NAMED'""")
                .param(jamId).query(Long.class).single() > 0
                || jamMode(jamId).hidesNames();
    }

    public void setJam(long jamId, IdentityMode mode, boolean showsCountry) {
        jdbc.sql("update jam set identity_mode = ?, pseudonym_shows_country = ? where id = ?")
                .params(mode.name(), showsCountry, jamId).update();
        forums.evictAll(); // the Jam's forums that follow it; a Jam's mode changes seldom
    }

    public void setForum(long forumId, IdentityMode mode) {
        jdbc.sql("update forum set identity_mode = ? where id = ?").params(mode == null ? null : mode.name(), forumId)
                .update();
        forums.evict(forumId);
    }

    public boolean jamShowsCountry(long jamId) {
        return jdbc.sql("select pseudonym_shows_country from jam where id = ?").param(jamId).query(Boolean.class)
                .optional().orElse(false);
    }

    /** The forum's own mode; null where it follows its Jam. */
    public IdentityMode forumOwnMode(long forumId) {
        var modes = jdbc.sql("select identity_mode from forum where id = ?").param(forumId)
                .query((rs, n) -> rs.getString(1)).list();
        return modes.isEmpty() || modes.getFirst() == null ? null : IdentityMode.valueOf(modes.getFirst());
    }
}
