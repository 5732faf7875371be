package org.incrowd.shared;

import org.springframework.http.HttpStatus;

/**
 * A request Incrowd refuses on purpose: the reason is a message key, so pages and the API explain it in the reader's
 * language, and the status says which kind of refusal it is. Field names the form field the message belongs to.
 */
public class Refusal extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;
    private final String field;
    private final transient Object[] arguments;
    private final transient FieldErrors errors;

    protected Refusal(HttpStatus status, String messageKey, String field, Object... arguments) {
        super(messageKey);
        this.status = status;
        this.messageKey = messageKey;
        this.field = field;
        this.arguments = arguments;
        // The field's message keeps its arguments ("could not be read: {0}").
        this.errors = field == null ? FieldErrors.none() : FieldErrors.none().add(this);
    }

    private Refusal(FieldErrors errors) {
        super(errors.firstKey());
        this.status = HttpStatus.UNPROCESSABLE_CONTENT;
        this.messageKey = errors.firstKey();
        this.field = errors.firstField();
        this.arguments = new Object[0];
        this.errors = errors;
    }

    public static Refusal notFound(String messageKey, Object... arguments) {
        return new Refusal(HttpStatus.NOT_FOUND, messageKey, null, arguments);
    }

    public static Refusal forbidden(String messageKey, Object... arguments) {
        return new Refusal(HttpStatus.FORBIDDEN, messageKey, null, arguments);
    }

    /** The request conflicts with the current state (a closed Jam, terms not accepted). */
    public static Refusal conflict(String messageKey, Object... arguments) {
        return new Refusal(HttpStatus.CONFLICT, messageKey, null, arguments);
    }

    /** Too many requests of this kind in a short time; the message says how long to wait. */
    public static Refusal tooMany(String messageKey, Object... arguments) {
        return new Refusal(HttpStatus.TOO_MANY_REQUESTS, messageKey, null, arguments);
    }

    /** A value the person gave is not acceptable; the message belongs next to {@code field}. */
    public static Refusal invalid(String field, String messageKey, Object... arguments) {
        return new Refusal(HttpStatus.UNPROCESSABLE_CONTENT, messageKey, field, arguments);
    }

    /** The request itself is malformed, e.g. an unknown choice in a query parameter; the message says what fits. */
    public static Refusal badRequest(String field, String messageKey, Object... arguments) {
        return new Refusal(HttpStatus.BAD_REQUEST, messageKey, field, arguments);
    }

    /** Every problem found in one submission, for the form to show each beside its field. */
    public static Refusal invalid(FieldErrors errors) {
        return new Refusal(errors);
    }

    public FieldErrors errors() {
        return errors;
    }

    public HttpStatus status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    public String field() {
        return field;
    }

    public Object[] arguments() {
        return arguments;
    }
}
