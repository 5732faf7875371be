package org.incrowd.identity;

import java.util.List;

/**
 * Accounts anyone may use to look around, shown on the sign-in page: a module that seeds demo content provides them
 * (identity knows nothing of demos); a real installation has none.
 */
public interface DemoAccounts {

    /** One account: what it is for (a message key), its e-mail address and its public password. */
    record Account(String roleKey, String email, String password) {
    }

    List<Account> accounts();
}
