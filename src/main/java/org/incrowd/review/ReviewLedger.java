package org.incrowd.review;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.incrowd.identity.IdentityService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The response ledger: every act of the review (decisions, scores, answers, ratings, merges, report edits) with who,
 * when, what and why. Rows are only ever added, in the transaction of the act they record.
 */
@Service
public class ReviewLedger {

    /** An act to record; the ledger adds the id and, when read, the actor's name. */
    public record Act(long jamId, Long ideaId, String themeKey, String action, String stageKey, String detail,
                      String reason, long actorId, Instant at, boolean visibleToParticipants) {
    }

    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final IdentityService identity;

    ReviewLedger(JdbcClient jdbc, JdbcTemplate template, IdentityService identity) {
        this.jdbc = jdbc;
        this.template = template;
        this.identity = identity;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Act act) {
        recordAll(List.of(act));
    }

    /** Records many acts in batches (a bulk decision on thousands of ideas). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(Collection<Act> acts) {
        template.batchUpdate("""
                        insert into review_ledger (jam_id, idea_id, theme_key, action, stage_key, detail, reason,
                            actor_id, at, is_public) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                acts, BATCH, (ps, act) -> {
                    ps.setLong(1, act.jamId());
                    ps.setObject(2, act.ideaId());
                    ps.setString(3, act.themeKey());
                    ps.setString(4, act.action());
                    ps.setString(5, act.stageKey());
                    ps.setString(6, act.detail());
                    ps.setString(7, act.reason());
                    ps.setLong(8, act.actorId());
                    ps.setTimestamp(9, Timestamp.from(act.at()));
                    ps.setBoolean(10, act.visibleToParticipants());
                });
    }

    /** What happened to an idea, oldest first; {@code staffView} includes what participants do not see. */
    @Transactional(readOnly = true)
    public List<LedgerEntry> ofIdea(long ideaId, boolean staffView) {
        return named(jdbc.sql(SELECT + " where idea_id = ?" + (staffView ? "" : " and is_public") + " order by id")
                .param(ideaId).query(ReviewLedger::entry).list());
    }

    /** What was done in a Jam, newest first, a page at a time (for organisers). */
    @Transactional(readOnly = true)
    public List<LedgerEntry> ofJam(long jamId, int offset, int limit) {
        return named(jdbc.sql(SELECT + " where jam_id = ? order by id desc offset ? rows fetch next ? rows only")
                .params(jamId, offset, limit).query(ReviewLedger::entry).list());
    }

    private List<LedgerEntry> named(List<LedgerEntry> entries) {
        var people = identity.findAll(entries.stream().map(LedgerEntry::actorId).distinct().toList());
        return entries.stream().map(e -> new LedgerEntry(e.id(), e.jamId(), e.ideaId(), e.themeKey(), e.action(),
                e.stageKey(), e.detail(), e.reason(), e.actorId(),
                people.containsKey(e.actorId()) ? people.get(e.actorId()).displayName() : "", e.at(), e.public_()))
                .toList();
    }

    private static final String SELECT = """
            select id, jam_id, idea_id, theme_key, action, stage_key, detail, reason, actor_id, at, is_public
            from review_ledger""";

    private static LedgerEntry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new LedgerEntry(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3, Long.class), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getLong(9), null,
                rs.getTimestamp(10).toInstant(), rs.getBoolean(11));
    }
}
