package org.incrowd.insight.themes;

import java.time.Instant;
import java.util.List;

/**
 * One change an analyst made to a scope's themes, or to who may make them. Decisions are kept in order and replayed
 * on every new snapshot, so they outlive recomputes; the same list is the record of who changed what, when.
 *
 * @param themeKey  the theme decided about (null for analyst changes)
 * @param targetKey the theme merged or moved into, or the key of a theme split off
 * @param label     the new name (rename, split), or the analyst's name (analyst changes)
 * @param posts     the posts split off or moved
 */
public record ThemeDecision(long id, long forumId, Kind kind, String themeKey, String targetKey, String label,
                            List<Long> posts, long personId, Instant madeAt) {

    public enum Kind {
        RENAME, MERGE, SPLIT, PIN, UNPIN, HIDE, SHOW, MOVE, ANALYST_NAMED, ANALYST_REMOVED;

        public String messageKey() {
            return "pulse.decision." + name();
        }
    }
}
