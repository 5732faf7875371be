package org.incrowd.mail.internal;

import java.time.Duration;
import org.incrowd.shared.RetrySchedule;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code incrowd.mail.*} settings (environment variables {@code INCROWD_MAIL_HOST} and so on bind to them too).
 * Without a host, Incrowd starts its own SMTP server and sends there ({@link EmbeddedMailServer}).
 *
 * @param tls           {@code off}, {@code starttls} (use it when the server offers it) or {@code required}
 * @param embeddedPort  the embedded server's port (0 or taken: a free one)
 * @param batch         messages taken from the outbox at once
 * @param threads       SMTP connections used at most at once; each sends its share of a batch over one connection,
 *                      and a batch opens one per {@link MailSender#MESSAGES_PER_CONNECTION} messages
 * @param lease         how long a node holds the messages it took before another node may take them again
 */
@ConfigurationProperties("incrowd.mail")
public record MailSettings(
        @DefaultValue("") String host,
        @DefaultValue("25") int port,
        @DefaultValue("") String user,
        @DefaultValue("") String password,
        @DefaultValue("Incrowd <incrowd@localhost>") String from,
        @DefaultValue("starttls") Tls tls,
        @DefaultValue("3025") int embeddedPort,
        @DefaultValue("250ms") Duration poll,
        @DefaultValue("400") int batch,
        @DefaultValue("4") int threads,
        @DefaultValue("5m") Duration lease,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue Retry retry) {

    public enum Tls { OFF, STARTTLS, REQUIRED }

    /** After a failed attempt: wait {@code first}, doubling up to {@code longest}; give up after {@code attempts}. */
    public record Retry(@DefaultValue("30s") Duration first, @DefaultValue("1h") Duration longest,
                        @DefaultValue("12") int attempts) {

        RetrySchedule schedule() {
            return new RetrySchedule(first, longest, attempts);
        }
    }

    boolean external() {
        return !host.isBlank();
    }
}
