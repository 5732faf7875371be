package org.incrowd.identity.internal;

import java.util.List;
import org.incrowd.identity.DemoAccounts;

/**
 * What the sign-in page shows: the address as typed, what went wrong (message keys), why the person is here
 * (message keys: a page that needs an account, a session that ended with their text kept, a finished sign-up), the
 * organisation's sign-in services and, in a demo, the demo accounts.
 */
public record SignInPage(String email, List<String> problems, List<String> notices,
                         List<SingleSignOnLink> singleSignOn, List<DemoAccounts.Account> demoAccounts) {

    public SignInPage {
        problems = List.copyOf(problems);
        notices = List.copyOf(notices);
        singleSignOn = List.copyOf(singleSignOn);
        demoAccounts = List.copyOf(demoAccounts);
    }
}
