package org.incrowd.identity.internal;

/** One organisation's OpenID Connect provider as the sign-in page offers it: its name and where its sign-in starts. */
public record SingleSignOnLink(String name, String href) {
}
