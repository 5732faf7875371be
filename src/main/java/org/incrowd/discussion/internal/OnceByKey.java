package org.incrowd.discussion.internal;

import java.util.Optional;
import java.util.function.Supplier;
import org.incrowd.discussion.Post;
import org.springframework.dao.DuplicateKeyException;

/**
 * Writes a post once per request key: when two copies of one request ran at the same moment, the second fails on the
 * key after its transaction ended, and is answered with the post the first one wrote.
 */
final class OnceByKey {

    private OnceByKey() {
    }

    static Post write(Supplier<Post> write, Supplier<Optional<Post>> earlier) {
        try {
            return write.get();
        } catch (DuplicateKeyException e) {
            return earlier.get().orElseThrow(() -> e);
        }
    }
}
