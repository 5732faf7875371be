package org.incrowd.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.incrowd.mail.ComposedMail;
import org.incrowd.mail.Mail;
import org.incrowd.mail.MailComposer;
import org.incrowd.mail.MailTemplates;
import org.incrowd.mail.Outbox;
import org.incrowd.support.IncrowdTest;
import org.incrowd.support.MailCatcher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** What the sender makes of each outbox row, read back from the tests' SMTP server. */
@IncrowdTest
class MailSendingIntegrationTests {

    @TestConfiguration
    static class Composers {

        /** A mail people may stop with one click, whose subject is what a person wrote. */
        @Bean
        MailComposer newsComposer(TemplateEngine html, MailTemplates templates) {
            return composer("test.news", mail -> {
                var words = templates.words(mail.language());
                var model = new HashMap<String, Object>();
                model.put("words", words);
                model.put("title", mail.param("title"));
                model.put("content", (Content) output -> output.writeContent("<p>News</p>"));
                model.put("unsubscribeUrl", "https://jams.example.org/unsubscribe/" + mail.param("token"));
                var page = new StringOutput();
                html.render("mail/layout.jte", model, page);
                return new ComposedMail(mail.param("title"), page.toString(), "News",
                        "https://jams.example.org/unsubscribe/" + mail.param("token"));
            });
        }

        /** A mail a person asked for themselves: nothing to unsubscribe from. */
        @Bean
        MailComposer personalComposer() {
            return composer("test.personal", mail -> new ComposedMail("Yours", "<p>Yours</p>", "Yours", null));
        }

        @Bean
        MailComposer brokenComposer() {
            return composer("test.broken", mail -> {
                throw new IllegalStateException("the template is missing");
            });
        }

        static MailComposer composer(String kind, java.util.function.Function<Mail, ComposedMail> compose) {
            return new MailComposer() {
                @Override
                public String kind() {
                    return kind;
                }

                @Override
                public ComposedMail compose(Mail mail) {
                    return compose.apply(mail);
                }
            };
        }
    }

    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcTemplate jdbc;

    static String address(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@sending.example";
    }

    void send(Mail... mails) {
        transaction.executeWithoutResult(status -> outbox.sendAll(List.of(mails)));
    }

    Map<String, Object> row(String key) throws InterruptedException {
        Instant giveUp = Instant.now().plusSeconds(10);
        while (true) {
            var row = jdbc.queryForMap("select state, last_error from mail_outbox where mail_key = ?", key);
            if (!"waiting".equals(row.get("state")) || Instant.now().isAfter(giveUp)) {
                return row;
            }
            Thread.sleep(50);
        }
    }

    @Test
    void aMailPeopleMayStopCarriesTheOneClickUnsubscribeHeaders() throws Exception {
        String to = address("news");
        String key = "news:" + UUID.randomUUID();
        send(new Mail(key, "test.news", to, null, "en", Map.of("title", "Jam opens", "token", "t0k3n")));

        var received = MailCatcher.awaitOne(to);

        assertThat(received.getHeader("List-Unsubscribe")).containsExactly("<https://jams.example.org/unsubscribe/t0k3n>");
        assertThat(received.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(MailCatcher.html(received)).contains("href=\"https://jams.example.org/unsubscribe/t0k3n\"");
    }

    @Test
    void aMailAPersonAskedForHasNoUnsubscribeHeader() throws Exception {
        String to = address("personal");
        send(new Mail("personal:" + UUID.randomUUID(), "test.personal", to, null, "en", Map.of()));

        var received = MailCatcher.awaitOne(to);

        assertThat(received.getHeader("List-Unsubscribe")).isNull();
        assertThat(received.getHeader("List-Unsubscribe-Post")).isNull();
    }

    @Test
    void whatAPersonWroteIsEscapedInTheHtmlPart() {
        String to = address("xss");
        send(new Mail("xss:" + UUID.randomUUID(), "test.news", to, null, "en",
                Map.of("title", "<script>alert('hi')</script><img src=x onerror=alert(1)>", "token", "x")));

        String html = MailCatcher.html(MailCatcher.awaitOne(to));

        assertThat(html).contains("&lt;script&gt;alert('hi')&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;");
        assertThat(html).doesNotContain("<script").doesNotContain("<img");
    }

    @Test
    void theMessageIdComesFromTheKeySoAMessageHandedOverTwiceIsRecognisable() throws Exception {
        String to = address("id");
        String key = "id:" + UUID.randomUUID();
        send(new Mail(key, "test.personal", to, null, "en", Map.of()));

        var received = MailCatcher.awaitOne(to);

        assertThat(received.getMessageID()).matches("<[0-9a-f]{32}@incrowd>")
                .isEqualTo(MessageWriter.messageId(key))
                .isNotEqualTo(MessageWriter.messageId(key + "x"));
    }

    @Test
    void aMailNoComposerCanWriteIsMarkedFailedWithItsReasonAndTheQueueGoesOn() throws Exception {
        String to = address("after");
        String unknown = "unknown:" + UUID.randomUUID();
        String broken = "broken:" + UUID.randomUUID();
        send(new Mail(unknown, "test.nobody", address("unknown"), null, "en", Map.of()),
                new Mail(broken, "test.broken", address("broken"), null, "en", Map.of()),
                new Mail("after:" + UUID.randomUUID(), "test.personal", to, null, "en", Map.of()));

        MailCatcher.await(to, 1, Duration.ofSeconds(10));

        assertThat(row(unknown)).containsEntry("state", "failed")
                .containsEntry("last_error", "no composer for the kind test.nobody");
        assertThat(row(broken)).containsEntry("state", "failed");
        assertThat((String) row(broken).get("last_error")).contains("the template is missing");
    }
}
