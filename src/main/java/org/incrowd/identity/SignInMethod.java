package org.incrowd.identity;

/** How someone signed in, as the sign-in records keep it. */
public enum SignInMethod {
    PASSWORD,
    SINGLE_SIGN_ON,
    KIOSK,
    /** Right after sign-up, or by a link from a mail (invitation, help answer, confirmed question). */
    LINK
}
