package org.incrowd.identity;

/** Published when someone creates an account. */
public record PersonRegistered(long personId, String email) {
}
