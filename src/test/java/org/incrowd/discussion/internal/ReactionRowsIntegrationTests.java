package org.incrowd.discussion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.incrowd.discussion.ReactionKind;
import org.incrowd.identity.Role;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** How a reaction is stored: the person's latest choice stands, whatever moved their earlier one meanwhile. */
@IncrowdTest
class ReactionRowsIntegrationTests {

    @Autowired
    PostRepository posts;
    @Autowired
    ApplicationContext context;

    @Test
    void aChangedReactionWhoseEarlierRowWasRemovedMeanwhileIsStoredAnyway() {
        var fixtures = Fixtures.of(context);
        var forum = fixtures.forum(fixtures.liveJam("Reaction rows " + System.nanoTime()), "Ideas");
        var idea = fixtures.idea(forum, "Shorter meetings");
        long person = fixtures.person("Chang Changer", Role.PARTICIPANT).id();
        var at = Instant.parse("2026-12-07T09:00:00Z");

        posts.saveReaction(idea.id(), person, ReactionKind.AGREE, at, true);
        posts.saveReaction(idea.id(), person, ReactionKind.DISAGREE, at.plusSeconds(5), false);
        assertThat(posts.reaction(idea.id(), person)).contains(ReactionKind.DISAGREE);

        // The person saw their agreement and changed it, but a facilitator's join removed the row in between.
        posts.deleteReaction(idea.id(), person);
        posts.saveReaction(idea.id(), person, ReactionKind.PASS, at.plusSeconds(9), false);
        assertThat(posts.reaction(idea.id(), person)).contains(ReactionKind.PASS);
    }
}
