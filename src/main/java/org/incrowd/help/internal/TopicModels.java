package org.incrowd.help.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.incrowd.discussion.PostFeed;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One {@link TopicModel} per help stream, held in memory: rebuilt after start-up from the stream's questions and
 * their posts (one pass, no reply is kept), in the background so that start-up is not slowed, then learnt per
 * question. A question routed before its stream's model is ready waits for it (or builds it, for a stream created
 * since).
 */
@Component
class TopicModels {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TopicModels.class);

    private final Map<Long, TopicModel> models = new ConcurrentHashMap<>();
    private final TopicWords words = new TopicWords();
    private final JdbcClient jdbc;
    private final PostFeed posts;
    private final ExpertRows experts;

    TopicModels(JdbcClient jdbc, PostFeed posts, ExpertRows experts) {
        this.jdbc = jdbc;
        this.posts = posts;
        this.experts = experts;
    }

    /** Builds the models of every stream that has questions, one after the other, on a thread of its own. */
    @EventListener(ApplicationReadyEvent.class)
    void rebuildAfterStartUp() {
        Thread.ofVirtual().name("help-topic-models").start(() -> {
            try {
                jdbc.sql("select distinct jam_id from help_question").query(Long.class).list().forEach(this::of);
            } catch (RuntimeException e) {
                // Shutting down, or the database went away: routing builds what it needs on its first question.
                LOG.debug("Topic models not rebuilt after start-up", e);
            }
        });
    }

    TopicModel of(long jamId) {
        return models.computeIfAbsent(jamId, this::build);
    }

    Map<String, Integer> words(String text) {
        return words.counts(text);
    }

    /** Questions asked in a topic (not in a general one), learnt from what their askers wrote. */
    private TopicModel build(long jamId) {
        var general = experts.generalTopics(jamId);
        var topicOf = new HashMap<Long, Long>();
        jdbc.sql("select question_id, forum_id from help_question where jam_id = ?").param(jamId)
                .query(rs -> {
                    if (!general.contains(rs.getLong(2))) {
                        topicOf.put(rs.getLong(1), rs.getLong(2));
                    }
                });
        var model = new TopicModel();
        if (!topicOf.isEmpty()) {
            posts.forEachPostText(jamId, 0, (postId, forumId, authorId, createdAt, text) -> {
                Long topic = topicOf.get(postId);
                if (topic != null) {
                    model.add(topic, words.counts(text));
                }
            });
        }
        return model;
    }
}
