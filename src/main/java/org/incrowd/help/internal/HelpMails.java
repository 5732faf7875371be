package org.incrowd.help.internal;

import java.util.HashMap;
import org.incrowd.mail.ComposedMail;
import org.incrowd.mail.Mail;
import org.incrowd.mail.MailComposer;
import org.incrowd.mail.MailTemplates;
import org.incrowd.shared.PublicUrl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The mail this module sends itself: "confirm your question", in the asker's language (help/confirm). */
@Configuration(proxyBeanMethods = false)
class HelpMails {

    static final String CONFIRM_QUESTION = "help.confirm-question";

    @Bean
    MailComposer confirmQuestionMail(MailTemplates templates, PublicUrl publicUrl) {
        return new MailComposer() {
            @Override
            public String kind() {
                return CONFIRM_QUESTION;
            }

            @Override
            public ComposedMail compose(Mail mail) {
                var words = templates.words(mail.language());
                var model = new HashMap<String, Object>();
                model.put("subject", words.t("help.mail.confirm.subject", mail.param("stream")));
                model.put("lead", words.t("help.mail.confirm.lead", mail.param("stream")));
                model.put("question", mail.param("title"));
                model.put("actionUrl", publicUrl.absolute("/help/confirm/" + mail.param("token")));
                model.put("actionLabel", words.t("help.mail.confirm.action"));
                model.put("note", words.t("help.mail.confirm.note", mail.param("hours")));
                return new ComposedMail(words.t("help.mail.confirm.subject", mail.param("stream")),
                        templates.html("help/confirm", words, model), templates.text("help/confirm", words, model),
                        null);
            }
        };
    }
}
