package org.incrowd.identity.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;

/**
 * The OpenID Connect providers an operator configured with the standard Spring properties
 * ({@code spring.security.oauth2.client.registration.<id>.*} and {@code ...provider.<id>.issuer-uri}). Spring Boot
 * creates a {@link ClientRegistrationRepository} only when at least one registration is configured; without one,
 * single sign-on is off and sign-in works with e-mail and password alone.
 */
@Component
class SingleSignOnProviders {

    /** Where Spring Security starts the sign-in with a provider; the registration id follows. */
    static final String AUTHORIZATION_PATH = "/oauth2/authorization/";

    private final ObjectProvider<ClientRegistrationRepository> registrations;

    SingleSignOnProviders(ObjectProvider<ClientRegistrationRepository> registrations) {
        this.registrations = registrations;
    }

    boolean configured() {
        return registrations.getIfAvailable() != null;
    }

    /** The providers in the order of their names, for the sign-in page; empty when single sign-on is off. */
    List<SingleSignOnLink> links() {
        var found = new ArrayList<ClientRegistration>();
        // Spring Boot's repository (InMemoryClientRegistrationRepository) lists its registrations; the interface cannot.
        if (registrations.getIfAvailable() instanceof Iterable<?> all) {
            all.forEach(registration -> found.add((ClientRegistration) registration));
        }
        return found.stream()
                .sorted(Comparator.comparing(ClientRegistration::getClientName, String.CASE_INSENSITIVE_ORDER))
                .map(r -> new SingleSignOnLink(r.getClientName(), AUTHORIZATION_PATH + r.getRegistrationId()))
                .toList();
    }
}
