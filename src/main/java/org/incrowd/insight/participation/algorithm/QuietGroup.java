package org.incrowd.insight.participation.algorithm;

/** A group whose invited people are quieter than the Jam as a whole: someone to reach out to. */
public record QuietGroup(Dimension dimension, GroupFigures figures) {
}
