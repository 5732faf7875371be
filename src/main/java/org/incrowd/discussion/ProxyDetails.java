package org.incrowd.discussion;

/**
 * Who an idea is entered for, as the entrant typed it: their name and where they are ("night shift, depot 4"), an
 * address for the claim link if they have one, and the consent record: the box ticked and how they agreed.
 */
public record ProxyDetails(String forName, String forPlace, String forEmail, Boolean consent, String consentHow) {

    public static final ProxyDetails EMPTY = new ProxyDetails("", "", "", false, "");

    /** Whether the box was ticked (a form that leaves it unticked sends nothing). */
    public boolean consented() {
        return Boolean.TRUE.equals(consent);
    }
}
