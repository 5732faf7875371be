package org.incrowd.review;

import java.time.Clock;
import java.util.List;
import org.incrowd.identity.Actor;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Named filter sets of the review queue: a reviewer's own, or shared with everyone who reviews the Jam. */
@Service
public class SavedViews {

    /** The ledger's action for a saved view. */
    public static final String VIEW_SAVED = "VIEW_SAVED";
    public static final int NAME_LENGTH = 80;

    /** A saved view; {@code filter} re-applies it. */
    public record View(long id, long jamId, long ownerId, String name, QueueFilter filter, boolean shared) {
    }

    private final ReviewAccess access;
    private final ReviewLedger ledger;
    private final JdbcClient jdbc;
    private final Clock clock;

    SavedViews(ReviewAccess access, ReviewLedger ledger, JdbcClient jdbc, Clock clock) {
        this.access = access;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Saves the filters under a name; only organisers share views with the Jam. */
    @Transactional
    public View save(Actor actor, long jamId, String name, QueueFilter filter, boolean shared) {
        access.requireReviewer(actor, jamId);
        String written = name == null ? "" : name.strip();
        var errors = FieldErrors.none();
        if (written.isEmpty() || written.length() > NAME_LENGTH) {
            errors.add("viewName", "review.view.nameRequired", NAME_LENGTH);
        }
        errors.throwIfAny();
        boolean share = shared && access.isOrganiser(actor);
        jdbc.sql("insert into review_view (jam_id, owner_id, name, query, shared) values (?, ?, ?, ?, ?)")
                .params(jamId, actor.personId(), written, filter.query(), share).update();
        long id = jdbc.sql("select max(id) from review_view where jam_id = ? and owner_id = ?")
                .params(jamId, actor.personId()).query(Long.class).single();
        ledger.record(new ReviewLedger.Act(jamId, null, null, VIEW_SAVED, null, written, null, actor.personId(),
                clock.instant(), false));
        return new View(id, jamId, actor.personId(), written, filter, share);
    }

    /** The actor's own views and the Jam's shared ones, by name. */
    @Transactional(readOnly = true)
    public List<View> of(Actor actor, long jamId) {
        access.requireReviewer(actor, jamId);
        return jdbc.sql("select id, jam_id, owner_id, name, query, shared from review_view"
                        + " where jam_id = ? and (owner_id = ? or shared) order by name, id")
                .params(jamId, actor.personId()).query((rs, n) -> new View(rs.getLong(1), rs.getLong(2),
                        rs.getLong(3), rs.getString(4), QueueFilter.ofQuery(rs.getString(5)), rs.getBoolean(6)))
                .list();
    }

    /** One of the views the actor may use. */
    public View require(Actor actor, long jamId, long viewId) {
        return of(actor, jamId).stream().filter(view -> view.id() == viewId).findFirst()
                .orElseThrow(() -> Refusal.notFound("review.view.notFound"));
    }
}
