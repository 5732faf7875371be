package org.incrowd.insight.opinions.algorithm;

/** Which way a group, or everyone, leans on a statement. */
public enum Stance {
    AGREE,
    DISAGREE
}
