package org.incrowd.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Sends a person to the error page with a message chosen by the code that refused them, for refusals that happen
 * outside controllers (in the security filters), where {@link Refusal} cannot be thrown.
 */
public final class ErrorPage {

    /** Request attribute holding the message key the error page shows. */
    public static final String MESSAGE_KEY = ErrorPage.class.getName() + ".messageKey";

    private ErrorPage() {
    }

    public static void show(HttpServletRequest request, HttpServletResponse response, int status, String messageKey)
            throws IOException {
        request.setAttribute(MESSAGE_KEY, messageKey);
        response.sendError(status);
    }
}
