package org.incrowd.review.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.incrowd.identity.IdentityService;
import org.incrowd.review.ThemeAnswer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Theme answers, the posts each covers, and their ratings (tables {@code theme_answer*}, {@code answer_rating}). */
@Repository
public class AnswerStore {

    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final IdentityService identity;

    AnswerStore(JdbcClient jdbc, JdbcTemplate template, IdentityService identity) {
        this.jdbc = jdbc;
        this.template = template;
        this.identity = identity;
    }

    /** Stores the answer and the theme's posts in batches (a theme may have thousands). */
    public long insert(long jamId, String themeKey, String themeLabel, String youSaid, String weDid, String why,
                       long by, Instant at, List<Long> posts) {
        var when = Timestamp.from(at);
        jdbc.sql("""
                        insert into theme_answer (jam_id, theme_key, theme_label, you_said, we_did, why, answered_by,
                            answered_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(jamId, themeKey, themeLabel.length() > 200 ? themeLabel.substring(0, 200) : themeLabel,
                        youSaid, weDid, why, by, when, when).update();
        long id = findByTheme(jamId, themeKey).orElseThrow();
        template.batchUpdate("insert into theme_answer_post (answer_id, post_id) values (?, ?)", posts, CHUNK,
                (ps, post) -> {
                    ps.setLong(1, id);
                    ps.setLong(2, post);
                });
        return id;
    }

    public Optional<Long> findByTheme(long jamId, String themeKey) {
        return jdbc.sql("select id from theme_answer where jam_id = ? and theme_key = ?").params(jamId, themeKey)
                .query(Long.class).optional();
    }

    public void update(long id, String youSaid, String weDid, String why, Instant at) {
        jdbc.sql("update theme_answer set you_said = ?, we_did = ?, why = ?, updated_at = ? where id = ?")
                .params(youSaid, weDid, why, Timestamp.from(at), id).update();
    }

    /** One rating per person: a second replaces the first. */
    public void rate(long answerId, long personId, ThemeAnswer.Verdict verdict, String comment, Instant at) {
        jdbc.sql("""
                        merge into answer_rating r
                        using (values (cast(? as bigint), cast(? as bigint))) v (answer_id, person_id)
                        on r.answer_id = v.answer_id and r.person_id = v.person_id
                        when matched then update set verdict = ?, comment = ?, rated_at = ?
                        when not matched then insert (answer_id, person_id, verdict, comment, rated_at)
                            values (v.answer_id, v.person_id, ?, ?, ?)""")
                .params(answerId, personId, verdict.name(), comment, Timestamp.from(at), verdict.name(), comment,
                        Timestamp.from(at)).update();
    }

    public Optional<ThemeAnswer> find(long id, long readerId) {
        return answers("a.id = ?", readerId, id).stream().findFirst();
    }

    /** The Jam's answers, newest first. */
    public List<ThemeAnswer> ofJam(long jamId, long readerId) {
        return answers("a.jam_id = ?", readerId, jamId);
    }

    /** The answer each of these posts belongs to, if any. */
    public Map<Long, ThemeAnswer> ofPosts(Collection<Long> postIds) {
        var byPost = new HashMap<Long, Long>();
        var ids = List.copyOf(postIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            jdbc.sql("select post_id, answer_id from theme_answer_post where post_id in (:ids)")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
                    .query((rs, n) -> byPost.put(rs.getLong(1), rs.getLong(2))).list();
        }
        var answers = new HashMap<Long, ThemeAnswer>();
        for (long answerId : new java.util.HashSet<>(byPost.values())) {
            find(answerId, 0).ifPresent(answer -> answers.put(answerId, answer));
        }
        var result = new HashMap<Long, ThemeAnswer>();
        byPost.forEach((post, answer) -> {
            if (answers.containsKey(answer)) {
                result.put(post, answers.get(answer));
            }
        });
        return result;
    }

    /** The posts an answer covers (its theme's posts when it was answered), ascending. */
    public List<Long> posts(long answerId) {
        return jdbc.sql("select post_id from theme_answer_post where answer_id = ? order by post_id")
                .param(answerId).query(Long.class).list();
    }

    /** The answers of a Jam by theme key. */
    public Map<String, ThemeAnswer> byTheme(long jamId) {
        var byTheme = new HashMap<String, ThemeAnswer>();
        ofJam(jamId, 0).forEach(answer -> byTheme.put(answer.themeKey(), answer));
        return byTheme;
    }

    private List<ThemeAnswer> answers(String where, long readerId, long value) {
        var found = jdbc.sql("""
                        select a.id, a.jam_id, a.theme_key, a.theme_label, a.you_said, a.we_did, a.why, a.answered_by,
                            a.answered_at, a.updated_at,
                            (select count(*) from theme_answer_post p where p.answer_id = a.id),
                            (select count(*) from answer_rating r where r.answer_id = a.id and r.verdict = 'YES'),
                            (select count(*) from answer_rating r where r.answer_id = a.id and r.verdict = 'PARTLY'),
                            (select count(*) from answer_rating r where r.answer_id = a.id and r.verdict = 'NO'),
                            m.verdict, m.comment
                        from theme_answer a
                        left join answer_rating m on m.answer_id = a.id and m.person_id = ?
                        where\s""" + where + " order by a.answered_at desc, a.id desc")
                .params(readerId, value).query(AnswerStore::answer).list();
        var names = identity.findAll(found.stream().map(ThemeAnswer::answeredBy).distinct().toList());
        return found.stream().map(a -> new ThemeAnswer(a.id(), a.jamId(), a.themeKey(), a.themeLabel(), a.youSaid(),
                a.weDid(), a.why(), a.answeredBy(),
                names.containsKey(a.answeredBy()) ? names.get(a.answeredBy()).displayName() : "", a.answeredAt(),
                a.updatedAt(), a.posts(), a.ratings(), a.mine())).toList();
    }

    private static ThemeAnswer answer(ResultSet rs, int row) throws SQLException {
        String verdict = rs.getString(15);
        return new ThemeAnswer(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getLong(8), null, rs.getTimestamp(9).toInstant(),
                rs.getTimestamp(10).toInstant(), rs.getInt(11),
                new ThemeAnswer.Ratings(rs.getInt(12), rs.getInt(13), rs.getInt(14)),
                verdict == null ? null : new ThemeAnswer.Rating(ThemeAnswer.Verdict.valueOf(verdict), rs.getString(16)));
    }
}
