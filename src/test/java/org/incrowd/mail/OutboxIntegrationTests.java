package org.incrowd.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.incrowd.support.IncrowdTest;
import org.incrowd.support.MailCatcher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@IncrowdTest
class OutboxIntegrationTests {

    @TestConfiguration
    static class Greetings {
        @Bean
        MailComposer greeting() {
            return new MailComposer() {
                @Override
                public String kind() {
                    return "test.greeting";
                }

                @Override
                public ComposedMail compose(Mail mail) {
                    return new ComposedMail("Hello " + mail.param("name"), "<p>Hello</p>", "Hello "
                            + mail.param("name") + " https://jams.example.org/hello/1", null);
                }
            };
        }
    }

    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;

    @Test
    void mailRecordedInACommittedTransactionReachesItsRecipientOnce() {
        transaction.executeWithoutResult(status -> {
            outbox.send(new Mail("greeting:1", "test.greeting", "ada@outbox.example", null, "en", Map.of("name", "Ada")));
            outbox.send(new Mail("greeting:1", "test.greeting", "ada@outbox.example", null, "en", Map.of("name", "Ada")));
        });

        var received = MailCatcher.awaitOne("ada@outbox.example");

        assertThat(MailCatcher.text(received)).contains("Hello Ada");
        assertThat(MailCatcher.link(received, "/hello/")).isEqualTo("https://jams.example.org/hello/1");
        assertThat(MailCatcher.messagesTo("ada@outbox.example")).hasSize(1);
    }

    @Test
    void mailOfARolledBackChangeIsNeverSent() throws Exception {
        transaction.executeWithoutResult(status -> {
            outbox.send(new Mail("greeting:2", "test.greeting", "bob@outbox.example", null, "en", Map.of("name", "Bob")));
            status.setRollbackOnly();
        });
        transaction.executeWithoutResult(status ->
                outbox.send(new Mail("greeting:3", "test.greeting", "cy@outbox.example", null, "en", Map.of("name", "Cy"))));

        MailCatcher.awaitOne("cy@outbox.example");
        assertThat(MailCatcher.messagesTo("bob@outbox.example")).isEmpty();
    }

    @Test
    void mailToAnAddressThatCannotExistIsNeverQueued() {
        transaction.executeWithoutResult(status -> outbox.sendAll(java.util.List.of(
                new Mail("greeting:4", "test.greeting", "kiosk-1@kiosk.invalid", null, "en", Map.of("name", "Mia")),
                new Mail("greeting:5", "test.greeting", "dee@outbox.example", null, "en", Map.of("name", "Dee")))));

        MailCatcher.awaitOne("dee@outbox.example");
        assertThat(jdbc.sql("select count(*) from mail_outbox where mail_key in ('greeting:4', 'greeting:5')")
                .query(Long.class).single()).isEqualTo(1);
    }
}
