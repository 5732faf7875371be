package org.incrowd.mail.internal;

import org.incrowd.mail.ComposedMail;
import org.incrowd.mail.MailComposer;
import org.springframework.context.annotation.Bean;

/**
 * For a test context that should run as {@code ./incrowd run} does without a mail server: Incrowd's own SMTP server
 * (tests otherwise always name theirs), and a welcome mail with a link to follow. Imported with {@code @Import}; not
 * a {@code @Configuration}, so that no other context finds it by scanning.
 */
class DemoMailServer {

    @Bean(destroyMethod = "close")
    EmbeddedMailServer demoMailServer() {
        return new EmbeddedMailServer(0);
    }

    @Bean
    MailComposer welcomeComposer() {
        return new MailComposer() {
            @Override
            public String kind() {
                return "test.welcome";
            }

            @Override
            public ComposedMail compose(org.incrowd.mail.Mail mail) {
                String link = mail.param("link");
                return new ComposedMail(mail.param("subject"),
                        "<!DOCTYPE html><html><head><title>Welcome</title></head><body style=\"font-family:sans-serif\">"
                                + "<p>Welcome!</p><p><a href=\"" + link + "\">Open the Jams</a></p></body></html>",
                        "Welcome!\n\nOpen the Jams: " + link + "\n", null);
            }
        };
    }
}
