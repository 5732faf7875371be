package org.incrowd.report;

import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.incrowd.identity.Actor;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamService;
import org.incrowd.report.internal.OpenDataPublications;
import org.incrowd.report.internal.OpenDataScope;
import org.incrowd.report.internal.OpenDataWriter;
import org.incrowd.review.ReviewEvents;
import org.incrowd.review.ReviewLedger;
import org.incrowd.shared.AdministrativeAct;
import org.incrowd.shared.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Open data of a Jam or forum: organisers export it, pseudonymised or with authors removed, and may publish it; a
 * published export is readable by everyone who may read the Jam, in the mode the organiser published. Publishing,
 * withdrawing and organisers' exports are recorded in the response ledger.
 */
@Service
public class OpenData {

    /** Ledger actions. */
    public static final String PUBLISHED = "open-data-published";
    public static final String WITHDRAWN = "open-data-withdrawn";
    public static final String EXPORTED = "open-data-exported";

    /** What the open-data page shows a reader. */
    public record Page(Jam jam, List<Forum> forums, boolean organiser, Optional<OpenDataPublication> publication,
                       Forum forum, OpenDataMode mode) {

        public List<OpenDataMode> modes() {
            return List.of(OpenDataMode.values());
        }
    }

    private final JamService jams;
    private final OpenDataPublications publications;
    private final OpenDataWriter writer;
    private final ReviewLedger ledger;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OpenData(JamService jams, OpenDataPublications publications, OpenDataWriter writer, ReviewLedger ledger,
             ApplicationEventPublisher events, Clock clock) {
        this.jams = jams;
        this.publications = publications;
        this.writer = writer;
        this.ledger = ledger;
        this.events = events;
        this.clock = clock;
    }

    /** Organisers see every choice; others see the published export only, and "not found" before it is published. */
    public Page page(Actor actor, long jamId, Long forumId, String mode) {
        var jam = jams.require(actor, jamId);
        var published = publications.of(jamId);
        if (!actor.canOrganise() && published.isEmpty()) {
            throw Refusal.notFound("openData.notPublished");
        }
        var forums = jams.forums(actor, jamId);
        var forum = forumId == null ? null : forums.stream().filter(f -> f.id() == forumId).findFirst()
                .orElseThrow(() -> Refusal.notFound("forum.notFound"));
        var chosen = actor.canOrganise() ? OpenDataMode.parse(mode) : published.get().mode();
        return new Page(jam, forums, actor.canOrganise(), published, forum, chosen);
    }

    /**
     * Checks that the reader may download this export, and records an organiser's export; the caller then streams
     * it with {@link #writeZip} or {@link #writeJson}, outside any transaction.
     */
    @Transactional
    public OpenDataScope requireExport(Actor actor, long jamId, Long forumId, String mode) {
        var page = page(actor, jamId, forumId, mode);
        if (!actor.canOrganise() && mode != null && !mode.isBlank() && OpenDataMode.parse(mode) != page.mode()) {
            throw Refusal.forbidden("openData.modeNotPublished");
        }
        String title = page.forum() == null ? page.jam().title() : page.jam().title() + " – " + page.forum().title();
        var scope = new OpenDataScope(jamId, forumId, title, page.mode(), clock.instant());
        if (actor.canOrganise()) {
            ledger.record(new ReviewLedger.Act(jamId, null, null, EXPORTED, null, detail(scope), null,
                    actor.personId(), scope.exportedAt(), false));
            events.publishEvent(AdministrativeAct.exportDownloaded(actor.personId(),
                    forumId == null ? "jam:" + jamId : "forum:" + forumId, "open-data", page.mode().name()));
        }
        return scope;
    }

    public void writeZip(OpenDataScope scope, OutputStream out) {
        writer.zip(scope, out);
    }

    public void writeJson(OpenDataScope scope, OutputStream out) {
        writer.json(scope, out);
    }

    public Optional<OpenDataPublication> publication(Actor actor, long jamId) {
        jams.require(actor, jamId);
        return publications.of(jamId);
    }

    /**
     * Publishes the Jam's export in a mode, or withdraws it; organisers only. Recorded in the ledger, visible to
     * participants, and open pages refresh.
     */
    @Transactional
    public Optional<OpenDataPublication> publish(Actor actor, long jamId, boolean published, String mode) {
        jams.require(actor, jamId);
        if (!actor.canOrganise()) {
            throw Refusal.forbidden("error.forbidden");
        }
        var now = clock.instant();
        if (published) {
            var chosen = OpenDataMode.parse(mode);
            publications.publish(jamId, chosen, actor.personId(), now);
            ledger.record(new ReviewLedger.Act(jamId, null, null, PUBLISHED, null, "mode=" + chosen.key(), null,
                    actor.personId(), now, true));
        } else if (publications.of(jamId).isEmpty()) {
            return Optional.empty(); // nothing to withdraw, nothing to record
        } else {
            publications.withdraw(jamId);
            ledger.record(new ReviewLedger.Act(jamId, null, null, WITHDRAWN, null, null, null, actor.personId(),
                    now, true));
        }
        events.publishEvent(new ReviewEvents.LoopChanged(jamId, null, null, "open-data"));
        return publications.of(jamId);
    }

    private static String detail(OpenDataScope scope) {
        return (scope.forumId() == null ? "jam" : "forum=" + scope.forumId()) + ";mode=" + scope.mode().key();
    }
}
