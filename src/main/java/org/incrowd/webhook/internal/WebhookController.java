package org.incrowd.webhook.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.incrowd.identity.CurrentActor;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The organisers' page of a Jam's webhooks, and each webhook's deliveries. */
@Controller
class WebhookController {

    private final Webhooks webhooks;
    private final CurrentActor currentActor;

    WebhookController(Webhooks webhooks, CurrentActor currentActor) {
        this.webhooks = webhooks;
        this.currentActor = currentActor;
    }

    @GetMapping("/jams/{jamId}/webhooks")
    String list(@PathVariable long jamId, @RequestParam(required = false) String done, Model model) {
        String notice = done == null ? null : switch (done) {
            case "paused", "resumed", "deleted" -> "webhook.done." + done;
            default -> null;
        };
        return page(model, jamId, "", "", EnumSet.noneOf(WebhookEvent.class), FieldErrors.none(), null, notice);
    }

    @PostMapping("/jams/{jamId}/webhooks")
    String register(@PathVariable long jamId, @RequestParam(defaultValue = "") String name,
                    @RequestParam(defaultValue = "") String url, @RequestParam(required = false) List<String> events,
                    Model model, HttpServletResponse response) {
        var actor = currentActor.require();
        var chosen = EnumSet.noneOf(WebhookEvent.class);
        for (String event : events == null ? List.<String>of() : events) {
            chosen.add(WebhookEvent.ofWireName(event)
                    .orElseThrow(() -> Refusal.badRequest("events", "webhook.events.unknown")));
        }
        try {
            var registered = webhooks.register(actor, jamId, name, url, chosen);
            return page(model, jamId, "", "", EnumSet.noneOf(WebhookEvent.class), FieldErrors.none(),
                    registered, null);
        } catch (Refusal refusal) {
            if (refusal.field() == null) {
                throw refusal;
            }
            response.setStatus(refusal.status().value());
            return page(model, jamId, name, url, chosen, refusal.errors(), null, null);
        }
    }

    @GetMapping("/jams/{jamId}/webhooks/{webhookId}")
    String deliveries(@PathVariable long jamId, @PathVariable long webhookId,
                      @RequestParam(defaultValue = "0") int page, Model model) {
        var actor = currentActor.require();
        int current = Math.clamp(page, 0, 100_000);
        var webhook = webhooks.get(actor, jamId, webhookId);
        var rows = webhooks.deliveries(actor, jamId, webhookId, current);
        boolean hasMore = rows.size() > Webhooks.DELIVERIES_PER_PAGE;
        model.addAttribute("page", new DeliveriesPage(webhooks.requireManager(actor, jamId), webhook,
                hasMore ? rows.subList(0, Webhooks.DELIVERIES_PER_PAGE) : rows, current, hasMore));
        return "webhook/deliveries";
    }

    @PostMapping("/jams/{jamId}/webhooks/{webhookId}/enabled")
    String setEnabled(@PathVariable long jamId, @PathVariable long webhookId,
                      @RequestParam(defaultValue = "false") boolean enabled) {
        webhooks.setEnabled(currentActor.require(), jamId, webhookId, enabled);
        return "redirect:/jams/" + jamId + "/webhooks?done=" + (enabled ? "resumed" : "paused");
    }

    @PostMapping("/jams/{jamId}/webhooks/{webhookId}/delete")
    String delete(@PathVariable long jamId, @PathVariable long webhookId) {
        webhooks.delete(currentActor.require(), jamId, webhookId);
        return "redirect:/jams/" + jamId + "/webhooks?done=deleted";
    }

    private String page(Model model, long jamId, String name, String url, Set<WebhookEvent> events,
                        FieldErrors errors, Webhooks.Registered registered, String notice) {
        var actor = currentActor.require();
        var jam = webhooks.requireManager(actor, jamId);
        model.addAttribute("page", new WebhooksPage(jam, webhooks.list(actor, jamId), name, url, events, errors,
                registered == null ? null : registered.secret(), registered == null ? null : registered.webhook(),
                notice));
        return "webhook/webhooks";
    }
}
