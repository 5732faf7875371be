package org.incrowd.insight.participation.algorithm;

/**
 * Figures that fall into one group of every dimension (null where the profile does not say): one person as counted
 * afresh ({@link Counted}), or everyone who shares all four groups as a read model keeps them ({@link CountedGroup}).
 */
public interface Grouped {

    String country();

    String unit();

    String jobRole();

    String participantType();

    GroupFigures figures();
}
