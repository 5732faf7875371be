package org.incrowd.identity.internal;

import java.util.Arrays;

/**
 * Why someone was sent to the sign-in page, so that the page can say it: the {@code why} query parameter names one.
 * Unknown values are ignored, so a crafted link cannot put words on the page.
 */
enum SignInReason {

    /** A page that is only for people with an account (or one that does not exist: a guest is not told which). */
    PAGE("page", "signin.why.page"),
    /** A guest wanted to post or react. */
    TAKE_PART("takePart", "signin.why.takePart"),
    /** The session ended while a form was open, and what it sent was kept. */
    KEPT("kept", "signin.why.kept"),
    /** The session ended; nothing could be kept (a reaction, say). */
    EXPIRED("expired", "signin.why.expired");

    static final String PARAMETER = "why";

    final String value;
    final String messageKey;

    SignInReason(String value, String messageKey) {
        this.value = value;
        this.messageKey = messageKey;
    }

    String query() {
        return "/signin?" + PARAMETER + "=" + value;
    }

    static SignInReason fromParameter(String value) {
        return Arrays.stream(values()).filter(reason -> reason.value.equals(value)).findFirst().orElse(null);
    }
}
