package org.incrowd.identity;

/**
 * What an organisation's OpenID Connect provider says about the person who just signed in there: the standard
 * claims {@code email}, {@code email_verified} (absent when the provider does not say), {@code name} and
 * {@code preferred_username}. Checked by {@link IdentityService#findOrRegisterFromSingleSignOn}.
 */
public record SingleSignOnClaims(String email, Boolean emailVerified, String name, String preferredUsername) {
}
