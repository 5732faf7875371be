package org.incrowd.review;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The stages of each Jam's review pipeline: the organiser's own, or the defaults. */
@Service
public class ReviewStages {

    /** new → under review → selected → in progress → implemented / not pursued. */
    public static final List<Stage> DEFAULTS = List.of(
            new Stage(Stage.NEW, null, StageOutcome.NEW, 0),
            new Stage("under-review", null, StageOutcome.OPEN, 1),
            new Stage("selected", null, StageOutcome.ACCEPTED, 2),
            new Stage("in-progress", null, StageOutcome.ACCEPTED, 3),
            new Stage("implemented", null, StageOutcome.ACCEPTED, 4),
            new Stage("not-pursued", null, StageOutcome.DECLINED, 5));

    private final JdbcClient jdbc;

    ReviewStages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The Jam's stages in pipeline order; the defaults while its organisers have configured none. */
    @Transactional(readOnly = true)
    public List<Stage> of(long jamId) {
        var configured = jdbc.sql("select stage_key, name, outcome, position from review_stage where jam_id = ?"
                        + " order by position")
                .param(jamId)
                .query((rs, n) -> new Stage(rs.getString(1), rs.getString(2), StageOutcome.valueOf(rs.getString(3)),
                        rs.getInt(4)))
                .list();
        return configured.isEmpty() ? DEFAULTS : configured;
    }

    public Optional<Stage> find(long jamId, String key) {
        return of(jamId).stream().filter(stage -> stage.key().equals(key)).findFirst();
    }
}
