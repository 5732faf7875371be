package org.incrowd.identity;

/**
 * Published, in the changing transaction, when what groups a person in figures may have changed: their country,
 * unit, job role, participant type or address (an edit, a new address, an erased account, an imported person).
 */
public record ProfileFactsChanged(long personId) {
}
