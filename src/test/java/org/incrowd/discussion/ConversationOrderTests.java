package org.incrowd.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.incrowd.discussion.internal.PostRepository.Link;
import org.junit.jupiter.api.Test;

/** Replies read as a conversation: each right after the post it builds on, siblings oldest first. */
class ConversationOrderTests {

    private static final long IDEA = 1;

    @Test
    void eachReplyFollowsThePostItBuildsOn() {
        // 2 and 3 answer the idea; 4 builds on 2, arriving after 3; 5 builds on 4; 6 on 3.
        var links = List.of(new Link(2, IDEA), new Link(3, IDEA), new Link(4, 2L), new Link(5, 4L), new Link(6, 3L));
        assertThat(Reading.conversationOrder(links)).containsExactly(2L, 4L, 5L, 3L, 6L);
    }

    @Test
    void siblingsStayInTheOrderTheyWereWritten() {
        var links = List.of(new Link(10, IDEA), new Link(11, 10L), new Link(12, 10L), new Link(13, 10L));
        assertThat(Reading.conversationOrder(links)).containsExactly(10L, 11L, 12L, 13L);
    }

    @Test
    void aDeepChainDoesNotOverflowTheStack() {
        var links = new java.util.ArrayList<Link>();
        links.add(new Link(2, IDEA));
        for (long id = 3; id < 20_003; id++) {
            links.add(new Link(id, id - 1));
        }
        var ordered = Reading.conversationOrder(links);
        assertThat(ordered).hasSize(20_001).startsWith(2L, 3L, 4L).endsWith(20_002L);
    }
}
