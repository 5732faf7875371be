package org.incrowd.jam;

/**
 * A person is about to post but has not accepted the current version of these terms: pages show the terms with the
 * draft kept, the API answers a 409 problem of type {@code .../problems/terms-not-accepted} naming where to accept.
 * Not a {@link org.incrowd.shared.Refusal} on purpose: forms that catch refusals to show them beside a field would
 * keep the person on the form; this one is answered in one place, by sending them to the terms.
 */
public class TermsNotAccepted extends RuntimeException {

    private final transient TermsVersion current;
    private final int accepted;

    public TermsNotAccepted(TermsVersion current, int accepted) {
        super("terms.notAccepted");
        this.current = current;
        this.accepted = accepted;
    }

    public TermsVersion current() {
        return current;
    }

    /** The latest version of these terms the person accepted before, 0 where none. */
    public int accepted() {
        return accepted;
    }

    public String messageKey() {
        return "terms.notAccepted";
    }

    public Object[] arguments() {
        return new Object[] {current.version()};
    }

    public String acceptApiPath() {
        return "/api/v1/terms/" + current.scope().key() + "/" + current.version() + "/acceptance";
    }
}
