package org.incrowd.shared;

/** One option of a list a person picks from: the value the form sends and the label they read. */
public record Choice(String value, String label) {
}
