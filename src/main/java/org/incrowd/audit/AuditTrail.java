package org.incrowd.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.incrowd.audit.internal.AuditRows;
import org.incrowd.identity.Actor;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.Person;
import org.incrowd.shared.AdministrativeAct;
import org.incrowd.shared.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the audit trail: administrators only. Nothing here or anywhere else changes an entry; the database refuses
 * it, and the hash chain shows it where someone with the database's owner rights did it anyway (ADR 46).
 */
@Service
public class AuditTrail {

    public static final int PAGE_SIZE = 50;
    /** A "who" matching more people than this is too vague to be a search for someone. */
    private static final int MAX_ACTORS = 1000;

    /** The actions Incrowd records (ADR 46); the search also offers any other action found in the trail. */
    public static final List<String> ACTIONS = List.of("role.granted", "role.removed", "participant-type.changed",
            "person.deactivated", "person.reactivated", "people.imported", "invitations.sent", "api-token.issued",
            "export.downloaded", "settings.changed", "staff.assigned", "staff.unassigned", "member.removed",
            "member.reinstated", "post.revealed", "identity-mode.changed", "retention.run");

    private final AuditRows rows;
    private final IdentityService identity;
    private final ApplicationEventPublisher events;

    AuditTrail(AuditRows rows, IdentityService identity, ApplicationEventPublisher events) {
        this.rows = rows;
        this.identity = identity;
        this.events = events;
    }

    /** The latest entries first. */
    public List<AuditEntry> latest(Actor actor, int limit) {
        requireAdministrator(actor);
        return rows.latest(Math.max(1, Math.min(limit, 500)));
    }

    /** The known actions and those recorded, in alphabetical order. */
    public List<String> actions() {
        var all = new TreeSet<>(ACTIONS);
        all.addAll(rows.recordedActions());
        return List.copyOf(all);
    }

    /** A page of the entries the search finds, newest first; refused with every problem of the search at once. */
    public AuditPage search(Actor actor, AuditSearch search, int page) {
        requireAdministrator(actor);
        int number = Math.clamp(page, 0, 100_000);
        var found = rows.search(filter(search), number * PAGE_SIZE, PAGE_SIZE + 1);
        boolean hasMore = found.size() > PAGE_SIZE;
        var shown = hasMore ? found.subList(0, PAGE_SIZE) : found;
        var names = identity.findAll(shown.stream().map(AuditEntry::actorId).toList());
        return new AuditPage(shown.stream().map(entry -> new AuditPage.Shown(entry,
                name(names.get(entry.actorId())))).toList(), number, hasMore);
    }

    /**
     * Every entry the search finds, newest first, for an export; the export is itself recorded (in this transaction:
     * an export that cannot be recorded does not happen).
     */
    @Transactional
    public void export(Actor actor, AuditSearch search, String format, Consumer<AuditPage.Shown> sink) {
        requireAdministrator(actor);
        var filter = filter(search);
        events.publishEvent(new AdministrativeAct(actor.personId(), "export.downloaded", "audit", null,
                Map.of("format", format, "search", search.queryString())));
        var names = new HashMap<Long, String>();
        rows.forEach(filter, entry -> sink.accept(new AuditPage.Shown(entry, names.computeIfAbsent(entry.actorId(),
                id -> name(identity.find(id).orElse(null))))));
    }

    /** Walks the hash chain (ADR 46). */
    public AuditCheck check(Actor actor) {
        requireAdministrator(actor);
        return rows.check();
    }

    private AuditFilter filter(AuditSearch search) {
        var errors = search.errors(actions());
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        var zone = search.zoneId();
        var actorIds = search.who() == null ? null : identity.idsByNameOrEmail(search.who(), MAX_ACTORS);
        return new AuditFilter(actorIds, search.action(), search.subject(), new ArrayList<>(search.wordList()),
                search.fromDate() == null ? null : search.fromDate().atStartOfDay(zone).toInstant(),
                search.toDate() == null ? null : search.toDate().plusDays(1).atStartOfDay(zone).toInstant());
    }

    private static String name(Person person) {
        return person == null ? "" : person.displayName();
    }

    private static void requireAdministrator(Actor actor) {
        if (!actor.isAdministrator()) {
            throw Refusal.forbidden("audit.administratorsOnly");
        }
    }
}
