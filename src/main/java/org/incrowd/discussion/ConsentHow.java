package org.incrowd.discussion;

/** How the person an idea was entered for agreed to it: the record a proxy idea cannot be posted without. */
public enum ConsentHow {
    IN_PERSON, ON_PAPER, BY_PHONE;

    public String messageKey() {
        return "proxy.consentHow." + name();
    }
}
