package org.incrowd.shared;

/**
 * The signed-in person as the shell sees them: enough to greet them, speak their language and show the links they
 * may use. The identity module's principal implements it; the shell depends on no module.
 */
public interface Viewer {

    long personId();

    String displayName();

    /** Preferred language tag ("en", "de"), or null to follow the browser. */
    String language();

    boolean isAdministrator();

    /** Administrators and organisers set up Jams. */
    boolean canOrganise();

    /** Whether they proved their e-mail address; the shell reminds those who did not on every page. */
    default boolean verified() {
        return true;
    }
}
