package org.incrowd.notify.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.incrowd.identity.CurrentActor;
import org.incrowd.notify.NotificationKind;
import org.incrowd.shared.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A person's own notifications: the bell (a fragment the layout loads, so the web shell knows nothing of this
 * module), the notifications page with mark read and mark all read (plain forms, no script needed), and the
 * preferences page. Every query is narrowed to the signed-in person: another person's notification is "not found".
 */
@Controller
class NotificationsController {

    static final String PREFERENCES = "/notifications/preferences";
    static final int PAGE_SIZE = 20;

    private final Inbox inbox;
    private final Preferences preferences;
    private final CurrentActor currentActor;

    NotificationsController(Inbox inbox, Preferences preferences, CurrentActor currentActor) {
        this.inbox = inbox;
        this.preferences = preferences;
        this.currentActor = currentActor;
    }

    @GetMapping("/notifications")
    String page(@RequestParam(defaultValue = "1") int page, Model model) {
        long me = currentActor.require().personId();
        int shown = Math.max(1, page);
        var items = inbox.page(me, (shown - 1) * PAGE_SIZE, PAGE_SIZE + 1);
        model.addAttribute("items", items.subList(0, Math.min(PAGE_SIZE, items.size())));
        model.addAttribute("page", shown);
        model.addAttribute("hasNext", items.size() > PAGE_SIZE);
        model.addAttribute("unread", inbox.unreadCount(me));
        return "notify/notifications";
    }

    @GetMapping("/notifications/bell")
    String bell(Model model) {
        model.addAttribute("unread", inbox.unreadCount(currentActor.require().personId()));
        return "notify/bell";
    }

    /** Opening a notification marks it read and goes to the page it is about (always a path of this application). */
    @GetMapping("/notifications/{id}/open")
    String open(@PathVariable long id) {
        long me = currentActor.require().personId();
        var notification = inbox.find(me, id).orElseThrow(() -> Refusal.notFound("notify.notFound"));
        inbox.markRead(me, id);
        return "redirect:" + Notification.requireLocal(notification.link());
    }

    @PostMapping("/notifications/{id}/read")
    String markRead(@PathVariable long id, @RequestParam(defaultValue = "1") int page) {
        if (!inbox.markRead(currentActor.require().personId(), id)) {
            throw Refusal.notFound("notify.notFound");
        }
        return "redirect:/notifications?page=" + Math.max(1, page) + "#notification-" + id;
    }

    @PostMapping("/notifications/read-all")
    String markAllRead() {
        inbox.markAllRead(currentActor.require().personId());
        return "redirect:/notifications?allRead";
    }

    @GetMapping(PREFERENCES)
    String preferences(@RequestParam(required = false) String saved, Model model) {
        model.addAttribute("saved", saved != null);
        return preferencesPage(model, preferences.of(currentActor.require().personId()), null);
    }

    /**
     * Fields {@code inApp.<KIND>} (on, off) and {@code mail.<KIND>} (off, at_once, daily); a kind left out keeps its
     * choice. An unknown value changes nothing and shows the form again, as sent, with what is wrong.
     */
    @PostMapping(PREFERENCES)
    String savePreferences(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        long me = currentActor.require().personId();
        var chosen = new EnumMap<>(preferences.of(me));
        boolean understood = true;
        for (var kind : NotificationKind.values()) {
            String inApp = form.get("inApp." + kind.name());
            String mail = form.get("mail." + kind.name());
            var current = chosen.get(kind);
            boolean inAppValid = inApp == null || inApp.equals("on") || inApp.equals("off");
            var timing = mail == null ? java.util.Optional.of(current.mail()) : MailTiming.ofColumn(mail);
            understood &= inAppValid && timing.isPresent();
            chosen.put(kind, new Preference(inApp == null || !inAppValid ? current.inApp() : inApp.equals("on"),
                    timing.orElse(current.mail())));
        }
        if (!understood) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("saved", false);
            return preferencesPage(model, chosen, "notify.preferences.invalid");
        }
        preferences.save(me, chosen);
        return "redirect:" + PREFERENCES + "?saved";
    }

    private String preferencesPage(Model model, Map<NotificationKind, Preference> chosen, String problem) {
        model.addAttribute("kinds", List.of(NotificationKind.values()));
        model.addAttribute("chosen", chosen);
        model.addAttribute("timings", List.of(MailTiming.values()));
        model.addAttribute("problem", problem);
        return "notify/preferences";
    }
}
