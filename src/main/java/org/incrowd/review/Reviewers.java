package org.incrowd.review;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.incrowd.identity.Actor;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.Person;
import org.incrowd.jam.JamService;
import org.incrowd.review.internal.Assignments;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organisers assign reviewers: a whole forum, a Jam Pulse theme, or chosen ideas, optionally with a due date. A due
 * date is also kept on each idea concerned (the earliest one), so that the queue finds overdue ideas by index.
 */
@Service
public class Reviewers {

    /** The ledger's action for an assignment. */
    public static final String ASSIGNED = "REVIEWER_ASSIGNED";
    /** The ledger's action for a removed assignment. */
    public static final String UNASSIGNED = "REVIEWER_UNASSIGNED";

    /** What is assigned: a forum, a theme or one idea (exactly one of them). */
    public record Target(Long forumId, String themeKey, Long ideaId) {
        public static Target forum(long forumId) {
            return new Target(forumId, null, null);
        }

        public static Target theme(String key) {
            return new Target(null, key, null);
        }

        public static Target idea(long ideaId) {
            return new Target(null, null, ideaId);
        }
    }

    /** An assignment with the reviewer's name. */
    public record Assigned(long id, long reviewerId, String reviewerName, String reviewerEmail, Long forumId,
                           String themeKey, Long ideaId, Instant dueAt) {
    }

    private final ReviewAccess access;
    private final Assignments assignments;
    private final IdentityService identity;
    private final JamService jams;
    private final ReviewLedger ledger;
    private final JdbcClient jdbc;
    private final Clock clock;

    Reviewers(ReviewAccess access, Assignments assignments, IdentityService identity, JamService jams,
              ReviewLedger ledger, JdbcClient jdbc, Clock clock) {
        this.access = access;
        this.assignments = assignments;
        this.identity = identity;
        this.jams = jams;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Assigned> of(Actor actor, long jamId) {
        access.requireOrganiser(actor, jamId);
        var all = assignments.ofJam(jamId);
        Map<Long, Person> people = identity.findAll(all.stream().map(Assignments.Assignment::reviewerId)
                .distinct().toList());
        return all.stream().map(a -> {
            var person = people.get(a.reviewerId());
            return new Assigned(a.id(), a.reviewerId(), person == null ? "" : person.displayName(),
                    person == null ? "" : person.email(), a.forumId(), a.themeKey(), a.ideaId(), a.dueAt());
        }).toList();
    }

    /** Assigns the person with this e-mail address the targets; refused as a whole when any is unknown. */
    @Transactional
    public void assign(Actor actor, long jamId, String reviewerEmail, Collection<Target> targets, Instant dueAt) {
        access.requireOrganiser(actor, jamId);
        var errors = FieldErrors.none();
        var reviewer = reviewerEmail == null || reviewerEmail.isBlank() ? java.util.Optional.<Person>empty()
                : identity.findByEmail(reviewerEmail.strip());
        if (reviewer.isEmpty()) {
            errors.add("reviewer", "review.reviewers.unknownPerson");
        }
        if (targets.isEmpty()) {
            errors.add("target", "review.reviewers.noTarget");
        }
        for (var target : targets) {
            if (target.forumId() != null && jams.findForum(target.forumId())
                    .filter(forum -> forum.jamId() == jamId).isEmpty()) {
                errors.add("target", "review.reviewers.unknownForum");
            }
            if (target.themeKey() != null && (target.themeKey().isBlank() || target.themeKey().length() > 40)) {
                errors.add("target", "review.reviewers.unknownTheme");
            }
        }
        var ideas = targets.stream().map(Target::ideaId).filter(java.util.Objects::nonNull).distinct().toList();
        if (!ideas.isEmpty() && count("idea_id in (:ids)", Map.of("ids", ideas), jamId) != ideas.size()) {
            errors.add("target", "review.unknownIdeas");
        }
        errors.throwIfAny();
        long reviewerId = reviewer.orElseThrow().id();
        var now = clock.instant();
        var acts = new java.util.ArrayList<ReviewLedger.Act>();
        for (var target : targets) {
            assignments.add(jamId, reviewerId, target.forumId(), target.themeKey(), target.ideaId(), dueAt);
            if (dueAt != null) {
                setDue(jamId, target, dueAt);
            }
            acts.add(new ReviewLedger.Act(jamId, target.ideaId(), target.themeKey(), ASSIGNED, null,
                    "reviewer=" + reviewerId + (target.forumId() == null ? "" : " forum=" + target.forumId())
                            + (dueAt == null ? "" : " due=" + dueAt), null, actor.personId(), now, false));
        }
        ledger.recordAll(acts);
    }

    @Transactional
    public void remove(Actor actor, long jamId, long assignmentId) {
        access.requireOrganiser(actor, jamId);
        if (assignments.remove(jamId, assignmentId) == 0) {
            throw Refusal.notFound("review.reviewers.notFound");
        }
        ledger.record(new ReviewLedger.Act(jamId, null, null, UNASSIGNED, null, "assignment=" + assignmentId, null,
                actor.personId(), clock.instant(), false));
    }

    /** Replaces all of the Jam's assignments (the API's PUT). */
    @Transactional
    public void replace(Actor actor, long jamId, Map<String, List<Target>> byEmail, Instant dueAt) {
        access.requireOrganiser(actor, jamId);
        assignments.removeAll(jamId);
        ledger.record(new ReviewLedger.Act(jamId, null, null, UNASSIGNED, null, "all", null, actor.personId(),
                clock.instant(), false));
        byEmail.forEach((email, targets) -> assign(actor, jamId, email, targets, dueAt));
    }

    private void setDue(long jamId, Target target, Instant dueAt) {
        String which = target.forumId() != null ? "forum_id = :target" : target.themeKey() != null
                ? "theme_key = :target" : "idea_id = :target";
        Object value = target.forumId() != null ? target.forumId() : target.themeKey() != null ? target.themeKey()
                : target.ideaId();
        jdbc.sql("update idea_review set due_at = :due where jam_id = :jam and " + which
                        + " and (due_at is null or due_at > :due)")
                .param("due", Timestamp.from(dueAt)).param("jam", jamId).param("target", value).update();
    }

    private long count(String condition, Map<String, Object> params, long jamId) {
        return jdbc.sql("select count(*) from idea_review where jam_id = :jam and " + condition).param("jam", jamId)
                .params(params).query(Long.class).single();
    }
}
