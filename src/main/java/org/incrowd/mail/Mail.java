package org.incrowd.mail;

import java.util.Map;
import java.util.Objects;

/**
 * One message to send, as the outbox keeps it: what kind it is and the few values its composer needs, not the
 * rendered text, so 150,000 invitations are 150,000 small rows and each is rendered only when it is sent.
 *
 * @param key      unique per message and stable across retries of the change that caused it (for example
 *                 {@code "invitation:42:1"}): a second mail with a key already in the outbox is ignored, and the
 *                 SMTP {@code Message-ID} is derived from it, so nobody gets a message twice
 * @param kind     the {@link MailComposer#kind()} that renders it
 * @param to       the recipient's address
 * @param personId the recipient's account, or null for an address without one (an invitation, say)
 * @param language the language tag to write in ("en", "de"), or null for English
 * @param params   what the composer needs (ids, tokens, names), strings only
 */
public record Mail(String key, String kind, String to, Long personId, String language, Map<String, String> params) {

    public Mail {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(to, "to");
        params = Map.copyOf(params);
    }

    public String param(String name) {
        return params.get(name);
    }
}
