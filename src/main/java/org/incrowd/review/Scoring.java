package org.incrowd.review;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.incrowd.identity.Actor;
import org.incrowd.identity.IdentityService;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scorecards: the organiser's weighted criteria per Jam, scored 1 to 5 by several reviewers. An idea's score is the
 * mean of its reviewers' weighted totals, kept on {@code idea_review} with its spread so that the queue filters and
 * sorts by it without reading the scores. Scores are recorded in the ledger, not shown to participants.
 */
@Service
public class Scoring {

    /** The ledger's action for a reviewer's scores of an idea (not public). */
    public static final String SCORED = "SCORED";
    /** The ledger's action for a new scorecard. */
    public static final String SCORECARD_SET = "SCORECARD_SET";
    public static final int LOWEST = 1;
    public static final int HIGHEST = 5;
    public static final int MAX_CRITERIA = 10;
    public static final int NAME_LENGTH = 80;

    private final ReviewAccess access;
    private final ReviewLedger ledger;
    private final IdentityService identity;
    private final JdbcClient jdbc;
    private final Clock clock;

    Scoring(ReviewAccess access, ReviewLedger ledger, IdentityService identity, JdbcClient jdbc, Clock clock) {
        this.access = access;
        this.ledger = ledger;
        this.identity = identity;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Criterion> criteria(long jamId) {
        return jdbc.sql("select position, name, weight from review_criterion where jam_id = ? order by position")
                .param(jamId).query((rs, n) -> new Criterion(rs.getInt(1), rs.getString(2), rs.getInt(3))).list();
    }

    /**
     * Replaces the Jam's scorecard. Names and weights are read as typed; refused as a whole (nothing changed) when a
     * name is missing, a weight is not a whole number from 0 to 100, or the weights do not add up to 100.
     */
    @Transactional
    public List<Criterion> define(Actor actor, long jamId, List<String> names, List<String> weights) {
        access.requireOrganiser(actor, jamId);
        var errors = FieldErrors.none();
        var criteria = new ArrayList<Criterion>();
        int total = 0;
        for (int i = 0; i < Math.max(names.size(), weights.size()); i++) {
            String name = i < names.size() && names.get(i) != null ? names.get(i).strip() : "";
            String weight = i < weights.size() && weights.get(i) != null ? weights.get(i).strip() : "";
            if (name.isEmpty() && weight.isEmpty()) {
                continue;
            }
            if (name.isEmpty() || name.length() > NAME_LENGTH) {
                errors.add("names", "review.scorecard.nameRequired", NAME_LENGTH);
            }
            Integer value = parse(weight);
            if (value == null || value < 0 || value > 100) {
                errors.add("weights", "review.scorecard.weightInvalid", weight);
            } else {
                total += value;
                criteria.add(new Criterion(criteria.size(), name, value));
            }
        }
        if (criteria.isEmpty() && errors.isEmpty()) {
            errors.add("names", "review.scorecard.none");
        } else if (criteria.size() > MAX_CRITERIA) {
            errors.add("names", "review.scorecard.tooMany", MAX_CRITERIA);
        }
        errors.throwIfAny();
        if (total != 100) {
            // thrown alone, so that the API's problem names the total too
            throw Refusal.invalid("weights", "review.scorecard.weightsTotal", total);
        }
        jdbc.sql("delete from review_criterion where jam_id = ?").param(jamId).update();
        for (var criterion : criteria) {
            jdbc.sql("insert into review_criterion (jam_id, position, name, weight) values (?, ?, ?, ?)")
                    .params(jamId, criterion.position(), criterion.name(), criterion.weight()).update();
        }
        var scored = jdbc.sql("select distinct s.idea_id from review_score s"
                        + " join idea_review r on r.idea_id = s.idea_id where r.jam_id = ?")
                .param(jamId).query(Long.class).list();
        scored.forEach(ideaId -> refresh(jamId, ideaId));
        ledger.record(new ReviewLedger.Act(jamId, null, null, SCORECARD_SET, null, describe(criteria), null,
                actor.personId(), clock.instant(), false));
        return criteria;
    }

    /**
     * Records the reviewer's scores of an idea, one per criterion from 1 to 5 (replacing their earlier ones), and
     * updates the idea's score and spread.
     */
    @Transactional
    public IdeaScores score(Actor actor, long jamId, long ideaId, Map<Integer, Integer> scores) {
        access.requireReviewerOf(actor, jamId, List.of(ideaId));
        var criteria = criteria(jamId);
        if (criteria.isEmpty()) {
            throw Refusal.conflict("review.scorecard.undefined");
        }
        var errors = FieldErrors.none();
        for (var criterion : criteria) {
            Integer value = scores.get(criterion.position());
            if (value == null || value < LOWEST || value > HIGHEST) {
                errors.add("score" + criterion.position(), "review.score.range", LOWEST, HIGHEST);
            }
        }
        errors.throwIfAny();
        requireIdea(jamId, ideaId);
        var now = clock.instant();
        jdbc.sql("delete from review_score where idea_id = ? and reviewer_id = ?").params(ideaId, actor.personId())
                .update();
        for (var criterion : criteria) {
            jdbc.sql("insert into review_score (idea_id, reviewer_id, position, score, scored_at)"
                            + " values (?, ?, ?, ?, ?)")
                    .params(ideaId, actor.personId(), criterion.position(), scores.get(criterion.position()),
                            Timestamp.from(now)).update();
        }
        var result = refresh(jamId, ideaId);
        ledger.record(new ReviewLedger.Act(jamId, ideaId, null, SCORED, null, criteria.stream()
                .map(c -> c.name() + "=" + scores.get(c.position())).collect(Collectors.joining(", ")), null,
                actor.personId(), now, false));
        return result;
    }

    /** Every reviewer's scores of the idea, with the weighted mean and spread. */
    @Transactional(readOnly = true)
    public IdeaScores scores(Actor actor, long jamId, long ideaId) {
        access.requireReviewerOf(actor, jamId, List.of(ideaId));
        requireIdea(jamId, ideaId);
        return read(jamId, ideaId);
    }

    private void requireIdea(long jamId, long ideaId) {
        if (jdbc.sql("select count(*) from idea_review where jam_id = ? and idea_id = ?").params(jamId, ideaId)
                .query(Long.class).single() == 0) {
            throw Refusal.notFound("review.unknownIdeas");
        }
    }

    private IdeaScores read(long jamId, long ideaId) {
        var criteria = criteria(jamId);
        var byReviewer = new LinkedHashMap<Long, Map<Integer, Integer>>();
        jdbc.sql("select reviewer_id, position, score from review_score where idea_id = ? order by reviewer_id")
                .param(ideaId).query(rs -> {
                    byReviewer.computeIfAbsent(rs.getLong(1), id -> new TreeMap<>()).put(rs.getInt(2), rs.getInt(3));
                });
        var names = identity.findAll(byReviewer.keySet());
        var reviewers = new ArrayList<IdeaScores.ReviewerScore>();
        byReviewer.forEach((reviewer, scores) -> {
            double total = criteria.stream().mapToDouble(c -> c.weight() * scores.getOrDefault(c.position(), 0))
                    .sum() / 100.0;
            reviewers.add(new IdeaScores.ReviewerScore(reviewer,
                    names.containsKey(reviewer) ? names.get(reviewer).displayName() : "", scores, total));
        });
        return IdeaScores.of(ideaId, criteria, reviewers);
    }

    private IdeaScores refresh(long jamId, long ideaId) {
        var result = read(jamId, ideaId);
        jdbc.sql("update idea_review set score = ?, score_low = ?, score_high = ?, scorers = ? where idea_id = ?")
                .params(result.score(), result.low(), result.high(), result.reviewers().size(), ideaId).update();
        return result;
    }

    private static String describe(List<Criterion> criteria) {
        String text = criteria.stream().map(c -> c.name() + " " + c.weight() + "%").collect(Collectors.joining(", "));
        return text.length() > 200 ? text.substring(0, 200) : text;
    }

    private static Integer parse(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
