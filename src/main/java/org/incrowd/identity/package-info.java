/**
 * People and how they sign in: accounts with e-mail and password or through the organisation's OpenID Connect
 * provider (single sign-on, matched by verified e-mail address), profiles (country, organisational unit, job role,
 * participant type, language), global roles, personal API tokens, verified addresses (a link by mail; until it is
 * followed {@link org.incrowd.identity.Actor#verified()} is false), password reset by mail, and the participant types
 * offered at sign-up. Other modules ask {@link
 * org.incrowd.identity.CurrentActor} who is acting and {@link org.incrowd.identity.IdentityService} about people.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = {
        "shared", // refuses with Refusal and FieldErrors, sends filter refusals to the ErrorPage; a Viewer
        "mail" // mails the links that verify an address and reset a password, in the change's own transaction
})
package org.incrowd.identity;
