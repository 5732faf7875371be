package org.incrowd.facilitation.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.incrowd.identity.CurrentActor;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The facilitation console of a forum (its hosts and facilitators, and organisers) and of a whole Jam (organisers):
 * hand-off notes and what happened since, the moderation queue, guests, announcements and the record of actions.
 */
@Controller
public class ConsoleController {

    private final Facilitation facilitation;
    private final CurrentActor currentActor;

    ConsoleController(Facilitation facilitation, CurrentActor currentActor) {
        this.facilitation = facilitation;
        this.currentActor = currentActor;
    }

    /** What the console's forms held when one was refused, so nothing typed is lost. */
    public record Typed(Map<String, String> values) {

        static final Typed NOTHING = new Typed(Map.of());

        public String get(String name) {
            return values.getOrDefault(name, "");
        }
    }

    @GetMapping("/forums/{forumId}/console")
    String console(@PathVariable long forumId, Model model) {
        return consolePage(forumId, Typed.NOTHING, FieldErrors.none(), model);
    }

    @PostMapping("/forums/{forumId}/announcements")
    String announce(@PathVariable long forumId, @RequestParam(defaultValue = "") String body,
                    @RequestParam(defaultValue = "false") boolean byMail, Model model,
                    HttpServletResponse response) {
        try {
            facilitation.announceToForum(currentActor.require(), forumId, body, byMail);
            return "redirect:/forums/" + forumId + "/console";
        } catch (Refusal refusal) {
            return refused(forumId, Map.of("announcement", body, "byMail", String.valueOf(byMail)), refusal, model,
                    response);
        }
    }

    @PostMapping("/forums/{forumId}/guests")
    String scheduleGuest(@PathVariable long forumId, @RequestParam(defaultValue = "") String email,
                         @RequestParam(defaultValue = "") String label,
                         @RequestParam(defaultValue = "") String startsAt,
                         @RequestParam(defaultValue = "") String endsAt, Model model, HttpServletResponse response) {
        try {
            facilitation.scheduleGuest(currentActor.require(), forumId, email, label, startsAt, endsAt);
            return "redirect:/forums/" + forumId + "/console#guests";
        } catch (Refusal refusal) {
            return refused(forumId, Map.of("email", email, "label", label, "startsAt", startsAt, "endsAt", endsAt),
                    refusal, model, response);
        }
    }

    @PostMapping("/forums/{forumId}/notes")
    String leaveNote(@PathVariable long forumId, @RequestParam(defaultValue = "") String body, Model model,
                     HttpServletResponse response) {
        try {
            facilitation.leaveNote(currentActor.require(), forumId, body);
            return "redirect:/forums/" + forumId + "/console";
        } catch (Refusal refusal) {
            return refused(forumId, Map.of("note", body), refusal, model, response);
        }
    }

    /** A correction of an announcement, from the console's list. */
    @PostMapping("/announcements/{announcementId}")
    String editAnnouncement(@PathVariable long announcementId, @RequestParam(defaultValue = "") String body,
                            Model model, HttpServletResponse response) {
        var actor = currentActor.require();
        try {
            return "redirect:" + consoleOf(facilitation.editAnnouncement(actor, announcementId, body));
        } catch (Refusal refusal) {
            if (refusal.field() == null) {
                throw refusal;
            }
            // The message goes beside the announcement being corrected, with the text as it was typed.
            response.setStatus(refusal.status().value());
            var errors = FieldErrors.none().add("announcement-" + announcementId, refusal.messageKey());
            model.addAttribute("edited", new EditedAnnouncement(announcementId, body));
            var announcement = facilitation.announcement(actor, announcementId);
            return announcement.forumId() == null
                    ? jamConsolePage(announcement.jamId(), "", errors, model)
                    : consolePage(announcement.forumId(), Typed.NOTHING, errors, model);
        }
    }

    @PostMapping("/announcements/{announcementId}/withdraw")
    String withdrawAnnouncement(@PathVariable long announcementId) {
        return "redirect:" + consoleOf(facilitation.withdrawAnnouncement(currentActor.require(), announcementId));
    }

    /**
     * A reader dismisses an announcement for good. Without script the form returns to the page it was on
     * ({@code back}, a path of this site only); with htmx the announcement is simply removed.
     */
    @PostMapping("/announcements/{announcementId}/dismiss")
    Object dismissAnnouncement(@PathVariable long announcementId, @RequestParam(defaultValue = "/") String back,
                               @RequestHeader(name = "HX-Request", required = false) String htmx) {
        facilitation.dismissAnnouncement(currentActor.require(), announcementId);
        if (htmx != null) {
            return org.springframework.http.ResponseEntity.ok().body("");
        }
        boolean local = back.startsWith("/") && !back.startsWith("//") && !back.startsWith("/\\");
        return "redirect:" + (local ? back : "/");
    }

    /** What was typed into a refused correction, to show it again beside its announcement. */
    public record EditedAnnouncement(long id, String body) {
    }

    private static String consoleOf(Announcements.Announcement announcement) {
        return (announcement.forumId() == null ? "/jams/" + announcement.jamId() : "/forums/" + announcement.forumId())
                + "/console#announcements";
    }

    @GetMapping("/jams/{jamId}/console")
    String jamConsole(@PathVariable long jamId, Model model) {
        return jamConsolePage(jamId, "", FieldErrors.none(), model);
    }

    @PostMapping("/jams/{jamId}/announcements")
    String announceToJam(@PathVariable long jamId, @RequestParam(defaultValue = "") String body,
                         @RequestParam(defaultValue = "false") boolean byMail, Model model,
                         HttpServletResponse response) {
        try {
            facilitation.announceToJam(currentActor.require(), jamId, body, byMail);
            return "redirect:/jams/" + jamId + "/console";
        } catch (Refusal refusal) {
            response.setStatus(refusal.status().value());
            model.addAttribute("byMail", byMail);
            return jamConsolePage(jamId, body, FieldErrors.none().add(refusal), model);
        }
    }

    private String refused(long forumId, Map<String, String> typed, Refusal refusal, Model model,
                           HttpServletResponse response) {
        response.setStatus(refusal.status().value());
        return consolePage(forumId, new Typed(typed), FieldErrors.none().add(refusal), model);
    }

    private String consolePage(long forumId, Typed typed, FieldErrors errors, Model model) {
        var console = facilitation.console(currentActor.require(), forumId);
        model.addAttribute("console", console);
        model.addAttribute("announcements",
                facilitation.announcementsOf(currentActor.require(), console.place().jam().id(), forumId));
        if (!model.containsAttribute("edited")) {
            model.addAttribute("edited", null);
        }
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "facilitation/console";
    }

    private String jamConsolePage(long jamId, String announcement, FieldErrors errors, Model model) {
        model.addAttribute("console", facilitation.jamConsole(currentActor.require(), jamId));
        model.addAttribute("announcements", facilitation.announcementsOf(currentActor.require(), jamId, null));
        if (!model.containsAttribute("edited")) {
            model.addAttribute("edited", null);
        }
        model.addAttribute("announcement", announcement);
        model.addAttribute("errors", errors);
        return "facilitation/jamConsole";
    }
}
