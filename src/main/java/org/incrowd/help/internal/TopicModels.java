package org.incrowd.help.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.incrowd.discussion.PostFeed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One {@link TopicModel} per help stream, held in memory: built from the stream's questions and their posts the first
 * time a question of the stream is routed after start-up (one pass, no reply is kept), then learnt per question.
 * Building lazily keeps start-up as fast as without streams; a stream nobody asks in costs nothing.
 */
@Component
class TopicModels {

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
