package org.incrowd.jam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import org.incrowd.discussion.PostDraft;
import org.incrowd.identity.Person;
import org.incrowd.identity.Role;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdBrowserTest;
import org.incrowd.support.SseClient;
import org.incrowd.shared.Refusal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;

/**
 * Removing someone from a Jam, by withdrawing their invitation or with the organisers' "remove member": their access
 * ends everywhere at once (reading, posting, joining again, the API and the live stream they have open), they are
 * told why, and the removal is recorded.
 */
@IncrowdBrowserTest
class MemberRemovalIntegrationTests {

    static final Duration WAIT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    Fixtures fixtures;
    Person ana;
    Person bea;

    @BeforeEach
    void twoPeople() {
        fixtures = Fixtures.of(context);
        ana = fixtures.person("Ana", Role.PARTICIPANT);
        bea = fixtures.person("Bea", Role.PARTICIPANT);
    }

    SseClient stream(Jam jam, Person person, String lastEventId) throws Exception {
        return new SseClient("http://localhost:" + port + "/live/jams/" + jam.id(), fixtures.token(person),
                lastEventId);
    }

    /** The organiser saves the Jam's form again, inviting exactly these addresses. */
    void invite(Jam jam, String... emails) {
        fixtures.jams().update(fixtures.actor(fixtures.organiser()), jam.id(), new JamDraft(jam.title(),
                jam.purpose(), jam.question(), local(jam.startsAt()), local(jam.endsAt()),
                "UTC", jam.audience(), true, String.join("\n", emails), jam.terms()));
    }

    static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static void refusedWith(Runnable action, HttpStatus status, String messageKey) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(Refusal.class, refusal -> {
            assertThat(refusal.status()).isEqualTo(status);
            assertThat(refusal.messageKey()).isEqualTo(messageKey);
        });
    }

    @Test
    void withdrawingAMembersInvitationEndsTheirAccessAndTheirOpenStreamAtOnce() throws Exception {
        var jam = fixtures.jam("Board " + System.nanoTime()).invitationOnly(ana.email(), bea.email()).create();
        var forum = fixtures.forum(jam, "Budget");
        fixtures.join(jam, ana);
        fixtures.join(jam, bea);
        try (var anasStream = stream(jam, ana, null); var beasStream = stream(jam, bea, null)) {
            invite(jam, bea.email());

            var removed = anasStream.next(1, "removed", WAIT);
            assertThat(removed).as("Ana's open page hears that she was removed").hasSize(1);
            assertThat(anasStream.next(Duration.ofSeconds(2))).as("and her stream ends").isNull();

            long idea = fixtures.idea(forum, bea, "Still here", "Bea carries on").id();
            var heard = new ArrayList<SseClient.Event>();
            for (var event = beasStream.next(WAIT); event != null; event = beasStream.next(WAIT)) {
                heard.add(event);
                if (event.type().equals("post")) {
                    break;
                }
            }
            assertThat(heard).extracting(SseClient.Event::type).as("Bea hears nothing of Ana's removal")
                    .doesNotContain("removed").endsWith("post");
            assertThat(heard.getLast().data()).contains("\"post\":" + idea);
        }
        refusedWith(() -> fixtures.jams().require(fixtures.actor(ana), jam.id()), HttpStatus.FORBIDDEN,
                "jam.invitationWithdrawn");
        refusedWith(() -> fixtures.posting().startThread(fixtures.actor(ana), forum.id(),
                new PostDraft("Let me in", "Please", "")), HttpStatus.FORBIDDEN, "jam.invitationWithdrawn");
        assertThat(fixtures.jams().visibleTo(fixtures.actor(ana))).extracting(Jam::id).doesNotContain(jam.id());
        try (var again = stream(jam, ana, null)) {
            assertThat(again.status()).isEqualTo(403);
            assertThat(again.text()).contains("Your invitation to this Jam was withdrawn");
        }
        var record = fixtures.jams().removals(fixtures.actor(fixtures.organiser()), jam.id());
        assertThat(record).singleElement().satisfies(removal -> {
            assertThat(removal.email()).isEqualTo(ana.email());
            assertThat(removal.invitationWithdrawn()).isTrue();
            assertThat(removal.removedByName()).isEqualTo(fixtures.organiser().displayName());
        });
    }

    @Test
    void aMemberRemovedFromAnOpenJamIsToldWhyAndCannotJoinAgain() {
        var jam = fixtures.liveJam("Open " + System.nanoTime());
        fixtures.join(jam, ana);
        fixtures.jams().removeMember(fixtures.actor(fixtures.organiser()), jam.id(), ana.email(),
                "Posted the same advert forty times.");

        assertThatThrownBy(() -> fixtures.jams().require(fixtures.actor(ana), jam.id()))
                .isInstanceOfSatisfying(Refusal.class, refusal -> {
                    assertThat(refusal.status()).isEqualTo(HttpStatus.FORBIDDEN);
                    assertThat(refusal.messageKey()).isEqualTo("jam.removed");
                    assertThat(refusal.arguments()).containsExactly("Posted the same advert forty times.");
                });
        refusedWith(() -> fixtures.join(jam, ana), HttpStatus.FORBIDDEN, "jam.removed");
        assertThat(fixtures.jams().isMember(jam.id(), ana.id())).isFalse();
        fixtures.join(jam, bea); // everyone else still comes in
    }

    @Test
    void invitingTheAddressAgainLetsThePersonBackIn() {
        var jam = fixtures.jam("Board " + System.nanoTime()).invitationOnly(ana.email()).create();
        fixtures.join(jam, ana);
        fixtures.jams().removeMember(fixtures.actor(fixtures.organiser()), jam.id(), ana.email(), "By mistake");
        assertThat(fixtures.jams().invitations(fixtures.actor(fixtures.organiser()), jam.id())).isEmpty();

        invite(jam, ana.email());

        fixtures.join(jam, ana);
        assertThat(fixtures.jams().require(fixtures.actor(ana), jam.id()).id()).isEqualTo(jam.id());
        assertThat(fixtures.jams().removals(fixtures.actor(fixtures.organiser()), jam.id()))
                .singleElement().satisfies(removal -> assertThat(removal.liftedAt()).isNotNull());
    }

    @Test
    void aRemovalNeedsAReasonAndSomeoneWhoIsInTheJam() {
        var jam = fixtures.liveJam("Open " + System.nanoTime());
        fixtures.join(jam, ana);
        var organiser = fixtures.actor(fixtures.organiser());
        assertThatThrownBy(() -> fixtures.jams().removeMember(organiser, jam.id(), ana.email(), "  "))
                .isInstanceOfSatisfying(Refusal.class,
                        refusal -> assertThat(refusal.errors().has("reason")).isTrue());
        assertThatThrownBy(() -> fixtures.jams().removeMember(organiser, jam.id(), bea.email(), "Never joined"))
                .isInstanceOfSatisfying(Refusal.class,
                        refusal -> assertThat(refusal.messageKey()).isEqualTo("jam.removal.notMember"));
        refusedWith(() -> fixtures.jams().removeMember(fixtures.actor(bea), jam.id(), ana.email(), "Rival"),
                HttpStatus.FORBIDDEN, "jam.organisersOnly");
        assertThat(fixtures.jams().isMember(jam.id(), ana.id())).isTrue();
    }
}
