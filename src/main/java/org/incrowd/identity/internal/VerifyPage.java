package org.incrowd.identity.internal;

/**
 * What the page after a verification link (or a request for a new one) says.
 *
 * @param state an {@link AddressVerification.Outcome}'s name, or SENT when a new link is on its way
 * @param token the link's token, where the page offers a new link in its place (else null)
 */
public record VerifyPage(String state, String token) {

    public String titleKey() {
        return "verify.title." + state;
    }

    public String textKey() {
        return "verify.text." + state;
    }

    /** The link no longer works; a new one can be sent in its place. */
    public boolean renewable() {
        return state.equals("EXPIRED") && token != null;
    }

    public boolean done() {
        return state.equals("VERIFIED") || state.equals("MOVED") || state.equals("ALREADY_VERIFIED");
    }
}
