package org.incrowd.insight.participation.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParticipationAnalysisTests {

    /** {@code n} people of one unit in one country; the first {@code active} of them posted {@code posts} each. */
    static List<Counted> people(int n, String unit, String country, int active, int posts) {
        var people = new ArrayList<Counted>();
        for (int i = 0; i < n; i++) {
            people.add(new Counted(country, unit, "Analyst", "EMPLOYEE", true, true, i < active, i < active ? posts : 0));
        }
        return people;
    }

    @Test
    void groupsCountInvitedJoinedActiveAndPostsAndAreSortedLargestFirst() {
        var people = new ArrayList<Counted>();
        people.addAll(people(6, "Sales", "DE", 3, 2));
        people.addAll(people(8, "Plant", "FR", 2, 1));
        var figures = ParticipationAnalysis.analyse(people, 5);

        var units = figures.breakdown(Dimension.UNIT).groups();
        assertThat(units).extracting(GroupFigures::value).containsExactly("Plant", "Sales");
        assertThat(units.get(1)).isEqualTo(new GroupFigures("Sales", 6, 6, 6, 3, 3, 6));
        assertThat(units.get(1).shareActive()).isEqualTo(0.5);
        assertThat(figures.total()).isEqualTo(new GroupFigures(null, 14, 14, 14, 5, 5, 8));
    }

    @Test
    void groupsBelowTheThresholdAreHiddenAndCounted() {
        var people = new ArrayList<Counted>();
        people.addAll(people(5, "Sales", "DE", 1, 1));
        people.addAll(people(4, "Legal", "DE", 0, 0));
        people.addAll(people(1, "Board", "DE", 1, 1));
        var units = ParticipationAnalysis.analyse(people, 5).breakdown(Dimension.UNIT);

        assertThat(units.groups()).extracting(GroupFigures::value).containsExactly("Sales");
        assertThat(units.hiddenGroups()).isEqualTo(2);
    }

    @Test
    void theQuietListRanksSilentGroupsFirstAndLeavesOutGroupsAsActiveAsTheJam() {
        var people = new ArrayList<Counted>();
        people.addAll(people(10, "Busy", "DE", 9, 1));
        people.addAll(people(6, "Silent", "DE", 0, 0));
        people.addAll(people(12, "Silent too", "DE", 0, 0));
        people.addAll(people(10, "Slow", "DE", 2, 1));
        var quiet = ParticipationAnalysis.analyse(people, 5).quiet();

        assertThat(quiet).filteredOn(q -> q.dimension() == Dimension.UNIT)
                .extracting(q -> q.figures().value())
                .containsExactly("Silent too", "Silent", "Slow");
        assertThat(quiet).noneMatch(q -> q.dimension() == Dimension.COUNTRY); // DE is the whole Jam
    }

    @Test
    void activePeopleFromOutsideTheAudienceDoNotRaiseTheShareOfTheInvited() {
        var people = new ArrayList<Counted>(people(5, "Ops", "DE", 0, 0));
        people.add(new Counted("DE", "Ops", "Analyst", "EMPLOYEE", false, false, true, 3));
        var ops = ParticipationAnalysis.analyse(people, 5).breakdown(Dimension.UNIT).groups().getFirst();

        assertThat(ops.active()).isEqualTo(1);
        assertThat(ops.shareActive()).isZero();
    }

    @Test
    void notGivenIsAGroupInTheTablesButNotInTheQuietList() {
        var people = new ArrayList<Counted>();
        people.addAll(people(6, null, "DE", 0, 0));
        people.addAll(people(6, "Sales", "DE", 6, 1));
        var figures = ParticipationAnalysis.analyse(people, 5);

        assertThat(figures.breakdown(Dimension.UNIT).groups()).extracting(GroupFigures::value).contains((String) null);
        assertThat(figures.quiet()).noneMatch(q -> q.figures().value() == null);
    }
}
