package org.incrowd.review;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Where given ideas stand, for modules that show decisions beside the ideas they cite (the Jam report). */
@Service
public class ReviewedIdeas {

    /** An idea's current stage and the written reason of its latest decision (null before the first). */
    public record Standing(long ideaId, Stage stage, String reason) {
    }

    private final JdbcClient jdbc;
    private final ReviewStages stages;

    ReviewedIdeas(JdbcClient jdbc, ReviewStages stages) {
        this.jdbc = jdbc;
        this.stages = stages;
    }

    /** The ideas among {@code ideaIds} that are ideas of the Jam, by id; replies and other Jams' ids are left out. */
    @Transactional(readOnly = true)
    public Map<Long, Standing> of(long jamId, Collection<Long> ideaIds) {
        var found = new LinkedHashMap<Long, Standing>();
        if (ideaIds.isEmpty()) {
            return found;
        }
        var pipeline = stages.of(jamId);
        jdbc.sql("select idea_id, stage_key, reason from idea_review where jam_id = :jam and idea_id in (:ids)")
                .param("jam", jamId).param("ids", ideaIds)
                .query((rs, n) -> {
                    String key = rs.getString(2);
                    var stage = pipeline.stream().filter(s -> s.key().equals(key)).findFirst()
                            .orElse(pipeline.getFirst());
                    return new Standing(rs.getLong(1), stage, rs.getString(3));
                }).list().forEach(standing -> found.put(standing.ideaId(), standing));
        return found;
    }
}
