package org.incrowd.demo;

import java.util.List;
import org.incrowd.identity.DemoAccounts;
import org.incrowd.identity.IdentityService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The demo accounts for the sign-in page, as the start banner names them; none where the demo content was not seeded
 * (an installation with an administrator of its own).
 */
@Component
@ConditionalOnBooleanProperty("incrowd.demo")
class DemoAccountsOnSignIn implements DemoAccounts {

    private final IdentityService identity;

    DemoAccountsOnSignIn(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public List<Account> accounts() {
        if (identity.findByEmail(DemoContent.ADMIN_EMAIL).isEmpty()) {
            return List.of();
        }
        return List.of(
                new Account("signin.demo.participant", DemoContent.PARTICIPANT_EMAIL, DemoContent.PARTICIPANT_PASSWORD),
                new Account("signin.demo.organiser", DemoContent.ORGANISER_EMAIL, DemoContent.ORGANISER_PASSWORD),
                new Account("signin.demo.administrator", DemoContent.ADMIN_EMAIL, DemoContent.ADMIN_PASSWORD));
    }
}
