package org.incrowd.insight.opinions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.incrowd.insight.opinions.algorithm.Placement;
import org.junit.jupiter.api.Test;

/**
 * Person ids are public, so the order of an opinion map's points must not follow them; yet it must stay put between
 * requests and recomputes so that the chart does not jump.
 */
class MapPointsTests {

    static final byte[] SECRET = "one installation's secret, 32 b".getBytes(StandardCharsets.UTF_8);
    static final byte[] OTHER_SECRET = "another installation's secret!!".getBytes(StandardCharsets.UTF_8);

    /** A hundred people, stored (as maps store them) in the order of their ids. */
    static final List<Placement> BY_ID = LongStream.rangeClosed(1, 100)
            .mapToObj(id -> new Placement(id, id / 10.0, -id / 10.0, (int) (id % 3), 7)).toList();

    static List<Long> people(List<Placement> placements) {
        return placements.stream().map(Placement::participant).toList();
    }

    @Test
    void aPointsPlaceDoesNotFollowThePersonsId() {
        var listed = people(new MapPoints(SECRET).order(BY_ID, 1, 0));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(people(BY_ID)).isNotEqualTo(people(BY_ID));
        assertThat(listed.subList(0, 10)).as("the first points are not the lowest ids")
                .isNotEqualTo(people(BY_ID).subList(0, 10));
    }

    @Test
    void theOrderIsTheSameOnEveryRequestAndNodeOfOneInstallation() {
        assertThat(people(new MapPoints(SECRET).order(BY_ID, 1, 0)))
                .isEqualTo(people(new MapPoints(SECRET.clone()).order(BY_ID, 1, 0)));
    }

    @Test
    void withoutTheSecretTheOrderCannotBeRebuilt() {
        assertThat(people(new MapPoints(SECRET).order(BY_ID, 1, 0)))
                .isNotEqualTo(people(new MapPoints(OTHER_SECRET).order(BY_ID, 1, 0)));
    }

    @Test
    void eachMapHasItsOwnOrderSoPointsCannotBeMatchedAcrossMaps() {
        var points = new MapPoints(SECRET);
        assertThat(people(points.order(BY_ID, 1, 0))).isNotEqualTo(people(points.order(BY_ID, 1, 5)));
        assertThat(people(points.order(BY_ID, 1, 0))).isNotEqualTo(people(points.order(BY_ID, 2, 0)));
    }

    @Test
    void someoneNewJoiningTheMapLeavesEveryoneElsesOrderAlone() {
        var points = new MapPoints(SECRET);
        var before = people(points.order(BY_ID, 1, 0));
        var more = new ArrayList<>(BY_ID);
        more.add(new Placement(101, 0, 0, 0, 7));
        var after = new ArrayList<>(people(points.order(more, 1, 0)));
        after.remove(Long.valueOf(101));
        assertThat(after).isEqualTo(before);
    }
}
