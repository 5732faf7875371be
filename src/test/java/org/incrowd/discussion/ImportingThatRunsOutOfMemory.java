package org.incrowd.discussion;

import java.util.List;
import java.util.stream.LongStream;
import org.incrowd.identity.Actor;

/**
 * An import whose statements go in and whose votes then exhaust the heap: how an import of a conversation too large
 * for the node ends. Stores nothing.
 */
public final class ImportingThatRunsOutOfMemory extends Importing {

    public ImportingThatRunsOutOfMemory() {
        super(null, null, null);
    }

    @Override
    public List<Long> importStatements(Actor actor, long forumId, List<ImportedStatement> statements) {
        return LongStream.rangeClosed(1, statements.size()).boxed().toList();
    }

    @Override
    public void importReactions(Actor actor, long forumId, List<ImportedReaction> reactions) {
        throw new OutOfMemoryError("Java heap space");
    }
}
