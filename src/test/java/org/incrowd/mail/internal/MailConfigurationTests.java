package org.incrowd.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Where mail goes: the SMTP server the operator names (also through environment variables), else Incrowd's own. */
class MailConfigurationTests {

    final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(MailConfiguration.class);

    @Test
    void environmentVariablesNameTheSmtpServer() {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("env", Map.of(
                "INCROWD_MAIL_HOST", "smtp.example.org", "INCROWD_MAIL_PORT", "587",
                "INCROWD_MAIL_USER", "incrowd", "INCROWD_MAIL_PASSWORD", "s3cret",
                "INCROWD_MAIL_FROM", "Jams <jams@example.org>", "INCROWD_MAIL_TLS", "required")));
        ConfigurationPropertySources.attach(environment);

        var settings = Binder.get(environment).bind("incrowd.mail", MailSettings.class).get();

        assertThat(settings.host()).isEqualTo("smtp.example.org");
        assertThat(settings.port()).isEqualTo(587);
        assertThat(settings.user()).isEqualTo("incrowd");
        assertThat(settings.password()).isEqualTo("s3cret");
        assertThat(settings.from()).isEqualTo("Jams <jams@example.org>");
        assertThat(settings.tls()).isEqualTo(MailSettings.Tls.REQUIRED);
        assertThat(settings.retry().schedule().waitAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.retry().schedule().waitAfter(20)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void withoutAConfiguredServerIncrowdStartsItsOwnAndSendsThere() {
        context.withPropertyValues("incrowd.mail.embedded-port=0").run(started -> {
            assertThat(started).hasSingleBean(EmbeddedMailServer.class);
            var server = started.getBean(EmbeddedMailServer.class);
            var smtp = started.getBean(SmtpDelivery.class);
            var message = smtp.newMessage("<x@incrowd>");
            message.setFrom("incrowd@localhost");
            message.setRecipients(jakarta.mail.Message.RecipientType.TO, "demo@example.org");
            message.setSubject("Hello");
            message.setText("Hello");
            message.saveChanges();

            assertThat(smtp.deliver(java.util.List.of(message), java.time.Instant.now().plusSeconds(10)))
                    .containsExactly(Outcome.SENT);
            assertThat(server.received()).extracting(m -> m.getSubject()).containsExactly("Hello");
        });
    }

    @Test
    void aConfiguredServerStartsNoEmbeddedOne() {
        context.withPropertyValues("incrowd.mail.host=smtp.example.org").run(started ->
                assertThat(started).doesNotHaveBean(EmbeddedMailServer.class));
    }
}
