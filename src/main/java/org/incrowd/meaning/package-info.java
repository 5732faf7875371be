/**
 * Meaning: what a text says, as a sentence vector. A sentence encoder runs inside the JVM ({@link
 * org.incrowd.meaning.SentenceEncoder}: the bundled English all-MiniLM-L6-v2 by default, any sentence-transformer
 * exported to ONNX by configuration). Every post is encoded once, after it is written or edited, outside the
 * writer's transaction, and its vector is stored ({@link org.incrowd.meaning.PostVectors}), so that themes, similar
 * ideas and search read vectors instead of computing them. Posts in a language the model does not cover get no
 * vector: they keep the per-language TF-IDF path. See ADR 0056.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Meaning", allowedDependencies = {
        "text", // only posts in a language the model covers are encoded
        "discussion", // encodes posts (PostFeed) and follows their events
        "shared" // the start-up catch-up runs at the lowest scheduling priority (BackgroundPriority)
})
package org.incrowd.meaning;
