package org.incrowd.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.incrowd.identity.Person;
import org.incrowd.notify.NotificationKind;
import org.incrowd.notify.NotificationParams;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.incrowd.support.MailCatcher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What a person is told, by the bell, the notifications page and mail, following their own choices: mail at once,
 * the daily digest, nothing; one-click unsubscribe; mark read; and whatever a person wrote stays text everywhere.
 * Notifications are delivered through the inbox directly, as the module's listeners do.
 */
@IncrowdTest
class NotificationsIntegrationTests {

    @Autowired
    org.incrowd.identity.internal.PersonRepository personRows;

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    Inbox inbox;
    @Autowired
    DailyDigest digest;
    @Autowired
    JdbcTemplate jdbc;

    private MockHttpServletResponse show(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path)
                .session(session).with(Fixtures.browser())).andReturn().getResponse();
    }

    /** Someone who has not followed their verification link (without the verification mail Fixtures.unverified sends). */
    private Person unverified(Fixtures fixtures, String name) {
        var person = fixtures.person(name);
        jdbc.update("update person set email_verified_at = null where id = ?", person.id());
        personRows.evict(person.id());
        return person;
    }

    private static Map<String, String> reply(String actor, String title) {
        return Map.of(NotificationParams.ACTOR, actor, NotificationParams.TITLE, title);
    }

    private void choose(MockHttpSession session, String... fields) throws Exception {
        var request = post("/notifications/preferences").session(session).with(csrf()).with(Fixtures.browser());
        for (int i = 0; i < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        assertThat(mvc.perform(request).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/notifications/preferences?saved");
    }

    @Test
    void aReplyRingsTheBellAndIsMailedAtOnceWithALinkAndOneClickUnsubscribe() throws Exception {
        var fixtures = Fixtures.of(context);
        var jam = fixtures.liveJam("Bell Jam");
        Person author = fixtures.person("Author Ann");
        var session = fixtures.signIn(author);
        assertThat(show(session, "/notifications/bell").getContentAsString())
                .contains("aria-label=\"Notifications, none unread\"");

        inbox.deliver(NotificationKind.REPLY, List.of(author.id()), jam.id(), "/threads/7#post-9",
                reply("Ben Builder", "Greener depots"));

        assertThat(show(session, "/notifications/bell").getContentAsString())
                .contains("aria-label=\"Notifications, 1 unread\"");
        assertThat(show(session, "/notifications").getContentAsString())
                .contains("Ben Builder replied to your post “Greener depots”");
        MimeMessage mail = MailCatcher.awaitOne(author.email());
        assertThat(mail.getSubject()).isEqualTo("Ben Builder replied to your post “Greener depots”");
        assertThat(MailCatcher.link(mail, "/threads/7")).endsWith("/threads/7#post-9");
        assertThat(MailCatcher.html(mail)).contains("href=\"http://localhost:").contains("/notifications/preferences");
        assertThat(mail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(mail.getHeader("List-Unsubscribe")[0]).matches("<http://\\S+/unsubscribe/" + author.id()
                + "\\.REPLY\\.[A-Za-z0-9_-]{43}>");
    }

    @Test
    void mailIsWrittenInTheRecipientsLanguage() throws Exception {
        var fixtures = Fixtures.of(context);
        var jam = fixtures.liveJam("Sprach-Jam");
        Person author = fixtures.person("Autorin Anna");
        jdbc.update("update person set language = 'de' where id = ?", author.id());
        personRows.evict(author.id());

        inbox.deliver(NotificationKind.REPLY, List.of(author.id()), jam.id(), "/threads/1", reply("Bea", "Idee"));

        var mail = MailCatcher.awaitOne(author.email());
        assertThat(mail.getSubject()).isEqualTo("Bea hat auf Ihren Beitrag „Idee“ geantwortet");
        assertThat(MailCatcher.text(mail)).contains("In Incrowd öffnen");
    }

    @Test
    void whoSwitchedAKindOffIsToldNothingOfIt() throws Exception {
        var fixtures = Fixtures.of(context);
        var jam = fixtures.liveJam("Quiet Jam");
        Person quiet = fixtures.person("Quiet Quinn");
        Person other = fixtures.person("Other Otto");
        choose(fixtures.signIn(quiet), "inApp.REPLY", "off", "mail.REPLY", "off");

        inbox.deliver(NotificationKind.REPLY, List.of(quiet.id(), other.id()), jam.id(), "/threads/1",
                reply("Ben", "Idea"));

        MailCatcher.awaitOne(other.email()); // sent in the same round as any mail to Quinn would have been
        assertThat(MailCatcher.messagesTo(quiet.email())).isEmpty();
        assertThat(inbox.unreadCount(quiet.id())).isZero();
        assertThat(inbox.unreadCount(other.id())).isEqualTo(1);
    }

    @Test
    void anAddressNotYetVerifiedIsToldInTheAppButNotMailed() throws Exception {
        var fixtures = Fixtures.of(context);
        var jam = fixtures.liveJam("Unverified Jam");
        Person unproven = unverified(fixtures, "Unproven Una");
        Person proven = fixtures.person("Proven Paul");

        inbox.deliver(NotificationKind.REPLY, List.of(unproven.id(), proven.id()), jam.id(), "/threads/1",
                reply("Ben", "Idea"));

        MailCatcher.awaitOne(proven.email()); // sent in the same round as any mail to Una would have been
        assertThat(MailCatcher.messagesTo(unproven.email())).isEmpty();
        assertThat(inbox.unreadCount(unproven.id())).isEqualTo(1);
    }

    @Test
    void theDailyDigestGathersTheDayInOneMailAndNothingToTellSendsNothing() throws Exception {
        var fixtures = Fixtures.of(context);
        var jam = fixtures.liveJam("Digest Jam");
        Person reader = fixtures.person("Daily Dora");
        choose(fixtures.signIn(reader), "mail.REPLY", "daily", "mail.MENTION", "daily");

        inbox.deliver(NotificationKind.REPLY, List.of(reader.id()), jam.id(), "/threads/1", reply("Ben", "Wind"));
        inbox.deliver(NotificationKind.MENTION, List.of(reader.id()), jam.id(), "/threads/2", reply("Cy", "Sun"));
        digest.sendNow();
        digest.sendNow(); // nothing new: no second mail

        var mails = MailCatcher.await(reader.email(), 1, java.time.Duration.ofSeconds(10));
        assertThat(mails).hasSize(1);
        var mail = mails.getFirst();
        assertThat(mail.getSubject()).isEqualTo("Your Incrowd digest: 2 notifications");
        assertThat(MailCatcher.text(mail)).contains("Ben replied to your post “Wind”")
                .contains("Cy mentioned you in “Sun”").contains("/threads/2");
        assertThat(mail.getHeader("List-Unsubscribe")[0]).contains("/unsubscribe/" + reader.id() + ".DIGEST.");
        assertThat(inbox.unreadCount(reader.id())).isEqualTo(2); // the bell still shows them
    }

    @Test
    void oneClickUnsubscribeStopsThatKindOfMailOnly() throws Exception {
        var fixtures = Fixtures.of(context);
        var jam = fixtures.liveJam("Unsubscribe Jam");
        Person person = fixtures.person("Una Unsub");
        inbox.deliver(NotificationKind.REPLY, List.of(person.id()), jam.id(), "/threads/1", reply("Ben", "A"));
        var mail = MailCatcher.awaitOne(person.email());
        String header = mail.getHeader("List-Unsubscribe")[0];
        String path = URI.create(header.substring(1, header.length() - 1)).getPath();

        // A mail reader's one-click POST: no session, no CSRF token, the RFC 8058 body.
        var page = mvc.perform(get(path)).andReturn().getResponse();
        assertThat(page.getContentAsString()).contains("Stop mails about: Replies to your posts?")
                .doesNotContain(person.email()).doesNotContain("Una");
        var done = mvc.perform(post(path).contentType("application/x-www-form-urlencoded")
                .content("List-Unsubscribe=One-Click")).andReturn().getResponse();
        assertThat(done.getStatus()).isEqualTo(200);
        assertThat(done.getContentAsString()).contains("no more mails about: Replies to your posts");

        inbox.deliver(NotificationKind.REPLY, List.of(person.id()), jam.id(), "/threads/1", reply("Ben", "B"));
        inbox.deliver(NotificationKind.MENTION, List.of(person.id()), jam.id(), "/threads/2", reply("Cy", "C"));
        var later = MailCatcher.await(person.email(), 2, java.time.Duration.ofSeconds(10));
        assertThat(later).extracting(MimeMessage::getSubject).containsExactly(
                "Ben replied to your post “A”", "Cy mentioned you in “C”");
        assertThat(inbox.unreadCount(person.id())).isEqualTo(3); // the bell was not switched off
    }

    @Test
    void aForgedOrAlteredUnsubscribeLinkChangesNothing() throws Exception {
        var fixtures = Fixtures.of(context);
        Person person = fixtures.person("Forged Fred");
        String forged = "/unsubscribe/" + person.id() + ".REPLY." + "A".repeat(43);
        assertThat(mvc.perform(post(forged)).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/unsubscribe/not-a-token")).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(context.getBean(Preferences.class).of(person.id()).get(NotificationKind.REPLY).mail())
                .isEqualTo(MailTiming.AT_ONCE);
    }

    @Test
    void openingANotificationMarksItReadAndLeadsToItsPage() throws Exception {
        var fixtures = Fixtures.of(context);
        var jam = fixtures.liveJam("Open Jam");
        Person person = fixtures.person("Opening Olga");
        Person stranger = fixtures.person("Stranger Sam");
        var session = fixtures.signIn(person);
        inbox.deliver(NotificationKind.MENTION, List.of(person.id()), jam.id(), "/threads/3#post-4", reply("Ben", "X"));
        long id = inbox.page(person.id(), 0, 1).getFirst().id();

        assertThat(show(fixtures.signIn(stranger), "/notifications/" + id + "/open").getStatus()).isEqualTo(404);
        var opened = show(session, "/notifications/" + id + "/open");
        assertThat(opened.getRedirectedUrl()).isEqualTo("/threads/3#post-4");
        assertThat(inbox.unreadCount(person.id())).isZero();
    }

    @Test
    void markReadOneAtATimeOrAllAtOnce() throws Exception {
        var fixtures = Fixtures.of(context);
        var jam = fixtures.liveJam("Mark Jam");
        Person person = fixtures.person("Marking Mia");
        var session = fixtures.signIn(person);
        for (String title : List.of("One", "Two", "Three")) {
            inbox.deliver(NotificationKind.REPLY, List.of(person.id()), jam.id(), "/threads/1", reply("Ben", title));
        }
        long newest = inbox.page(person.id(), 0, 1).getFirst().id();
        var page = show(session, "/notifications").getContentAsString();
        assertThat(page.indexOf("“Three”")).isLessThan(page.indexOf("“One”")); // newest first
        assertThat(page).contains("Notifications, 3 unread");

        var marked = mvc.perform(post("/notifications/" + newest + "/read").param("page", "1").session(session)
                .with(csrf()).with(Fixtures.browser())).andReturn().getResponse();
        assertThat(marked.getRedirectedUrl()).isEqualTo("/notifications?page=1#notification-" + newest);
        assertThat(show(session, "/notifications").getContentAsString()).contains("Notifications, 2 unread");
        var stranger = fixtures.signIn(fixtures.person("Stranger Stu"));
        assertThat(mvc.perform(post("/notifications/" + newest + "/read").session(stranger).with(csrf())
                .with(Fixtures.browser())).andReturn().getResponse().getStatus()).isEqualTo(404);

        mvc.perform(post("/notifications/read-all").session(session).with(csrf()).with(Fixtures.browser()));
        assertThat(show(session, "/notifications/bell").getContentAsString())
                .contains("aria-label=\"Notifications, none unread\"");
        assertThat(show(session, "/notifications").getContentAsString()).contains("“One”").doesNotContain(">New<");
    }

    @Test
    void thePageShowsTwentyAtATimeNewestFirstWithOlderOnTheNextPage() throws Exception {
        var fixtures = Fixtures.of(context);
        var jam = fixtures.liveJam("Paging Jam");
        Person person = fixtures.person("Paging Pat");
        choose(fixtures.signIn(person), "mail.REPLY", "off");
        for (int n = 1; n <= 21; n++) {
            inbox.deliver(NotificationKind.REPLY, List.of(person.id()), jam.id(), "/threads/1", reply("Ben", "No " + n));
        }
        var session = fixtures.signIn(person);

        var first = show(session, "/notifications").getContentAsString();
        assertThat(first).contains("“No 21”").contains("“No 2”").doesNotContain("“No 1”")
                .contains("href=\"/notifications?page=2\" rel=\"next\"");
        var second = show(session, "/notifications?page=2").getContentAsString();
        assertThat(second).contains("“No 1”").doesNotContain("“No 2”")
                .contains("href=\"/notifications?page=1\" rel=\"prev\"").doesNotContain("rel=\"next\"");
    }

    @Test
    void whatAPersonWroteStaysTextInThePageAndTheMail() throws Exception {
        var fixtures = Fixtures.of(context);
        var jam = fixtures.liveJam("Escape Jam");
        Person person = fixtures.person("Escaping Eve");
        var session = fixtures.signIn(person);
        inbox.deliver(NotificationKind.POST_HIDDEN, List.of(person.id()), jam.id(), "/threads/1",
                Map.of(NotificationParams.TITLE, "<script>alert(1)</script>", NotificationParams.REASON,
                        "<img src=x onerror=alert(2)>"));

        assertThat(show(session, "/notifications").getContentAsString())
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)")
                .contains("&lt;img src=x onerror=alert(2)&gt;");
        var mail = MailCatcher.awaitOne(person.email());
        assertThat(MailCatcher.html(mail)).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>").doesNotContain("<img src=x");
        assertThat(MailCatcher.text(mail)).contains("Reason: <img src=x onerror=alert(2)>"); // plain text is text
    }

    @Test
    void aChoiceNotUnderstoodSavesNothingAndSaysWhy() throws Exception {
        var fixtures = Fixtures.of(context);
        Person person = fixtures.person("Choosy Chris");
        var session = fixtures.signIn(person);
        var refused = mvc.perform(post("/notifications/preferences").session(session).with(csrf())
                .with(Fixtures.browser()).param("mail.REPLY", "daily").param("mail.MENTION", "hourly"))
                .andReturn().getResponse();

        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString()).contains("Some choices were not understood")
                .containsPattern("name=\"mail.REPLY\" value=\"daily\" checked");
        assertThat(context.getBean(Preferences.class).of(person.id()).get(NotificationKind.REPLY).mail())
                .isEqualTo(MailTiming.AT_ONCE);
        assertThat(show(session, "/notifications/preferences").getContentAsString())
                .containsPattern("name=\"mail.REPLY\" value=\"at_once\" checked");
    }

    @Test
    void aJamWideNotificationReachesEveryMemberAsEachOneChose() throws Exception {
        var fixtures = Fixtures.of(context);
        var jam = fixtures.liveJam("Fan-out Jam");
        Person keen = fixtures.person("Keen Kim");
        Person quiet = fixtures.person("Quiet Quentin");
        Person outsider = fixtures.person("Outsider Oona");
        fixtures.join(jam, keen);
        fixtures.join(jam, quiet);
        choose(fixtures.signIn(quiet), "inApp.JAM_OPENED", "off", "mail.JAM_OPENED", "off");

        inbox.deliverToJamMembers(NotificationKind.JAM_OPENED, jam.id(), "/jams/" + jam.id(),
                Map.of(NotificationParams.JAM, "Fan-out Jam"));

        assertThat(MailCatcher.awaitOne(keen.email()).getSubject()).isEqualTo("Fan-out Jam is open: join the conversation.");
        assertThat(inbox.unreadCount(keen.id())).isEqualTo(1);
        assertThat(inbox.unreadCount(quiet.id())).isZero();
        assertThat(inbox.unreadCount(outsider.id())).isZero();
        assertThat(MailCatcher.messagesTo(quiet.email())).isEmpty();
        assertThat(MailCatcher.messagesTo(outsider.email())).isEmpty();
    }
}
