package org.incrowd.insight.opinions;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.incrowd.identity.Actor;
import org.incrowd.identity.CurrentActor;
import org.incrowd.insight.opinions.algorithm.MinorityPosition;
import org.incrowd.insight.opinions.algorithm.OpinionGroup;
import org.incrowd.insight.opinions.algorithm.Placement;
import org.incrowd.insight.opinions.algorithm.StatementStanding;
import org.incrowd.insight.shared.GroupProfile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Opinion maps for programs and for the page's chart. Participants are never named: the map shows where people sit,
 * not who sits where; each reader learns only their own place.
 */
@RestController
@RequestMapping("/api/v1")
class OpinionApiController {

    /** The stored map without who is who. Statements are post ids. */
    record OpinionMapView(String computedAt, // left out before the first computation
                          int participants, int statements, long votes,
                          List<OpinionGroup> groups, List<GroupProfile> profiles,
                          List<StatementStanding> consensus, List<StatementStanding> divisive,
                          List<MinorityPosition> minority, List<StatementStanding> bridging, Point me) {
    }

    /** One participant on the map: position and group (-1: not yet in a group). */
    record Point(double x, double y, int group) {
        static Point of(Placement placement) {
            return new Point(placement.x(), placement.y(), placement.group());
        }
    }

    record PointsView(String computedAt, int groups, List<Point> points, Point me) {
    }

    private final OpinionMaps maps;
    private final MapPoints mapPoints;
    private final CurrentActor currentActor;

    OpinionApiController(OpinionMaps maps, MapPoints points, CurrentActor currentActor) {
        this.maps = maps;
        this.mapPoints = points;
        this.currentActor = currentActor;
    }

    @Operation(summary = "The latest opinion map of a Jam: groups, what sets them apart, consensus, dissent, "
            + "minority report and bridging ranking")
    @GetMapping("/jams/{jamId}/opinions")
    OpinionMapView jam(@PathVariable long jamId) {
        var actor = currentActor.require();
        return view(actor, orEmpty(maps.requireSnapshotOfJam(actor, jamId)));
    }

    @Operation(summary = "The latest opinion map of a forum")
    @GetMapping("/forums/{forumId}/opinions")
    OpinionMapView forum(@PathVariable long forumId) {
        var actor = currentActor.require();
        return view(actor, orEmpty(maps.requireSnapshotOfForum(actor, forumId)));
    }

    @Operation(summary = "Every participant's position on a Jam's opinion map, without names (for the scatter plot), "
            + "in an order that says nothing about who is who")
    @GetMapping("/jams/{jamId}/opinions/points")
    PointsView jamPoints(@PathVariable long jamId) {
        var actor = currentActor.require();
        return points(actor, orEmpty(maps.requireSnapshotOfJam(actor, jamId)));
    }

    @Operation(summary = "Every participant's position on a forum's opinion map, without names")
    @GetMapping("/forums/{forumId}/opinions/points")
    PointsView forumPoints(@PathVariable long forumId) {
        var actor = currentActor.require();
        return points(actor, orEmpty(maps.requireSnapshotOfForum(actor, forumId)));
    }

    /** Before the first computation a map is simply empty: a program polling it needs no special case. */
    private static OpinionSnapshot orEmpty(OpinionSnapshot snapshot) {
        return snapshot != null ? snapshot : OpinionSnapshot.EMPTY;
    }

    private static Point me(Actor actor, OpinionSnapshot map) {
        return map.placementOf(actor.personId()).map(Point::of).orElse(null);
    }

    private static OpinionMapView view(Actor actor, OpinionSnapshot map) {
        return new OpinionMapView(java.util.Objects.toString(map.computedAt(), null), map.participants(), map.statements(), map.votes(),
                map.groups(), map.profiles(), map.consensus(), map.divisive(), map.minority(), map.bridging(),
                me(actor, map));
    }

    /** In an order that says nothing about who each point is ({@link MapPoints}). */
    private PointsView points(Actor actor, OpinionSnapshot map) {
        return new PointsView(java.util.Objects.toString(map.computedAt(), null), map.groups().size(),
                mapPoints.of(map).stream().map(Point::of).toList(), me(actor, map));
    }
}
