package org.incrowd.jam;

import java.time.Instant;

/** That a person accepted this version of these terms, and when. */
public record TermsAcceptance(TermsScope scope, int version, Instant acceptedAt) {
}
