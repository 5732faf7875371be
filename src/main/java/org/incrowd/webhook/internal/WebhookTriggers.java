package org.incrowd.webhook.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.incrowd.discussion.Byline;
import org.incrowd.discussion.Bylines;
import org.incrowd.discussion.DiscussionEvents.PostPublished;
import org.incrowd.discussion.DiscussionEvents.ReactionCast;
import org.incrowd.discussion.ReactionKind;
import org.incrowd.discussion.Reading;
import org.incrowd.identity.Actor;
import org.incrowd.jam.JamEvents.JamScheduleChanged;
import org.incrowd.jam.JamService;
import org.incrowd.shared.PublicUrl;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns what happens in the other modules into webhook deliveries. The listeners run inside the transaction of the
 * change (plain {@code @EventListener}), so a post and its deliveries are committed together.
 */
@Component
class WebhookTriggers {

    /** Agree reactions that make a post worth reporting; each is reported once per post and webhook. */
    static final Set<Long> AGREEMENT_MILESTONES = Set.of(10L, 50L, 100L, 500L);

    private final WebhookOutbox outbox;
    private final WebhookRows rows;
    private final Reading reading;
    private final JamService jams;
    private final PublicUrl publicUrl;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Bylines bylines;

    WebhookTriggers(WebhookOutbox outbox, WebhookRows rows, Reading reading, JamService jams, PublicUrl publicUrl,
                    PlatformTransactionManager transactions, Clock clock, Bylines bylines) {
        this.bylines = bylines;
        this.outbox = outbox;
        this.rows = rows;
        this.reading = reading;
        this.jams = jams;
        this.publicUrl = publicUrl;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * The author as any reader of the forum sees them (ADR 49): a byline object always, and the account id only where
     * the byline names the author; a pseudonymous or anonymous post carries no id a receiving system could join on.
     */
    @EventListener
    void on(PostPublished post) {
        var data = postFacts(post.postId(), post.forumId(), post.threadId());
        data.put("parentId", post.parentId());
        var byline = bylines.ofPost(Actor.GUEST, post.postId());
        if (byline != null && !byline.hidesAuthor()) {
            data.put("authorId", post.authorId());
        }
        data.put("byline", byline == null ? null : shown(byline));
        outbox.record(post.jamId(), WebhookEvent.POST_CREATED, String.valueOf(post.postId()), data);
    }

    @EventListener
    void on(ReactionCast reaction) {
        if (reaction.kind() != ReactionKind.AGREE || !outbox.anyReports(reaction.jamId(), WebhookEvent.REACTION_MILESTONE)) {
            return;
        }
        long agree = reading.countsOf(reaction.postId()).agree();
        if (AGREEMENT_MILESTONES.contains(agree)) {
            var data = postFacts(reaction.postId(), reaction.forumId(), reaction.threadId());
            data.put("agree", agree);
            outbox.record(reaction.jamId(), WebhookEvent.REACTION_MILESTONE,
                    reaction.postId() + ":" + agree, data);
        }
    }

    /** Opening or closing early, publishing, a new schedule: reported at once, in the organiser's transaction. */
    @EventListener
    void on(JamScheduleChanged changed) {
        reportPhaseChange(changed.jamId());
    }

    /**
     * Phases also change by the clock alone. Every node checks; the conditional update in {@link
     * WebhookRows#movePhase} lets exactly one of them report each change.
     */
    @Scheduled(fixedDelayString = "${incrowd.webhooks.phase-check-ms:30000}")
    void checkPhases() {
        for (long jamId : rows.jamsReportingPhases()) {
            transaction.executeWithoutResult(status -> reportPhaseChange(jamId));
        }
    }

    private void reportPhaseChange(long jamId) {
        var jam = jams.findAll(Set.of(jamId)).get(jamId);
        var reported = rows.reportedPhase(jamId);
        if (jam == null || reported.isEmpty()) {
            return; // no webhook was ever registered for this Jam
        }
        String now = jam.phase(clock.instant()).name();
        String before = reported.get();
        if (!now.equals(before) && rows.movePhase(jamId, before, now)) {
            var data = new LinkedHashMap<String, Object>();
            data.put("from", before);
            data.put("to", now);
            data.put("startsAt", jam.startsAt().toString());
            data.put("endsAt", jam.openEnded() ? null : jam.endsAt().toString()); // an idea box has no end
            data.put("url", publicUrl.absolute("/jams/" + jamId));
            outbox.record(jamId, WebhookEvent.JAM_PHASE_CHANGED,
                    jamId + ":" + before + ":" + now + ":" + clock.millis(), data);
        }
    }

    private static Map<String, Object> shown(Byline byline) {
        var shown = new LinkedHashMap<String, Object>();
        shown.put("kind", byline.kind().name());
        shown.put("name", byline.name());
        shown.put("participantType", byline.participantType() == null ? null : byline.participantType().name());
        shown.put("country", byline.country());
        return shown;
    }

    private Map<String, Object> postFacts(long postId, long forumId, long threadId) {
        var data = new LinkedHashMap<String, Object>();
        data.put("postId", postId);
        data.put("forumId", forumId);
        data.put("threadId", threadId);
        data.put("url", publicUrl.absolute("/posts/" + postId));
        return data;
    }
}
