package org.incrowd.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.incrowd.discussion.ReactionKind;
import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.jam.Jam;
import org.incrowd.notify.NotificationKind;
import org.incrowd.review.IdeaJoins;
import org.incrowd.review.JoinKind;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.incrowd.support.MailCatcher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Both authors are asked by mail, the proposer hears of a decline, supporters hear where their support went. */
@IncrowdTest
class MergeTriggersIntegrationTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    IdeaJoins joins;
    @Autowired
    Inbox inbox;
    @Autowired
    Follows follows;

    @Test
    void bothAuthorsAreAskedByMailAndSupportersAreToldAfterTheMerge() throws Exception {
        var fixtures = Fixtures.of(context);
        var jam = fixtures.liveJam("Told joins");
        var forum = fixtures.forum(jam, "Ideas");
        var ada = member(fixtures, jam, "Ada Author");
        var ben = member(fixtures, jam, "Ben Author");
        var supporter = member(fixtures, jam, "Sue Supporter");
        var follower = member(fixtures, jam, "Finn Follower");
        var bystander = member(fixtures, jam, "Bo Bystander");
        var duplicate = fixtures.idea(forum, ada, "Night buses", "Buses after the late shift.");
        var survivor = fixtures.idea(forum, ben, "Late buses", "A bus when the shift ends.");
        fixtures.reacting().react(fixtures.actor(supporter), duplicate.id(), ReactionKind.AGREE);
        follows.set(follower.id(), Follows.Target.THREAD, duplicate.id(), Follows.State.FOLLOW, java.time.Instant.now());
        var organiser = fixtures.organiser();

        var join = joins.propose(fixtures.actor(organiser), jam.id(), JoinKind.MERGE, duplicate.id(), survivor.id(),
                "The same <script>alert(1)</script> bus");

        var toAda = MailCatcher.awaitOne(ada.email());
        var toBen = MailCatcher.awaitOne(ben.email());
        assertThat(MailCatcher.text(toAda)).contains("proposes to join your idea “Night buses”");
        assertThat(MailCatcher.text(toBen)).contains("proposes to join your idea “Late buses”");
        assertThat(MailCatcher.link(toAda, "/joins/" + join.id())).endsWith("/joins/" + join.id());
        assertThat(kinds(supporter)).isEmpty();

        joins.consent(fixtures.actor(ada), join.id(), true, null);
        joins.consent(fixtures.actor(ben), join.id(), true, null);

        for (var told : List.of(supporter, follower, ada, ben)) {
            assertThat(kinds(told)).as(told.displayName()).contains(NotificationKind.IDEAS_MERGED);
        }
        assertThat(kinds(bystander)).isEmpty();
        var toSupporter = MailCatcher.awaitOne(supporter.email());
        assertThat(MailCatcher.text(toSupporter)).contains("“Night buses” was joined with another idea: Late buses");
    }

    @Test
    void theProposerIsToldWhenAnAuthorDeclines() {
        var fixtures = Fixtures.of(context);
        var jam = fixtures.liveJam("Declined joins");
        var forum = fixtures.forum(jam, "Ideas");
        var ada = member(fixtures, jam, "Ada Author");
        var ben = member(fixtures, jam, "Ben Author");
        var facilitator = fixtures.person("Fay Facilitator", Role.PARTICIPANT);
        fixtures.facilitator(forum, facilitator);
        var one = fixtures.idea(forum, ada, "Shade", "Shade in the yard.");
        var two = fixtures.idea(forum, ben, "Trees", "Trees in the yard.");
        var join = joins.propose(fixtures.actor(facilitator), jam.id(), JoinKind.LINK, one.id(), two.id(), "Yard");

        joins.consent(fixtures.actor(ben), join.id(), false, "Trees are more than shade");

        assertThat(inbox.page(facilitator.id(), 0, 10)).singleElement().satisfies(notification -> {
            assertThat(notification.kind()).isEqualTo(NotificationKind.JOIN_DECLINED);
            assertThat(notification.link()).isEqualTo("/joins/" + join.id());
            assertThat(notification.params()).containsEntry("reason", "Trees are more than shade");
        });
    }

    private List<NotificationKind> kinds(Person person) {
        return inbox.page(person.id(), 0, 20).stream().map(Notification::kind).toList();
    }

    private static Person member(Fixtures fixtures, Jam jam, String name) {
        var person = fixtures.person(name, Role.PARTICIPANT);
        fixtures.join(jam, person);
        return person;
    }
}
