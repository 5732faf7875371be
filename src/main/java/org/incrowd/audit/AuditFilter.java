package org.incrowd.audit;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A checked search of the audit trail.
 *
 * @param actorIds who acted (null: anyone; empty: nobody matched the name or address typed)
 * @param action   exactly this action, or null
 * @param subject  text the subject contains, or null
 * @param words    words that all appear in the reason
 * @param from     from this instant on, or null
 * @param until    before this instant, or null
 */
public record AuditFilter(Set<Long> actorIds, String action, String subject, List<String> words, Instant from,
                          Instant until) {

    public AuditFilter {
        actorIds = actorIds == null ? null : Set.copyOf(actorIds);
        words = List.copyOf(words);
    }
}
