package org.incrowd.review;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.incrowd.identity.Actor;
import org.incrowd.review.internal.IdeaReviews;
import org.incrowd.shared.FieldErrors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The stages of each Jam's review pipeline: the organiser's own, or the defaults. */
@Service
public class ReviewStages {

    /** new → under review → selected → in progress → implemented / not pursued. */
    public static final List<Stage> DEFAULTS = List.of(
            new Stage(Stage.NEW, null, StageOutcome.NEW, 0),
            new Stage("under-review", null, StageOutcome.OPEN, 1),
            new Stage("selected", null, StageOutcome.ACCEPTED, 2),
            new Stage("in-progress", null, StageOutcome.ACCEPTED, 3),
            new Stage("implemented", null, StageOutcome.ACCEPTED, 4),
            new Stage("not-pursued", null, StageOutcome.DECLINED, 5));
    /** The ledger's action for a change of a Jam's stages (seen by staff only). */
    public static final String STAGES_CONFIGURED = "STAGES_CONFIGURED";
    /** A pipeline longer than this is no pipeline a reviewer can keep in mind. */
    public static final int MAX_STAGES = 20;
    public static final int MAX_NAME = 80;

    /**
     * One stage as the organiser wants it.
     *
     * @param key  an existing stage's key, or null/blank for a new stage (its key is made from its name)
     * @param name the stage's name; null or blank keeps a default stage named in each reader's language
     */
    public record StageDraft(String key, String name, StageOutcome outcome) {
    }

    private final JdbcClient jdbc;
    private final ReviewAccess access;
    private final IdeaReviews reviews;
    private final ReviewLedger ledger;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReviewStages(JdbcClient jdbc, ReviewAccess access, IdeaReviews reviews, ReviewLedger ledger,
                 ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.reviews = reviews;
        this.ledger = ledger;
        this.events = events;
        this.clock = clock;
    }

    /** The Jam's stages in pipeline order; the defaults while its organisers have configured none. */
    @Transactional(readOnly = true)
    public List<Stage> of(long jamId) {
        var configured = jdbc.sql("select stage_key, name, outcome, position from review_stage where jam_id = ?"
                        + " order by position")
                .param(jamId)
                .query((rs, n) -> new Stage(rs.getString(1), rs.getString(2), StageOutcome.valueOf(rs.getString(3)),
                        rs.getInt(4)))
                .list();
        return configured.isEmpty() ? DEFAULTS : configured;
    }

    public Optional<Stage> find(long jamId, String key) {
        return of(jamId).stream().filter(stage -> stage.key().equals(key)).findFirst();
    }

    /** How many of the Jam's ideas stand in each stage (for the organiser: which stages may go). */
    @Transactional(readOnly = true)
    public java.util.Map<String, Long> ideasPerStage(long jamId) {
        return reviews.countsByStage(jamId);
    }

    /**
     * Replaces the Jam's pipeline with {@code drafts}, in their order (organisers only). Refused as a whole, changing
     * nothing, unless the new stage comes first and no other stage is new, every stage not named by the bundle has a
     * name, and every stage left out holds no idea.
     */
    @Transactional
    public List<Stage> configure(Actor actor, long jamId, List<StageDraft> drafts) {
        access.requireOrganiser(actor, jamId);
        var current = of(jamId);
        var errors = FieldErrors.none();
        if (drafts.isEmpty() || drafts.size() > MAX_STAGES) {
            errors.add("stages", "review.stages.count", MAX_STAGES);
        }
        var keys = new HashSet<String>();
        // Keys the organiser kept are taken before any new stage is named, wherever it stands in the list.
        var kept = new HashSet<String>();
        drafts.stream().filter(d -> d.key() != null && !d.key().isBlank()).forEach(d -> kept.add(d.key().strip()));
        var stages = new ArrayList<Stage>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            var draft = drafts.get(i);
            String name = draft.name() == null || draft.name().isBlank() ? null : draft.name().strip();
            boolean known = draft.key() != null && !draft.key().isBlank();
            String key = known ? draft.key().strip() : keyFor(name, union(kept, keys));
            boolean bundleNamed = DEFAULTS.stream().anyMatch(stage -> stage.key().equals(key));
            if (name == null && !bundleNamed) {
                errors.add("name." + i, "review.stages.nameRequired");
            } else if (name != null && name.length() > MAX_NAME) {
                errors.add("name." + i, "review.stages.nameTooLong", MAX_NAME);
            }
            if (draft.outcome() == null) {
                errors.add("outcome." + i, "review.stages.outcomeRequired");
            }
            if (known && current.stream().noneMatch(stage -> stage.key().equals(key)) || !keys.add(key)) {
                errors.add("stages", "review.stages.unknown");
            }
            stages.add(new Stage(key, name, draft.outcome(), i));
        }
        boolean newFirst = !stages.isEmpty() && stages.getFirst().key().equals(Stage.NEW)
                && stages.getFirst().outcome() == StageOutcome.NEW
                && stages.stream().filter(stage -> stage.outcome() == StageOutcome.NEW).count() == 1;
        if (!newFirst) {
            errors.add("stages", "review.stages.newFirst");
        }
        var counts = reviews.countsByStage(jamId);
        for (var stage : current) {
            long held = counts.getOrDefault(stage.key(), 0L);
            if (!keys.contains(stage.key()) && held > 0) {
                errors.add("stages", "review.stages.inUse", stage.name() != null ? stage.name() : stage.key(), held);
            }
        }
        errors.throwIfAny();
        jdbc.sql("delete from review_stage where jam_id = ?").param(jamId).update();
        for (var stage : stages) {
            jdbc.sql("insert into review_stage (jam_id, stage_key, position, name, outcome) values (?, ?, ?, ?, ?)")
                    .params(jamId, stage.key(), stage.position(), stage.name(), stage.outcome().name()).update();
        }
        String order = stages.stream().map(Stage::key).collect(Collectors.joining(" "));
        ledger.record(new ReviewLedger.Act(jamId, null, null, STAGES_CONFIGURED, null,
                order.length() > 200 ? order.substring(0, 200) : order, null, actor.personId(), clock.instant(),
                false));
        events.publishEvent(new ReviewEvents.LoopChanged(jamId, null, null, "stages"));
        return List.copyOf(stages);
    }

    private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        var all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** A new stage's key: its name in lower case letters, digits and hyphens, unique in the pipeline. */
    private static String keyFor(String name, java.util.Set<String> taken) {
        String base = name == null ? "" : java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (base.isEmpty()) {
            base = "stage";
        }
        base = base.length() > 34 ? base.substring(0, 34) : base;
        String key = base;
        for (int n = 2; taken.contains(key); n++) {
            key = base + "-" + n;
        }
        return key;
    }
}
