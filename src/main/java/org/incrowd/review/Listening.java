package org.incrowd.review;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.incrowd.identity.Actor;
import org.incrowd.jam.ForumRole;
import org.incrowd.jam.JamService;
import org.incrowd.shared.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Listening figures: how well a Jam answers the ideas it was given. An idea is acknowledged once it left its new stage,
 * decided while it stands in an accepting or declining stage; the time to a first answer is from posting to the first
 * acknowledgement (median over the acknowledged ideas). Each figure is one SQL aggregate over {@code idea_review},
 * grouped by forum, participant type and unit, or limited to a host's forums, so a Jam of any size costs a few
 * statements and never loads its ideas.
 */
@Service
public class Listening {

    /** The ledger's action when organisers make the figures public or private again (detail: "public"/"private"). */
    public static final String LISTENING_SHARED = "LISTENING_SHARED";

    /** One row of figures: {@code medianToFirstAnswer} null while no idea was acknowledged. */
    public record Row(String label, long ideas, long acknowledged, long decided, Duration medianToFirstAnswer) {

        public int acknowledgedPercent() {
            return percent(acknowledged);
        }

        public int decidedPercent() {
            return percent(decided);
        }

        private int percent(long count) {
            return ideas == 0 ? 0 : (int) Math.round(count * 100.0 / ideas);
        }
    }

    /** A Jam's figures: the whole Jam, then per forum, host, unit (null: none given) and participant type. */
    public record Figures(long jamId, boolean shared, Row jam, List<Row> forums, List<Row> hosts, List<Row> units,
                          List<Row> types) {
    }

    private final JamService jams;
    private final ReviewAccess access;
    private final ReviewStages stages;
    private final ReviewLedger ledger;
    private final JdbcClient jdbc;
    private final Clock clock;

    Listening(JamService jams, ReviewAccess access, ReviewStages stages, ReviewLedger ledger, JdbcClient jdbc,
              Clock clock) {
        this.jams = jams;
        this.access = access;
        this.stages = stages;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether everyone who may read the Jam sees its figures (organisers always do). */
    @Transactional(readOnly = true)
    public boolean isPublic(long jamId) {
        return jdbc.sql("select is_public from review_listening where jam_id = ?").param(jamId).query(Boolean.class)
                .optional().orElse(false);
    }

    /** Organisers, and everyone who may read the Jam once the organisers made the figures public. */
    @Transactional(readOnly = true)
    public Figures of(Actor reader, long jamId) {
        jams.require(reader, jamId);
        boolean shared = isPublic(jamId);
        if (!shared && !access.mayReview(reader, jamId)) {
            throw Refusal.forbidden("listening.organisersOnly");
        }
        var decided = stages.of(jamId).stream().filter(stage -> stage.outcome().decided()).map(Stage::key).toList();
        var forums = jams.forums(reader, jamId);
        var forumTitles = new HashMap<String, String>();
        forums.forEach(forum -> forumTitles.put(Long.toString(forum.id()), forum.title()));
        var whole = rows("cast(jam_id as varchar(20))", "", Map.of(), jamId, decided, Map.of());
        var byForum = rows("cast(forum_id as varchar(20))", "", Map.of(), jamId, decided, forumTitles);
        var hostForums = new HashMap<Long, TreeSet<Long>>();
        var hostNames = new HashMap<Long, String>();
        jams.staff(forums).values().forEach(staff -> staff.stream().filter(s -> s.role() == ForumRole.HOST)
                .forEach(s -> {
                    hostForums.computeIfAbsent(s.personId(), id -> new TreeSet<>()).add(s.forumId());
                    hostNames.put(s.personId(), s.displayName());
                }));
        var byHost = new ArrayList<Row>();
        hostForums.forEach((host, ids) -> rows("cast(jam_id as varchar(20))", " and forum_id in (:forums)",
                Map.of("forums", ids), jamId, decided, Map.of()).stream().findFirst()
                .ifPresent(row -> byHost.add(new Row(hostNames.get(host), row.ideas(), row.acknowledged(),
                        row.decided(), row.medianToFirstAnswer()))));
        byHost.sort(Comparator.comparing(Row::label));
        return new Figures(jamId, shared, whole.isEmpty() ? new Row(null, 0, 0, 0, null) : whole.getFirst(),
                byForum, byHost, rows("author_unit", "", Map.of(), jamId, decided, Map.of()),
                rows("author_type", "", Map.of(), jamId, decided, Map.of()));
    }

    /** Organisers make the figures public, or private again; recorded in the ledger. */
    @Transactional
    public void share(Actor actor, long jamId, boolean shared) {
        access.requireReviewer(actor, jamId);
        jdbc.sql("""
                        merge into review_listening l using (values (cast(? as bigint))) v (jam_id)
                        on l.jam_id = v.jam_id
                        when matched then update set is_public = ?
                        when not matched then insert (jam_id, is_public) values (v.jam_id, ?)""")
                .params(jamId, shared, shared).update();
        ledger.record(new ReviewLedger.Act(jamId, null, null, LISTENING_SHARED, null, shared ? "public" : "private",
                null, actor.personId(), clock.instant(), true));
    }

    /**
     * One aggregate grouped by {@code group}: ideas, acknowledged, decided (in a stage of {@code decided}), and the
     * median seconds from posting to the first answer. Rows are labelled by {@code labels} where given.
     */
    private List<Row> rows(String group, String filter, Map<String, ?> filterParams, long jamId, List<String> decided,
                           Map<String, String> labels) {
        var query = jdbc.sql("select " + group + ", count(*), count(first_answer_at),"
                        + " sum(case when stage_key in (:decided) then 1 else 0 end),"
                        + " percentile_cont(0.5) within group (order by"
                        + " extract(epoch from first_answer_at) - extract(epoch from posted_at))"
                        + " from idea_review where jam_id = :jam" + filter
                        + " group by " + group + " order by " + group)
                .param("jam", jamId).param("decided", decided.isEmpty() ? List.of("") : decided);
        for (var param : filterParams.entrySet()) {
            query = query.param(param.getKey(), param.getValue());
        }
        return query.query((rs, n) -> {
            String key = rs.getString(1);
            var median = (Number) rs.getObject(5);
            return new Row(key == null ? null : labels.getOrDefault(key, key), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                    median == null ? null : Duration.ofSeconds(Math.round(median.doubleValue())));
        }).list();
    }
}
