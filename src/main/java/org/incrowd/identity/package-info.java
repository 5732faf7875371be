/**
 * People and how they sign in: accounts with e-mail and password or through the organisation's OpenID Connect
 * provider (single sign-on, matched by verified e-mail address), profiles (country, organisational unit, job role,
 * participant type, language), global roles, personal API tokens. Other modules ask {@link
 * org.incrowd.identity.CurrentActor} who is acting and {@link org.incrowd.identity.IdentityService} about people.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = {
        "shared" // refuses with Refusal and FieldErrors, sends filter refusals to the ErrorPage; a Viewer
})
package org.incrowd.identity;
