package org.incrowd.help.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.incrowd.help.HelpQuestion;
import org.incrowd.help.QuestionStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Where each question stands (table {@code help_question}). */
@Repository
public class HelpQuestionRows {

    private static final String COLUMNS = "question_id, jam_id, forum_id, asker_id, asked_at, status, answers,"
            + " first_answer_at, last_answer_at, solution_id, solved_at, assignee_id, assigned_at";

    private final JdbcClient jdbc;

    HelpQuestionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new question waits for its first answer; a second call for the same question changes nothing. */
    void add(long questionId, long jamId, long forumId, long askerId, Instant askedAt) {
        jdbc.sql("""
                        merge into help_question q using (values (cast(? as bigint))) v (question_id)
                        on q.question_id = v.question_id
                        when not matched then insert (question_id, jam_id, forum_id, asker_id, asked_at, status, answers)
                            values (v.question_id, ?, ?, ?, ?, 'OPEN', 0)""")
                .params(questionId, jamId, forumId, askerId, Timestamp.from(askedAt)).update();
    }

    /** One more answer; an open question becomes answered. */
    void answered(long questionId, Instant at) {
        jdbc.sql("""
                        update help_question set answers = answers + 1,
                            first_answer_at = coalesce(first_answer_at, ?), last_answer_at = ?,
                            status = case when status = 'OPEN' then 'ANSWERED' else status end
                        where question_id = ?""")
                .params(Timestamp.from(at), Timestamp.from(at), questionId).update();
    }

    public void solved(long questionId, long answerId, Instant at) {
        jdbc.sql("update help_question set status = 'SOLVED', solution_id = ?, solved_at = ? where question_id = ?")
                .params(answerId, Timestamp.from(at), questionId).update();
    }

    public void assign(long questionId, long assigneeId, Instant at) {
        jdbc.sql("update help_question set assignee_id = ?, assigned_at = ? where question_id = ?")
                .params(assigneeId, Timestamp.from(at), questionId).update();
    }

    void moveThread(long questionId, long forumId) {
        jdbc.sql("update help_question set forum_id = ? where question_id = ?").params(forumId, questionId).update();
    }

    public Optional<HelpQuestion> find(long questionId) {
        return jdbc.sql("select " + COLUMNS + " from help_question where question_id = ?").param(questionId)
                .query(HelpQuestionRows::question).optional();
    }

    /**
     * A page of a stream, or of one topic when {@code forumId} is not null: questions still waiting for an answer
     * first, the longest waiting at the top; then answered ones by their latest answer; solved ones last. Each status
     * is one range of an index read in the order shown ({@code (jam_id | forum_id, status, ...)}, V96 and V118), so a
     * page reads only its own rows; a later page first counts the statuses before it (an index range each).
     */
    public List<HelpQuestion> stream(long jamId, Long forumId, int limit, int offset) {
        var page = new ArrayList<HelpQuestion>(limit);
        long skip = offset;
        for (var status : QuestionStatus.values()) {
            int wanted = limit - page.size();
            if (wanted <= 0) {
                break;
            }
            if (skip > 0) {
                long here = count(status, jamId, forumId); // an index range counted, no rows read
                if (skip >= here) {
                    skip -= here;
                    continue;
                }
            }
            page.addAll(streamOf(status, jamId, forumId, wanted, skip));
            skip = 0;
        }
        return page;
    }

    private List<HelpQuestion> streamOf(QuestionStatus status, long jamId, Long forumId, int limit, long offset) {
        var scope = forumId == null ? "jam_id = :scope" : "forum_id = :scope";
        var order = status == QuestionStatus.OPEN ? "asked_at, question_id" : "last_answer_at desc, question_id desc";
        return jdbc.sql("select " + COLUMNS + " from help_question where " + scope + " and status = :status order by "
                        + order + " offset :offset rows fetch next :limit rows only")
                .param("scope", forumId == null ? jamId : forumId).param("status", status.name())
                .param("limit", limit).param("offset", offset).query(HelpQuestionRows::question).list();
    }

    /** How many questions of a stream (or topic) stand at {@code status}. */
    public long count(QuestionStatus status, long jamId, Long forumId) {
        var scope = forumId == null ? "jam_id = ?" : "forum_id = ?";
        return jdbc.sql("select count(*) from help_question where " + scope + " and status = ?")
                .params(forumId == null ? jamId : forumId, status.name()).query(Long.class).single();
    }

    private static HelpQuestion question(ResultSet rs, int row) throws SQLException {
        return new HelpQuestion(rs.getLong("question_id"), rs.getLong("jam_id"), rs.getLong("forum_id"),
                rs.getLong("asker_id"), instant(rs, "asked_at"), QuestionStatus.valueOf(rs.getString("status")),
                rs.getInt("answers"), instant(rs, "first_answer_at"), instant(rs, "last_answer_at"),
                (Long) rs.getObject("solution_id", Long.class), instant(rs, "solved_at"),
                (Long) rs.getObject("assignee_id", Long.class), instant(rs, "assigned_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
