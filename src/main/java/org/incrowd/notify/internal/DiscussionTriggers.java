package org.incrowd.notify.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.incrowd.discussion.DiscussionEvents;
import org.incrowd.discussion.PostFeed;
import org.incrowd.discussion.PostText;
import org.incrowd.help.HelpQuestions;
import org.incrowd.notify.NotificationKind;
import org.incrowd.notify.NotificationParams;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Who is told what happens in a conversation. Runs inside the transaction of the post or the facilitator's action,
 * so a change that rolls back tells nobody. Each person hears of a new post once, by the most personal reason: the
 * author of the post it builds on (BUILD_ON for an idea, REPLY for a reply), then those it mentions (MENTION), then
 * the thread's followers (REPLY). The writer is never told of their own post, and a muted thread or forum tells
 * nothing; only one's own post being hidden or restored gets through a mute.
 */
@Component
class DiscussionTriggers {

    private final Inbox inbox;
    private final Follows follows;
    private final Mentions mentions;
    private final PostFeed posts;
    private final Clock clock;
    private final HelpQuestions helpQuestions;
    private final ActorNames actorNames;

    DiscussionTriggers(Inbox inbox, Follows follows, Mentions mentions, PostFeed posts,
                       Clock clock, HelpQuestions helpQuestions, ActorNames actorNames) {
        this.actorNames = actorNames;
        this.helpQuestions = helpQuestions;
        this.inbox = inbox;
        this.follows = follows;
        this.mentions = mentions;
        this.posts = posts;
        this.clock = clock;
    }

    @EventListener
    void on(DiscussionEvents.PostPublished event) {
        var texts = byId(posts.texts(event.parentId() == null ? List.of(event.postId())
                : List.of(event.postId(), event.parentId(), event.threadId())));
        var post = texts.get(event.postId());
        if (post == null) {
            return;
        }
        long writer = event.authorId();
        if (post.isIdea()) {
            follows.followUnlessChosen(writer, Follows.Target.THREAD, post.id(), clock.instant());
        }
        var told = new LinkedHashSet<Long>();
        told.add(writer);
        var parent = event.parentId() == null ? null : texts.get(event.parentId());
        var idea = texts.get(event.threadId());
        Long parentAuthor = parent == null || told.contains(parent.authorId()) ? null : parent.authorId();
        if (parentAuthor != null && parent.isIdea() && helpQuestions.isQuestion(parent.id())) {
            told.add(parentAuthor); // an asker hears of answers as HELP_ANSWERED (HelpAnswerTriggers), not twice
            parentAuthor = null;
        }
        var mentioned = new ArrayList<>(mentions.in(event.jamId(), post.text()));
        var followers = event.parentId() == null ? List.<Long>of()
                : follows.followersOfThread(event.threadId(), event.forumId());
        var everyone = new LinkedHashSet<Long>(mentioned);
        if (parentAuthor != null) {
            everyone.add(parentAuthor);
        }
        Set<Long> muted = follows.mutedAmong(everyone, event.threadId(), event.forumId());
        var params = params(writer, idea, post);
        String link = "/posts/" + post.id();
        if (parentAuthor != null && !muted.contains(parentAuthor)) {
            told.add(parentAuthor);
            inbox.deliver(parent.isIdea() ? NotificationKind.BUILD_ON : NotificationKind.REPLY, List.of(parentAuthor),
                    event.jamId(), link, params);
        }
        var mentionedNow = mentioned.stream().filter(p -> !muted.contains(p) && told.add(p)).toList();
        if (!mentionedNow.isEmpty()) {
            inbox.deliver(NotificationKind.MENTION, mentionedNow, event.jamId(), link, params);
        }
        var followersNow = followers.stream().filter(told::add).toList();
        if (!followersNow.isEmpty()) {
            inbox.deliver(NotificationKind.REPLY, followersNow, event.jamId(), link, params);
        }
    }

    /** The author learns why; a mute does not hide this from them. */
    @EventListener
    void on(DiscussionEvents.PostHidden event) {
        inbox.deliver(NotificationKind.POST_HIDDEN, List.of(event.authorId()), event.jamId(), "/posts/" + event.postId(),
                moderated(event.threadId(), event.reason()));
    }

    @EventListener
    void on(DiscussionEvents.PostRestored event) {
        inbox.deliver(NotificationKind.POST_RESTORED, List.of(event.authorId()), event.jamId(),
                "/posts/" + event.postId(), moderated(event.threadId(), event.reason()));
    }

    /** {@code who} wrote, in the thread {@code title}, the words {@code excerpt}. */
    private Map<String, String> params(long writer, PostText idea, PostText post) {
        var params = new HashMap<String, String>();
        params.put(NotificationParams.ACTOR, actorNames.in(post, writer));
        params.put(NotificationParams.TITLE, Excerpts.of(idea == null ? null : idea.title(), Excerpts.TITLE));
        params.put(NotificationParams.TEXT, Excerpts.of(post.body(), Excerpts.TEXT));
        return params;
    }

    /** The thread's title (its idea may be the hidden post itself: then there is none to show) and the reason. */
    private Map<String, String> moderated(long threadId, String reason) {
        var idea = posts.texts(List.of(threadId));
        return Map.of(NotificationParams.TITLE, Excerpts.of(idea.isEmpty() ? null : idea.getFirst().title(), Excerpts.TITLE),
                NotificationParams.REASON, reason == null ? "" : reason);
    }

    private static Map<Long, PostText> byId(List<PostText> texts) {
        var byId = new HashMap<Long, PostText>();
        texts.forEach(text -> byId.put(text.id(), text));
        return byId;
    }
}
