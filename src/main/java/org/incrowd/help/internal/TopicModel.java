package org.incrowd.help.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Which topic of one stream a question's words are closest to: a TF-IDF centroid per topic, learnt from the
 * questions people asked in that topic, compared by cosine similarity. Plain Java and deterministic (same questions,
 * same answer; ties go to the lower forum id).
 *
 * <p>Why it generalises: each topic is described only by the words its own askers used, weighted by how rarely the
 * stream as a whole uses them (inverse document frequency), so words every question shares ("order", "help") count
 * little and the words that set a topic apart count most. Each question counts once, whatever its length (its term
 * frequencies are normalised), so a few long questions cannot pull a centroid; nothing is tuned to a data set.
 *
 * <p>Updated per question in O(its words); the vocabulary is capped at {@link #MAX_TERMS} distinct stems per stream
 * so memory stays bounded however long the stream runs (new words past the cap are not learnt, known ones still
 * are). A topic's centroid length is cached and recomputed only when its questions changed or the stream grew by a
 * hundredth since, so routing reads a few hash maps rather than the whole vocabulary.
 */
final class TopicModel {

    static final int MAX_TERMS = 200_000;

    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final Map<Long, Topic> topics = new HashMap<>();
    private int documents;

    private static final class Topic {
        final Map<String, Double> weights = new HashMap<>(); // sum over its questions of tf / question length
        int questions;
        double norm = -1;
        int normAtDocuments;
        int normAtQuestions;
    }

    /** Learns one question asked in {@code forumId}: its stems and how often each occurs. */
    synchronized void add(long forumId, Map<String, Integer> counts) {
        if (counts.isEmpty()) {
            return;
        }
        documents++;
        var topic = topics.computeIfAbsent(forumId, id -> new Topic());
        topic.questions++;
        double length = counts.values().stream().mapToInt(Integer::intValue).sum();
        counts.forEach((term, count) -> {
            if (!documentFrequency.containsKey(term) && documentFrequency.size() >= MAX_TERMS) {
                return;
            }
            documentFrequency.merge(term, 1, Integer::sum);
            topic.weights.merge(term, count / length, Double::sum);
        });
    }

    /** The topic whose questions' words are closest to {@code counts}, if any shares a word with them. */
    synchronized OptionalLong closest(Map<String, Integer> counts) {
        var query = new HashMap<String, Double>();
        double queryNorm = 0;
        for (var entry : counts.entrySet()) {
            Integer df = documentFrequency.get(entry.getKey());
            if (df != null) {
                double weight = entry.getValue() * idf(df);
                query.put(entry.getKey(), weight);
                queryNorm += weight * weight;
            }
        }
        long best = -1;
        double bestScore = 0;
        for (long forumId : topics.keySet().stream().sorted().toList()) {
            var topic = topics.get(forumId);
            if (topic == null || query.isEmpty()) {
                continue;
            }
            double dot = 0;
            for (var entry : query.entrySet()) {
                Double weight = topic.weights.get(entry.getKey());
                if (weight != null) {
                    dot += entry.getValue() * weight * idf(documentFrequency.get(entry.getKey()));
                }
            }
            double score = dot == 0 ? 0 : dot / (norm(topic) * Math.sqrt(queryNorm));
            if (score > bestScore) {
                best = forumId;
                bestScore = score;
            }
        }
        return best < 0 ? OptionalLong.empty() : OptionalLong.of(best);
    }

    synchronized int questions() {
        return documents;
    }

    private double norm(Topic topic) {
        boolean stale = topic.norm < 0 || topic.normAtQuestions != topic.questions
                || documents - topic.normAtDocuments > topic.normAtDocuments / 100;
        if (stale) {
            double sum = 0;
            for (var entry : topic.weights.entrySet()) {
                double weight = entry.getValue() * idf(documentFrequency.get(entry.getKey()));
                sum += weight * weight;
            }
            topic.norm = Math.sqrt(sum);
            topic.normAtDocuments = documents;
            topic.normAtQuestions = topic.questions;
        }
        return topic.norm;
    }

    private double idf(int df) {
        return Math.log((documents + 1.0) / (df + 1.0)) + 1.0;
    }
}
