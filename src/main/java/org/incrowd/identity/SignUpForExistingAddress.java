package org.incrowd.identity;

/**
 * Published when someone signs up with an address that has an account already. The page does not say so (that would
 * reveal who has an account); the owner of the address is the one to tell, once Incrowd sends mail.
 */
public record SignUpForExistingAddress(long personId, String email) {
}
