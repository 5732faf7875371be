package org.incrowd.insight.participation.algorithm;

/** Everyone who shares a country, unit, job role and participant type, with their figures summed. */
public record CountedGroup(String country, String unit, String jobRole, String participantType,
                           GroupFigures figures) implements Grouped {
}
