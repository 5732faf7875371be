package org.incrowd.discussion.internal;

import java.util.HashMap;
import org.incrowd.discussion.ProxyIdeas;
import org.incrowd.identity.IdentityService;
import org.incrowd.mail.ComposedMail;
import org.incrowd.mail.Mail;
import org.incrowd.mail.MailComposer;
import org.incrowd.mail.MailTemplates;
import org.incrowd.shared.PublicUrl;
import org.springframework.stereotype.Component;

/**
 * "Sam entered your idea for you": the claim link for the person a proxy idea is from, in the language of the
 * account the address belongs to, else the entrant's. The names and title are shown as text, escaped like on pages.
 */
@Component
class ProxyClaimMail implements MailComposer {

    private final IdentityService identity;
    private final MailTemplates templates;
    private final PublicUrl publicUrl;

    ProxyClaimMail(IdentityService identity, MailTemplates templates, PublicUrl publicUrl) {
        this.identity = identity;
        this.templates = templates;
        this.publicUrl = publicUrl;
    }

    @Override
    public String kind() {
        return ProxyIdeas.MAIL_KIND;
    }

    @Override
    public ComposedMail compose(Mail mail) {
        String language = identity.findByEmail(mail.to()).map(person -> person.language())
                .filter(tag -> tag != null && !tag.isBlank()).orElse(mail.language());
        var words = templates.words(language);
        var model = new HashMap<String, Object>();
        model.put("name", mail.param("forName"));
        model.put("enteredBy", mail.param("enteredBy"));
        model.put("title", mail.param("title"));
        model.put("code", mail.param("code").substring(0, 4) + "-" + mail.param("code").substring(4));
        model.put("link", publicUrl.absolute("/claim?code=" + mail.param("code")));
        String subject = words.t("proxy.mail.subject", mail.param("enteredBy"));
        model.put("subject", subject);
        return new ComposedMail(subject, templates.html("discussion/proxyClaim", words, model),
                templates.text("discussion/proxyClaim", words, model), null);
    }
}
