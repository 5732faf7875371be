package org.incrowd.identity.internal;

import java.util.Map;
import org.incrowd.mail.Mail;

/**
 * The mails about a person's own account. All say the same kind of thing (what happened, one button, a note on what
 * to do if it was not them), so they share one pair of templates and differ in their words and links. They are mail
 * a person caused themselves: none has an unsubscribe link.
 *
 * <p>Message keys: {@code mail.<words>.subject}, {@code .lead} (arguments: name, address), {@code .action},
 * {@code .note}, and {@code .other} where there is a second link.
 */
enum AccountMail {

    /** After sign-up or on request: follow the link to verify the address. */
    VERIFY_ADDRESS("identity.verify-address", "verifyAddress", "/verify/", null),
    /** A new address typed on the profile: follow the link and the account moves to it. */
    VERIFY_NEW_ADDRESS("identity.verify-new-address", "verifyNewAddress", "/verify/", null),
    /** To the old address: someone asked to move the account elsewhere. */
    ADDRESS_CHANGE_REQUESTED("identity.address-change-requested", "addressChange", "/profile", "/reset"),
    /** Follow the link to choose a new password. */
    RESET_PASSWORD("identity.reset-password", "resetPassword", "/reset/", null),
    /** Someone signed up with an address that has an account: the owner learns it, the person who typed it does not. */
    EXISTING_ACCOUNT("identity.existing-account", "existingAccount", "/signin", "/reset");

    final String kind;
    final String words;
    /** Where the button goes; ends with "/" where the mail's token follows. */
    final String action;
    final String other;

    AccountMail(String kind, String words, String action, String other) {
        this.kind = kind;
        this.words = words;
        this.action = action;
        this.other = other;
    }

    /** One message; {@code key} makes it unique in the outbox (a token's hash, or the event that caused it). */
    Mail to(String key, String address, long personId, String language, String name, String token) {
        var params = token == null ? Map.of("name", name, "address", address)
                : Map.of("name", name, "address", address, "token", token);
        return new Mail(kind + ":" + key, kind, address, personId, language, params);
    }

    String actionPath(Mail mail) {
        return action.endsWith("/") ? action + mail.param("token") : action;
    }
}
