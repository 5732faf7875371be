package org.incrowd.mail.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailSettings.class)
class MailConfiguration {

    /** Only without a configured server: tests and production always name one. */
    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${incrowd.mail.host:}'.isBlank()")
    EmbeddedMailServer embeddedMailServer(MailSettings settings) {
        return new EmbeddedMailServer(settings.embeddedPort());
    }

    @Bean
    SmtpDelivery smtpDelivery(MailSettings settings, org.springframework.beans.factory.ObjectProvider<EmbeddedMailServer> embedded) {
        var server = embedded.getIfAvailable();
        return server == null ? new SmtpDelivery(settings, settings.host(), settings.port())
                : new SmtpDelivery(settings, "127.0.0.1", server.port());
    }
}
