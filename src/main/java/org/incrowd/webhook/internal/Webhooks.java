package org.incrowd.webhook.internal;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.incrowd.identity.Actor;
import org.incrowd.jam.Jam;
import org.incrowd.jam.JamService;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registering, pausing and removing a Jam's webhooks, and reading their deliveries: organisers only. */
@Service
class Webhooks {

    static final int MAX_NAME = 80;
    /** Enough for every system an organiser connects; a Jam's events fan out to each. */
    static final int MAX_PER_JAM = 20;
    static final int DELIVERIES_PER_PAGE = 25;

    private final WebhookRows rows;
    private final WebhookAddresses addresses;
    private final JamService jams;
    private final Clock clock;

    Webhooks(WebhookRows rows, WebhookAddresses addresses, JamService jams, Clock clock) {
        this.rows = rows;
        this.addresses = addresses;
        this.jams = jams;
        this.clock = clock;
    }

    /** What registering gives: the webhook, and its secret, shown this once. */
    record Registered(Webhook webhook, String secret) {
    }

    /** The Jam, if this person may manage its webhooks: 404 where they cannot see it, 403 where they only read it. */
    Jam requireManager(Actor actor, long jamId) {
        var jam = jams.require(actor, jamId);
        if (!actor.canOrganise()) {
            throw Refusal.forbidden("webhook.organisersOnly");
        }
        return jam;
    }

    List<Webhook> list(Actor actor, long jamId) {
        requireManager(actor, jamId);
        return rows.ofJam(jamId);
    }

    @Transactional
    Registered register(Actor actor, long jamId, String name, String url, Set<WebhookEvent> events) {
        var jam = requireManager(actor, jamId);
        var errors = FieldErrors.none();
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty()) {
            errors.add("name", "webhook.name.required");
        } else if (cleanName.length() > MAX_NAME) {
            errors.add("name", "form.tooLong");
        }
        String checkedUrl = null;
        try {
            checkedUrl = addresses.check(url).toString();
        } catch (Refusal refused) {
            errors.add(refused);
        }
        if (events == null || events.isEmpty()) {
            errors.add("events", "webhook.events.required");
        }
        if (rows.countOfJam(jamId) >= MAX_PER_JAM) {
            errors.add("form", "webhook.tooMany", MAX_PER_JAM);
        }
        errors.throwIfAny();
        String secret = WebhookSignature.newSecret();
        long id = rows.insert(jamId, cleanName, checkedUrl, secret, EnumSet.copyOf(events), actor.personId(),
                clock.instant());
        // From now on a phase change is one the webhook reports; the phase the Jam is in already is not news.
        rows.notePhase(jamId, jam.phase(clock.instant()).name());
        return new Registered(require(jamId, id), secret);
    }

    @Transactional
    void setEnabled(Actor actor, long jamId, long webhookId, boolean enabled) {
        requireManager(actor, jamId);
        require(jamId, webhookId);
        rows.setEnabled(webhookId, enabled);
    }

    @Transactional
    void delete(Actor actor, long jamId, long webhookId) {
        requireManager(actor, jamId);
        require(jamId, webhookId);
        rows.delete(webhookId);
    }

    Webhook get(Actor actor, long jamId, long webhookId) {
        requireManager(actor, jamId);
        return require(jamId, webhookId);
    }

    /** A page of the webhook's deliveries, newest first, one more than a page to tell whether another follows. */
    List<Delivery> deliveries(Actor actor, long jamId, long webhookId, int page) {
        get(actor, jamId, webhookId);
        return rows.deliveries(webhookId, Math.max(page, 0) * DELIVERIES_PER_PAGE, DELIVERIES_PER_PAGE + 1);
    }

    private Webhook require(long jamId, long webhookId) {
        return rows.find(webhookId).filter(w -> w.jamId() == jamId)
                .orElseThrow(() -> Refusal.notFound("webhook.notFound"));
    }
}
