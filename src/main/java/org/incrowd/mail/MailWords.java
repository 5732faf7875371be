package org.incrowd.mail;

import java.util.Locale;
import org.springframework.context.MessageSource;

/** A mail's messages in its recipient's language, from the same bundles as the pages. */
public record MailWords(MessageSource messages, Locale locale) {

    /** The message for {@code key}; a missing key shows itself so it gets noticed. */
    public String t(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }

    public String lang() {
        return locale.getLanguage();
    }
}
