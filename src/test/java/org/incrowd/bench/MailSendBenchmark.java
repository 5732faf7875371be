package org.incrowd.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.incrowd.IncrowdApplication;
import org.incrowd.mail.ComposedMail;
import org.incrowd.mail.Mail;
import org.incrowd.mail.MailComposer;
import org.incrowd.mail.MailTemplates;
import org.incrowd.mail.Outbox;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How fast the outbox's sender hands mail to SMTP: N invitation-sized mails (HTML in the mail layout and plain text,
 * written per recipient) recorded in one go, sent to GreenMail on this machine; then every Message-ID is counted, so
 * a lost or doubled message shows. Usage: {@code MailSendBenchmark [mails, default 150000]}. Writes mails_sent,
 * send_seconds, mails_per_second, lost and duplicates into bench/results/notify.json.
 */
public final class MailSendBenchmark {

    private MailSendBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 150_000;
        var smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        // One mailbox for all: GreenMail's default, a mailbox per new recipient, slows down with every recipient
        // (a linear search among the mailboxes), which would measure GreenMail rather than the sender.
        var sink = smtp.setUser("sink@bench.example", "sink@bench.example", "sink");
        smtp.getUserManager().setMessageDeliveryHandler((message, recipient) -> sink);
        Path data = Files.createTempDirectory("incrowd-bench-mail-");
        var results = new LinkedHashMap<String, Object>();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(IncrowdApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("benchInvitation",
                        new Invitation()))
                .run("--server.port=0", "--incrowd.data-dir=" + data, "--logging.level.root=WARN",
                        "--logging.file.name=", "--incrowd.mail.host=127.0.0.1",
                        "--incrowd.mail.port=" + smtp.getSmtp().getPort())) {
            var outbox = app.getBean(Outbox.class);
            var transaction = app.getBean(TransactionTemplate.class);
            var jdbc = app.getBean(JdbcTemplate.class);
            Invitation.templates = app.getBean(MailTemplates.class);

            var mails = new ArrayList<Mail>(count);
            for (int i = 0; i < count; i++) {
                mails.add(new Mail("bench-invitation:" + i, "bench.invitation", "person" + i + "@bench.example",
                        null, i % 2 == 0 ? "en" : "de", Map.of("name", "Person " + i, "jam", "Future of Work Jam",
                        "token", Long.toHexString(i * 7919L) + "a1b2c3d4e5f6")));
            }
            long recordStart = System.nanoTime();
            transaction.executeWithoutResult(status -> outbox.sendAll(mails));
            long recorded = System.nanoTime();
            results.put("mails_recorded_seconds", (recorded - recordStart) / 1e9);

            long sent;
            do {
                Thread.sleep(250);
                sent = jdbc.queryForObject("select count(*) from mail_outbox where state <> 'waiting'", Long.class);
            } while (sent < count);
            double seconds = (System.nanoTime() - recorded) / 1e9;
            Thread.sleep(2_000); // anything handed over twice would arrive by now

            var ids = new HashSet<String>();
            int duplicates = 0;
            MimeMessage[] received = smtp.getReceivedMessages();
            for (MimeMessage message : received) {
                if (!ids.add(message.getMessageID())) {
                    duplicates++;
                }
            }
            results.put("mails_sent", jdbc.queryForObject("select count(*) from mail_outbox where state = 'sent'",
                    Long.class));
            results.put("send_seconds", Math.round(seconds * 10) / 10.0);
            results.put("mails_per_second", Math.round(count / seconds));
            results.put("lost", count - ids.size());
            results.put("duplicates", duplicates);
        } finally {
            smtp.stop();
        }
        System.out.println(results);
        BenchResults.merge(Path.of("bench", "results", "notify.json"), results);
    }

    /** An invitation as the jam module would write it: the mail layout in the recipient's language. */
    static final class Invitation implements MailComposer {
        static volatile MailTemplates templates;

        @Override
        public String kind() {
            return "bench.invitation";
        }

        @Override
        public ComposedMail compose(Mail mail) {
            var words = templates.words(mail.language());
            String link = "https://jams.example.org/invitations/" + mail.param("token");
            String html = "<!DOCTYPE html><html lang=\"" + words.lang() + "\"><body><p>Hello "
                    + org.springframework.web.util.HtmlUtils.htmlEscape(mail.param("name")) + ",</p><p>You are invited to "
                    + org.springframework.web.util.HtmlUtils.htmlEscape(mail.param("jam"))
                    + ".</p><p><a href=\"" + link + "\">Accept the invitation</a></p><p>"
                    + words.t("mail.preferences") + "</p></body></html>";
            String text = "Hello " + mail.param("name") + ",\n\nYou are invited to " + mail.param("jam") + ".\n\n"
                    + "Accept the invitation: " + link + "\n";
            return new ComposedMail("Invitation: " + mail.param("jam"), html, text, null);
        }
    }

}
