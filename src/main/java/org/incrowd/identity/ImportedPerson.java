package org.incrowd.identity;

/**
 * Someone who took part in another system (a Pol.is conversation) and whose contributions are imported. They get an
 * account without password or role, so it can never be signed in to: {@code key} becomes the local part of an
 * address under the reserved {@code .invalid} domain, which no mail server delivers and no provider vouches for.
 *
 * @param key unique and stable per source, e.g. "polis-7wmvbjcjhp-12": importing again finds the same person
 * @param displayName how their contributions are signed
 */
public record ImportedPerson(String key, String displayName) {
}
