package org.incrowd.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.incrowd.identity.Role;
import org.incrowd.mail.Mail;
import org.incrowd.mail.Outbox;
import org.incrowd.support.Fixtures;
import org.incrowd.support.IncrowdTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** The mail log at /admin/mail: states with counts, a filter, a search by recipient, pages, the last error. */
@IncrowdTest
class MailAdminIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext application;
    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate transaction;

    String page(MockHttpSession session, String url) throws Exception {
        var response = mvc.perform(get(url).session(session).with(Fixtures.browser())).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return response.getContentAsString();
    }

    MockHttpSession administrator() throws Exception {
        var fixtures = Fixtures.of(application);
        return fixtures.signIn(fixtures.person("Mail Admin", Role.ADMINISTRATOR));
    }

    @Test
    void administratorsFindAMessageByRecipientWithWhyItFailed() throws Exception {
        String prefix = "log-" + UUID.randomUUID().toString().substring(0, 8);
        // No composer writes this kind: the sender marks it failed at once, with the reason.
        transaction.executeWithoutResult(status -> outbox.send(new Mail(prefix + ":1", "test.unwritable",
                prefix + "@log.example", null, "en", Map.of())));
        var session = administrator();

        String failed = awaitPage(session, "/admin/mail?state=failed&q=" + prefix, "no composer for the kind");

        assertThat(failed).contains(prefix + "@log.example").contains("test.unwritable").contains("Failed (");
        assertThat(page(session, "/admin/mail?state=sent&q=" + prefix)).doesNotContain(prefix + "@log.example")
                .contains("No message matches.");
    }

    @Test
    void theLogComesInPagesNewestFirst() throws Exception {
        String prefix = "paged-" + UUID.randomUUID().toString().substring(0, 8);
        transaction.executeWithoutResult(status -> outbox.sendAll(IntStream.range(0, 60)
                .mapToObj(i -> new Mail(prefix + ":" + i, "test.unwritable", prefix + "-" + i + "@log.example", null,
                        "en", Map.of())).toList()));
        var session = administrator();

        String first = page(session, "/admin/mail?q=" + prefix);
        assertThat(first).contains(prefix + "-59@log.example").contains(prefix + "-10@log.example")
                .doesNotContain(prefix + "-9@log.example");
        var older = java.util.regex.Pattern.compile("href=\"(/admin/mail\\?before=\\d+[^\"]*)\" rel=\"next\"")
                .matcher(first);
        assertThat(older.find()).as("a link to older messages").isTrue();

        String second = page(session, older.group(1).replace("&amp;", "&"));
        assertThat(second).contains(prefix + "-9@log.example").contains(prefix + "-0@log.example")
                .doesNotContain(prefix + "-10@log.example");
    }

    @Test
    void anUnknownStateIsRefusedWithTheStatesThatExist() throws Exception {
        var response = mvc.perform(get("/admin/mail?state=lost").session(administrator()).with(Fixtures.browser()))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("Unknown state: choose one of waiting, sent, bounced, failed.");
    }

    String awaitPage(MockHttpSession session, String url, String text) throws Exception {
        for (int i = 0; i < 100; i++) {
            String page = page(session, url);
            if (page.contains(text)) {
                return page;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(url + " never showed " + text);
    }

}
