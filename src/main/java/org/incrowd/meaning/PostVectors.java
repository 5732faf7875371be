package org.incrowd.meaning;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.incrowd.meaning.internal.PostEncodingFeed;
import org.incrowd.meaning.internal.PostVectorStore;
import org.springframework.stereotype.Service;

/** The stored sentence vectors of posts, of the model this node runs. */
@Service
public class PostVectors {

    private final SentenceEncoder encoder;
    private final PostVectorStore store;
    private final PostEncodingFeed feed;

    PostVectors(SentenceEncoder encoder, PostVectorStore store, PostEncodingFeed feed) {
        this.encoder = encoder;
        this.store = store;
        this.feed = feed;
    }

    /** The encoder that made the vectors: encode a query or a draft with it to compare with them. */
    public SentenceEncoder encoder() {
        return encoder;
    }

    /** The vectors of these posts; posts not encoded yet, or in a language the model does not cover, are left out. */
    public Map<Long, float[]> of(Collection<Long> postIds) {
        return store.vectors(encoder.model(), postIds);
    }

    public Optional<float[]> of(long postId) {
        return Optional.ofNullable(of(java.util.List.of(postId)).get(postId));
    }

    /**
     * Whether this node's encoder turns each post published here into a vector, a moment after it is committed
     * ({@link MeaningEvents.PostsEncoded} says when); where it does not, other nodes' encoders store the vectors.
     */
    public boolean encodesNewPosts() {
        return feed.encodesPosts();
    }

    /** Whether the encoder reached every post that existed when this node started (new ones follow within seconds). */
    public boolean caughtUp() {
        return feed.caughtUp();
    }
}
