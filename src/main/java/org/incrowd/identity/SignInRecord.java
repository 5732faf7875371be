package org.incrowd.identity;

import java.time.Instant;

/** One sign-in, or one failed password sign-in to an account. */
public record SignInRecord(Instant at, SignInMethod method, boolean succeeded) {
}
