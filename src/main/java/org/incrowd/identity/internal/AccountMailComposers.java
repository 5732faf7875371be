package org.incrowd.identity.internal;

import java.util.HashMap;
import org.incrowd.mail.ComposedMail;
import org.incrowd.mail.Mail;
import org.incrowd.mail.MailComposer;
import org.incrowd.mail.MailTemplates;
import org.incrowd.shared.PublicUrl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One {@link MailComposer} per {@link AccountMail}, all rendering identity/account in the recipient's language. */
@Configuration(proxyBeanMethods = false)
class AccountMailComposers {

    @Bean
    MailComposer verifyAddressMail(MailTemplates templates, PublicUrl publicUrl) {
        return new Composer(AccountMail.VERIFY_ADDRESS, templates, publicUrl);
    }

    @Bean
    MailComposer verifyNewAddressMail(MailTemplates templates, PublicUrl publicUrl) {
        return new Composer(AccountMail.VERIFY_NEW_ADDRESS, templates, publicUrl);
    }

    @Bean
    MailComposer addressChangeRequestedMail(MailTemplates templates, PublicUrl publicUrl) {
        return new Composer(AccountMail.ADDRESS_CHANGE_REQUESTED, templates, publicUrl);
    }

    @Bean
    MailComposer resetPasswordMail(MailTemplates templates, PublicUrl publicUrl) {
        return new Composer(AccountMail.RESET_PASSWORD, templates, publicUrl);
    }

    @Bean
    MailComposer existingAccountMail(MailTemplates templates, PublicUrl publicUrl) {
        return new Composer(AccountMail.EXISTING_ACCOUNT, templates, publicUrl);
    }

    static final class Composer implements MailComposer {

        private final AccountMail mail;
        private final MailTemplates templates;
        private final PublicUrl publicUrl;

        Composer(AccountMail mail, MailTemplates templates, PublicUrl publicUrl) {
            this.mail = mail;
            this.templates = templates;
            this.publicUrl = publicUrl;
        }

        @Override
        public String kind() {
            return mail.kind;
        }

        @Override
        public ComposedMail compose(Mail message) {
            var words = templates.words(message.language());
            String prefix = "mail." + mail.words;
            var model = new HashMap<String, Object>();
            model.put("title", words.t(prefix + ".subject"));
            model.put("greeting", words.t("mail.account.greeting", message.param("name")));
            model.put("lead", words.t(prefix + ".lead", message.param("name"), message.param("address")));
            model.put("actionUrl", publicUrl.absolute(mail.actionPath(message)));
            model.put("actionLabel", words.t(prefix + ".action"));
            model.put("note", words.t(prefix + ".note"));
            model.put("otherUrl", mail.other == null ? null : publicUrl.absolute(mail.other));
            model.put("otherLabel", mail.other == null ? null : words.t(prefix + ".other"));
            return new ComposedMail(words.t(prefix + ".subject"), templates.html("identity/account", words, model),
                    templates.text("identity/account", words, model), null);
        }
    }
}
