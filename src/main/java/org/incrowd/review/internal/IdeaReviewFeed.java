package org.incrowd.review.internal;

import java.util.HashSet;
import java.util.List;
import org.incrowd.discussion.DiscussionEvents;
import org.incrowd.discussion.PostFeed;
import org.incrowd.discussion.PostText;
import org.incrowd.identity.IdentityService;
import org.incrowd.jam.JamService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code idea_review} in step with the conversation: every new idea enters the review in the transaction that
 * posts it, a moved thread takes its review along, and ideas of an imported conversation enter after the import.
 */
@Component
class IdeaReviewFeed {

    private static final int PAGE = 1000;

    private final IdeaReviews reviews;
    private final IdentityService identity;
    private final PostFeed posts;
    private final JamService jams;

    IdeaReviewFeed(IdeaReviews reviews, IdentityService identity, PostFeed posts, JamService jams) {
        this.reviews = reviews;
        this.identity = identity;
        this.posts = posts;
        this.jams = jams;
    }

    @EventListener
    void on(DiscussionEvents.PostPublished event) {
        if (event.parentId() == null && !isHelpStream(event.jamId())) {
            var author = identity.require(event.authorId());
            var text = posts.texts(List.of(event.postId()));
            var postedAt = text.isEmpty() ? java.time.Instant.now() : text.getFirst().createdAt();
            reviews.add(event.postId(), event.jamId(), event.forumId(), event.authorId(),
                    author.participantType().name(), author.orgUnit(), postedAt);
        }
    }

    /** A help stream's root posts are questions to answer, not ideas to review (ADR 38). */
    private boolean isHelpStream(long jamId) {
        var jam = jams.findAll(List.of(jamId)).get(jamId);
        return jam != null && jam.kind().isHelpStream();
    }

    /** A claimed proxy idea is its person's: their decisions reach them, and front-line filters count their type. */
    @EventListener
    void on(DiscussionEvents.ProxyIdeaClaimed event) {
        var claimant = identity.require(event.claimantId());
        reviews.reassign(event.ideaId(), claimant.id(), claimant.participantType().name(), claimant.orgUnit());
    }

    @EventListener
    void on(DiscussionEvents.ThreadMoved event) {
        reviews.moveThread(event.threadId(), event.toForumId());
    }

    /** Imported statements come in one batch, without an event each: they enter the review from the post feed. */
    @EventListener
    void on(DiscussionEvents.ConversationImported event) {
        long after = reviews.lastIdeaId();
        List<PostText> page;
        while (!(page = posts.textsAfter(after, PAGE)).isEmpty()) {
            var authors = new HashSet<Long>();
            page.forEach(text -> authors.add(text.authorId()));
            var people = identity.findAll(authors);
            for (var text : page) {
                if (text.isIdea()) {
                    var author = people.get(text.authorId());
                    reviews.add(text.id(), text.jamId(), text.forumId(), text.authorId(),
                            author.participantType().name(), author.orgUnit(), text.createdAt());
                }
            }
            after = page.getLast().id();
        }
    }
}
