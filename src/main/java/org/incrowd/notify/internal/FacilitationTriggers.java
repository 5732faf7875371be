package org.incrowd.notify.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.incrowd.discussion.PostFeed;
import org.incrowd.facilitation.FacilitationEvents;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.Person;
import org.incrowd.jam.Forum;
import org.incrowd.jam.ForumStaff;
import org.incrowd.jam.JamService;
import org.incrowd.notify.NotificationKind;
import org.incrowd.notify.NotificationParams;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Who is told what facilitators and guests do: a new flag reaches the forum's hosts and facilitators (never who
 * flagged); a guest session starting reaches the forum's followers; an announcement marked "also by e-mail" reaches
 * the Jam's members (for a forum's announcement, those who did not mute the forum).
 */
@Component
class FacilitationTriggers {

    private final Inbox inbox;
    private final Follows follows;
    private final JamService jams;
    private final PostFeed posts;
    private final IdentityService identity;

    FacilitationTriggers(Inbox inbox, Follows follows, JamService jams, PostFeed posts, IdentityService identity) {
        this.inbox = inbox;
        this.follows = follows;
        this.jams = jams;
        this.posts = posts;
        this.identity = identity;
    }

    @EventListener
    void on(FacilitationEvents.PostFlagged event) {
        var forum = jams.findForum(event.forumId()).orElseThrow();
        var staff = jams.staff(List.of(forum)).getOrDefault(forum.id(), List.of()).stream()
                .map(ForumStaff::personId).toList();
        if (staff.isEmpty()) {
            return;
        }
        var post = posts.texts(List.of(event.postId()));
        inbox.deliver(NotificationKind.FLAG_RAISED, staff, event.jamId(), "/forums/" + forum.id() + "/console",
                Map.of(NotificationParams.FORUM, forum.title(), NotificationParams.REASON, event.reason(),
                        NotificationParams.TEXT, Excerpts.of(post.isEmpty() ? null : post.getFirst().text(), Excerpts.TEXT)));
    }

    @EventListener
    void on(FacilitationEvents.GuestSessionStarted event) {
        var followers = follows.followersOfForum(event.forumId());
        if (followers.isEmpty()) {
            return;
        }
        var forum = jams.findForum(event.forumId()).map(Forum::title).orElse("");
        inbox.deliver(NotificationKind.GUEST_SESSION, followers, event.jamId(), "/forums/" + event.forumId(),
                Map.of(NotificationParams.FORUM, forum, NotificationParams.TITLE, event.label(),
                        NotificationParams.ACTOR, identity.find(event.guestId()).map(Person::displayName).orElse("")));
    }

    @EventListener
    void on(FacilitationEvents.AnnouncementMailed event) {
        String jam = jams.findAll(List.of(event.jamId())).get(event.jamId()).title();
        var params = Map.of(NotificationParams.JAM, jam, NotificationParams.TEXT, event.text(),
                NotificationParams.ACTOR, identity.find(event.authorId()).map(Person::displayName).orElse(""));
        if (event.forumId() == null) {
            inbox.deliverToJamMembers(NotificationKind.ANNOUNCEMENT, event.jamId(), "/jams/" + event.jamId(), params);
            return;
        }
        var muted = follows.mutersOfForum(event.forumId());
        var members = new ArrayList<Long>();
        jams.forEachMember(event.jamId(), person -> {
            if (!muted.contains(person)) {
                members.add(person);
            }
        });
        inbox.deliver(NotificationKind.ANNOUNCEMENT, members, event.jamId(), "/forums/" + event.forumId(), params);
    }
}
