package org.incrowd.meaning.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.incrowd.meaning.Vectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The rows of {@code meaning_post_vector} and {@code meaning_progress}. */
@Repository
public class PostVectorStore {

    /** Ids per query: well below every database's limit on bound parameters. */
    private static final int CHUNK = 1_000;

    /** One post's encoding: its vector, or null when the model does not cover its language. */
    public record Encoded(long postId, long textHash, float[] vector) {
    }

    public record Progress(long lastPostId, Instant lastEdit) {
        static final Progress NONE = new Progress(0, Instant.EPOCH);
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    PostVectorStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public Map<Long, float[]> vectors(String model, Collection<Long> postIds) {
        var vectors = new HashMap<Long, float[]>();
        for (var chunk : chunks(postIds)) {
            jdbc.sql("select post_id, vector from meaning_post_vector where model = :model and vector is not null"
                            + " and post_id in (:ids)")
                    .param("model", model).param("ids", chunk)
                    .query((row, n) -> vectors.put(row.getLong(1), Vectors.fromBytes(row.getBytes(2)))).list();
        }
        return vectors;
    }

    /** The hash of the text each of these posts was encoded from (posts never encoded are left out). */
    Map<Long, Long> textHashes(String model, Collection<Long> postIds) {
        var hashes = new HashMap<Long, Long>();
        for (var chunk : chunks(postIds)) {
            jdbc.sql("select post_id, text_hash from meaning_post_vector where model = :model and post_id in (:ids)")
                    .param("model", model).param("ids", chunk)
                    .query((row, n) -> hashes.put(row.getLong(1), row.getLong(2))).list();
        }
        return hashes;
    }

    /** Of these posts, those with a row of this model (encoded, or looked at and not covered). */
    public Set<Long> known(String model, Collection<Long> postIds) {
        return new HashSet<>(textHashes(model, postIds).keySet());
    }

    /** Stores the vectors and the progress in one transaction: a crash in between encodes a batch again, no more. */
    @Transactional
    void save(String model, List<Encoded> encoded, Progress progress, Instant now) {
        for (var chunk : chunks(encoded.stream().map(Encoded::postId).toList())) {
            jdbc.sql("delete from meaning_post_vector where model = :model and post_id in (:ids)")
                    .param("model", model).param("ids", chunk).update();
        }
        batch.batchUpdate("insert into meaning_post_vector (post_id, model, text_hash, vector, encoded_at)"
                        + " values (?, ?, ?, ?, ?)", encoded, 500, (statement, row) -> {
                    statement.setLong(1, row.postId());
                    statement.setString(2, model);
                    statement.setLong(3, row.textHash());
                    statement.setBytes(4, row.vector() == null ? null : Vectors.toBytes(row.vector()));
                    statement.setTimestamp(5, Timestamp.from(now));
                });
        int updated = jdbc.sql("update meaning_progress set last_post_id = :id, last_edit = :edit where model = :model")
                .param("id", progress.lastPostId()).param("edit", Timestamp.from(progress.lastEdit()))
                .param("model", model).update();
        if (updated == 0) {
            jdbc.sql("insert into meaning_progress (model, last_post_id, last_edit) values (:model, :id, :edit)")
                    .param("model", model).param("id", progress.lastPostId())
                    .param("edit", Timestamp.from(progress.lastEdit())).update();
        }
    }

    Progress progress(String model) {
        return jdbc.sql("select last_post_id, last_edit from meaning_progress where model = :model")
                .param("model", model)
                .query((row, n) -> new Progress(row.getLong(1), row.getTimestamp(2).toInstant()))
                .optional().orElse(Progress.NONE);
    }

    private static <T> List<List<T>> chunks(Collection<T> items) {
        var all = List.copyOf(items);
        var chunks = new ArrayList<List<T>>();
        for (int start = 0; start < all.size(); start += CHUNK) {
            chunks.add(all.subList(start, Math.min(all.size(), start + CHUNK)));
        }
        return chunks;
    }
}
