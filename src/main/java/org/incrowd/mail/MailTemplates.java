package org.incrowd.mail;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders the two parts of a mail from precompiled JTE templates: {@code jte/<module>/mail/<name>.jte} as HTML
 * (escaped like every page, so nothing a person wrote runs in a mail reader) and {@code jte-text/<module>/<name>.jte}
 * as plain text. Both get a {@link MailWords} named {@code words} for the recipient's language.
 */
@Component
public class MailTemplates {

    private final TemplateEngine html;
    private final TemplateEngine text = TemplateEngine.createPrecompiled(null, ContentType.Plain, null,
            "gg.jte.generated.mailtext");
    private final MessageSource messages;

    MailTemplates(TemplateEngine html, MessageSource messages) {
        this.html = html;
        this.messages = messages;
    }

    /** The words for a recipient whose language tag is {@code language} (null: English). */
    public MailWords words(String language) {
        return new MailWords(messages, language == null || language.isBlank() ? Locale.ENGLISH
                : Locale.forLanguageTag(language));
    }

    /** {@code name} like "identity/verify-address": renders jte/identity/mail/verify-address.jte. */
    public String html(String name, MailWords words, Map<String, Object> model) {
        int slash = name.indexOf('/');
        return render(html, name.substring(0, slash) + "/mail" + name.substring(slash) + ".jte", words, model);
    }

    /** {@code name} like "identity/verify-address": renders jte-text/identity/verify-address.jte. */
    public String text(String name, MailWords words, Map<String, Object> model) {
        return render(text, name + ".jte", words, model);
    }

    private static String render(TemplateEngine engine, String template, MailWords words, Map<String, Object> model) {
        var params = new java.util.HashMap<String, Object>(model);
        params.put("words", words);
        var output = new StringOutput();
        engine.render(template, params, output);
        return output.toString();
    }
}
