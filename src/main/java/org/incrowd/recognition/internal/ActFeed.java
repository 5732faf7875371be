package org.incrowd.recognition.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.incrowd.discussion.DiscussionEvents;
import org.incrowd.discussion.PostFeed;
import org.incrowd.discussion.PostText;
import org.incrowd.facilitation.FacilitationEvents;
import org.incrowd.help.HelpEvents;
import org.incrowd.recognition.CreditKind;
import org.incrowd.recognition.algorithm.GiverCredit;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records the acts that help others, as the modules where they happen announce them, in the transaction of the act
 * (a taken-back helpful mark takes its credit back with it). Each act is kept once however often it is heard; the
 * weighting happens later, over all of a Jam's acts ({@link GiverCredit}).
 */
@Component
class ActFeed {

    /**
     * Who counts as new to a Jam: a person is a newcomer in the thread of any of their first posts there, so a reply
     * to one of them that they mark helpful (or as the solution) earns its author credit for helping a newcomer.
     */
    static final int NEWCOMER_POSTS = 3;

    private final RecognitionRows rows;
    private final PostFeed posts;
    private final RecomputeSchedule schedule;
    private final Clock clock;

    ActFeed(RecognitionRows rows, PostFeed posts, RecomputeSchedule schedule, Clock clock) {
        this.rows = rows;
        this.posts = posts;
        this.schedule = schedule;
        this.clock = clock;
    }

    @EventListener
    void on(DiscussionEvents.PostPublished event) {
        rows.firstPost(event.jamId(), event.authorId(), event.postId(), NEWCOMER_POSTS);
        // Team work: a team member's build-on on the team's idea, credited from the idea's author.
        if (event.parentId() != null && rows.inTeam(event.threadId(), event.authorId())) {
            post(event.threadId()).ifPresent(idea -> act(event.jamId(), CreditKind.TEAM, event.postId(),
                    event.authorId(), idea.authorId()));
        }
    }

    @EventListener
    void on(DiscussionEvents.MarkedHelpful event) {
        post(event.postId()).ifPresent(post -> {
            rows.act(event.jamId(), CreditKind.HELPFUL, post.id(), post.authorId(), event.personId(), clock.instant());
            if (post.parentId() != null && rows.isFirstPostOf(post.parentId(), event.personId())) {
                rows.act(event.jamId(), CreditKind.NEWCOMER, post.id(), post.authorId(), event.personId(),
                        clock.instant());
            }
            schedule.changed(event.jamId());
        });
    }

    @EventListener
    void on(DiscussionEvents.HelpfulUnmarked event) {
        rows.withdraw(CreditKind.HELPFUL, event.postId(), event.personId());
        rows.withdraw(CreditKind.NEWCOMER, event.postId(), event.personId());
        schedule.changed(event.jamId());
    }

    /** The solution of a question is one answer: a mark moved to another answer moves the credit with it. */
    @EventListener
    void on(HelpEvents.SolutionMarked event) {
        rows.withdrawAll(CreditKind.SOLUTION, event.questionId());
        rows.withdrawAll(CreditKind.NEWCOMER, event.questionId());
        rows.act(event.jamId(), CreditKind.SOLUTION, event.questionId(), event.answererId(), event.askerId(),
                clock.instant());
        if (rows.isFirstPostOf(event.questionId(), event.askerId())) {
            rows.act(event.jamId(), CreditKind.NEWCOMER, event.questionId(), event.answererId(), event.askerId(),
                    clock.instant());
        }
        schedule.changed(event.jamId());
    }

    @EventListener
    void on(DiscussionEvents.BuildOnAdopted event) {
        act(event.jamId(), CreditKind.BUILD_ON, event.buildOnId(), event.builderId(), event.adopterId());
    }

    /** An undone adoption takes its credit back, whoever of the idea's team undid it. */
    @EventListener
    void on(DiscussionEvents.BuildOnAdoptionUndone event) {
        rows.withdrawGiven(CreditKind.BUILD_ON, event.buildOnId(), event.builderId());
        schedule.changed(event.jamId());
    }

    @EventListener
    void on(DiscussionEvents.TeamJoined event) {
        rows.joinTeam(event.ideaId(), event.personId());
        post(event.ideaId()).ifPresent(idea -> act(event.jamId(), CreditKind.TEAM, event.ideaId(), event.personId(),
                idea.authorId()));
    }

    /** Leaving takes back the credit for joining; the work done in the team stays done. */
    @EventListener
    void on(DiscussionEvents.TeamLeft event) {
        rows.leaveTeam(event.ideaId(), event.personId());
        rows.withdrawGiven(CreditKind.TEAM, event.ideaId(), event.personId());
        schedule.changed(event.jamId());
    }

    @EventListener
    void on(DiscussionEvents.FeaturedByFacilitator event) {
        act(event.jamId(), CreditKind.FACILITATION, event.postId(), event.facilitatorId(), event.authorId());
    }

    @EventListener
    void on(FacilitationEvents.AnnouncedBy event) {
        act(event.jamId(), CreditKind.FACILITATION, event.announcementId(), event.authorId(), GiverCredit.COMMUNITY);
    }

    @EventListener
    void on(DiscussionEvents.ProxyIdeaClaimed event) {
        act(event.jamId(), CreditKind.PROXY, event.ideaId(), event.enteredById(), event.claimantId());
    }

    private void act(long jamId, CreditKind kind, long subjectId, long giverId, long beneficiaryId) {
        rows.act(jamId, kind, subjectId, giverId, beneficiaryId, clock.instant());
        schedule.changed(jamId);
    }

    private Optional<PostText> post(long postId) {
        return posts.texts(List.of(postId)).stream().findFirst();
    }
}
