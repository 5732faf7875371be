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
    /** Request attribute holding the arguments of that message. */
    public static final String MESSAGE_ARGUMENTS = ErrorPage.class.getName() + ".messageArguments";

    private ErrorPage() {
    }

    public static void show(HttpServletRequest request, HttpServletResponse response, int status, String messageKey,
                            Object... arguments) throws IOException {
        request.setAttribute(MESSAGE_KEY, messageKey);
        request.setAttribute(MESSAGE_ARGUMENTS, arguments);
        response.sendError(status);
    }
}
