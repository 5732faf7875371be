package org.incrowd.insight.opinions.algorithm;

import java.util.List;

/**
 * One opinion group: participants who vote alike.
 *
 * @param id 0, 1, 2 ... in a stable order (largest group first, ties by smallest participant key)
 * @param size number of participants in the group
 * @param representative the statements that set the group apart, strongest first
 */
public record OpinionGroup(int id, int size, List<RepresentativeStatement> representative) {

    public OpinionGroup {
        representative = List.copyOf(representative);
    }
}
