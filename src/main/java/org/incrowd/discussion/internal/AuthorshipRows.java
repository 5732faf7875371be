package org.incrowd.discussion.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Proxy ideas, idea teams and adopted build-ons in plain SQL (one query per page for each, whatever its size). */
@Repository
public class AuthorshipRows {

    /** A proxy idea as stored; names are resolved by the service. */
    public record Proxy(long ideaId, long jamId, long enteredBy, String forName, String forPlace, String forEmail,
                        String consentHow, String claimCode, Instant enteredAt, Long claimedBy, Instant claimedAt) {
    }

    public record Membership(long ideaId, long personId, Instant joinedAt) {
    }

    public record Adoption(long buildOnId, long ideaId, long adopterId, Instant adoptedAt) {
    }

    private static final String PROXY = "select idea_id, jam_id, entered_by, for_name, for_place, for_email, "
            + "consent_how, claim_code, entered_at, claimed_by, claimed_at from proxy_idea";

    private final JdbcClient jdbc;

    AuthorshipRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertProxy(Proxy proxy) {
        jdbc.sql("""
                        insert into proxy_idea (idea_id, jam_id, entered_by, for_name, for_place, for_email,
                            consent_how, claim_code, entered_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(proxy.ideaId(), proxy.jamId(), proxy.enteredBy(), proxy.forName(), proxy.forPlace(),
                        proxy.forEmail(), proxy.consentHow(), proxy.claimCode(), Timestamp.from(proxy.enteredAt()))
                .update();
    }

    public Optional<Proxy> proxyByCode(String code) {
        return jdbc.sql(PROXY + " where claim_code = ?").param(code).query(AuthorshipRows::proxy).optional();
    }

    public Map<Long, Proxy> proxies(Collection<Long> ideaIds) {
        var byIdea = new HashMap<Long, Proxy>();
        if (!ideaIds.isEmpty()) {
            jdbc.sql(PROXY + " where idea_id in (:ids)").param("ids", ideaIds).query(AuthorshipRows::proxy).list()
                    .forEach(proxy -> byIdea.put(proxy.ideaId(), proxy));
        }
        return byIdea;
    }

    /** Marks the proxy idea claimed and makes the claimant its author; false if someone claimed it first. */
    public boolean claim(long ideaId, long claimantId, Instant at) {
        int claimed = jdbc.sql("update proxy_idea set claimed_by = ?, claimed_at = ? where idea_id = ? and claimed_by is null")
                .params(claimantId, Timestamp.from(at), ideaId).update();
        if (claimed == 0) {
            return false;
        }
        jdbc.sql("update post set author_id = ? where id = ?").params(claimantId, ideaId).update();
        jdbc.sql("delete from idea_team where idea_id = ? and person_id = ?").params(ideaId, claimantId).update();
        return true;
    }

    public boolean join(long ideaId, long personId, Instant at) {
        if (isMember(ideaId, personId)) {
            return false;
        }
        jdbc.sql("insert into idea_team (idea_id, person_id, joined_at) values (?, ?, ?)")
                .params(ideaId, personId, Timestamp.from(at)).update();
        return true;
    }

    public boolean leave(long ideaId, long personId) {
        return jdbc.sql("delete from idea_team where idea_id = ? and person_id = ?").params(ideaId, personId)
                .update() > 0;
    }

    public boolean isMember(long ideaId, long personId) {
        return jdbc.sql("select count(*) from idea_team where idea_id = ? and person_id = ?")
                .params(ideaId, personId).query(Long.class).single() > 0;
    }

    public boolean hasTeam(long ideaId) {
        return jdbc.sql("select count(*) from idea_team where idea_id = ?").param(ideaId).query(Long.class)
                .single() > 0;
    }

    /** Each idea's team, earliest member first. */
    public Map<Long, List<Membership>> teams(Collection<Long> ideaIds) {
        var byIdea = new HashMap<Long, List<Membership>>();
        if (!ideaIds.isEmpty()) {
            jdbc.sql("select idea_id, person_id, joined_at from idea_team where idea_id in (:ids) "
                            + "order by joined_at, person_id").param("ids", ideaIds)
                    .query(rs -> {
                        var member = new Membership(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant());
                        byIdea.computeIfAbsent(member.ideaId(), id -> new ArrayList<>()).add(member);
                    });
        }
        return byIdea;
    }

    public boolean adopt(long buildOnId, long ideaId, long adopterId, Instant at) {
        if (!adoptedAmong(List.of(buildOnId)).isEmpty()) {
            return false;
        }
        jdbc.sql("insert into adopted_build_on (build_on_id, idea_id, adopter_id, adopted_at) values (?, ?, ?, ?)")
                .params(buildOnId, ideaId, adopterId, Timestamp.from(at)).update();
        return true;
    }

    public boolean unadopt(long buildOnId) {
        return jdbc.sql("delete from adopted_build_on where build_on_id = ?").param(buildOnId).update() > 0;
    }

    /** Which of these posts are adopted build-ons. */
    public Set<Long> adoptedAmong(Collection<Long> postIds) {
        var adopted = new HashSet<Long>();
        if (!postIds.isEmpty()) {
            jdbc.sql("select build_on_id from adopted_build_on where build_on_id in (:ids)").param("ids", postIds)
                    .query(rs -> {
                        adopted.add(rs.getLong(1));
                    });
        }
        return adopted;
    }

    /** The build-ons adopted into each idea, in the order they were adopted. */
    public Map<Long, List<Adoption>> adoptions(Collection<Long> ideaIds) {
        var byIdea = new HashMap<Long, List<Adoption>>();
        if (!ideaIds.isEmpty()) {
            jdbc.sql("select build_on_id, idea_id, adopter_id, adopted_at from adopted_build_on "
                            + "where idea_id in (:ids) order by adopted_at, build_on_id").param("ids", ideaIds)
                    .query(rs -> {
                        var adoption = new Adoption(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                                rs.getTimestamp(4).toInstant());
                        byIdea.computeIfAbsent(adoption.ideaId(), id -> new ArrayList<>()).add(adoption);
                    });
        }
        return byIdea;
    }

    private static Proxy proxy(ResultSet rs, int n) throws SQLException {
        var claimedAt = rs.getTimestamp(11);
        long claimedBy = rs.getLong(10);
        boolean unclaimed = rs.wasNull();
        return new Proxy(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant(),
                unclaimed ? null : claimedBy, claimedAt == null ? null : claimedAt.toInstant());
    }
}
