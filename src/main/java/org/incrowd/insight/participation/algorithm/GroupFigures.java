package org.incrowd.insight.participation.algorithm;

/**
 * The figures of one group. {@code people}: everyone counted in it (invited, joined or active); {@code
 * activeInvited}: the invited who were active, so that {@link #shareActive()} stays a share of the invited even when
 * organisers or staff outside the audience take part.
 */
public record GroupFigures(String value, long people, long invited, long joined, long active, long activeInvited,
                           long posts) {

    /** Active share of the invited, 0..1; 0 where nobody in the group was invited. */
    public double shareActive() {
        return invited == 0 ? 0 : (double) activeInvited / invited;
    }

    GroupFigures plus(Counted person) {
        return new GroupFigures(value, people + 1, invited + (person.invited() ? 1 : 0),
                joined + (person.joined() ? 1 : 0), active + (person.active() ? 1 : 0),
                activeInvited + (person.invited() && person.active() ? 1 : 0), posts + person.posts());
    }

    /** These figures and {@code more} together, under this group's value. */
    public GroupFigures plus(GroupFigures more) {
        return new GroupFigures(value, people + more.people, invited + more.invited, joined + more.joined,
                active + more.active, activeInvited + more.activeInvited, posts + more.posts);
    }

    static GroupFigures empty(String value) {
        return new GroupFigures(value, 0, 0, 0, 0, 0, 0);
    }
}
