package org.incrowd.discussion;

import java.time.Clock;
import java.time.Duration;
import org.incrowd.discussion.internal.RateLimits;
import org.incrowd.identity.Actor;
import org.incrowd.shared.Refusal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How fast one person may post and react: limits nobody meets by hand (20 posts, 60 reactions in any minute) that
 * stop a script from flooding a Jam. Each counts in the request's own transaction, so a refused or failed request
 * uses nothing, and exactly the limit gets through however many requests arrive at once.
 */
@Component
class Pace {

    static final Duration WINDOW = Duration.ofMinutes(1);

    private final RateLimits limits;
    private final Clock clock;
    private final int postsPerMinute;
    private final int reactionsPerMinute;

    Pace(RateLimits limits, Clock clock, @Value("${incrowd.posting.per-minute:20}") int postsPerMinute,
         @Value("${incrowd.reactions.per-minute:60}") int reactionsPerMinute) {
        this.limits = limits;
        this.clock = clock;
        this.postsPerMinute = postsPerMinute;
        this.reactionsPerMinute = reactionsPerMinute;
    }

    /** Ideas and replies. */
    void ofPosting(Actor actor) {
        keep(actor, "post", postsPerMinute, "post.tooFast");
    }

    /** Agree, disagree, pass and helpful marks, given or taken back. */
    void ofReacting(Actor actor) {
        keep(actor, "reaction", reactionsPerMinute, "reaction.tooFast");
    }

    private void keep(Actor actor, String action, int perMinute, String messageKey) {
        if (!limits.take(actor.personId(), action, perMinute, WINDOW, clock.instant())) {
            throw Refusal.tooMany(messageKey, perMinute);
        }
    }
}
