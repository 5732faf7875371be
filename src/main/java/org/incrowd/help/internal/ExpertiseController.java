package org.incrowd.help.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
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

/** A member's topics and availability; the organisers' overview of who covers what, and where it may be embedded. */
@Controller
class ExpertiseController {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final Expertise expertise;
    private final EmbedOrigins origins;
    private final CurrentActor currentActor;
    private final java.time.Clock clock;

    ExpertiseController(Expertise expertise, EmbedOrigins origins, CurrentActor currentActor, java.time.Clock clock) {
        this.clock = clock;
        this.expertise = expertise;
        this.origins = origins;
        this.currentActor = currentActor;
    }

    @GetMapping("/help/{jamId}/expertise")
    String expertise(@PathVariable long jamId, @RequestParam(required = false) String saved, Model model) {
        var actor = currentActor.require();
        var jam = expertise.requireMember(actor, jamId);
        var standing = expertise.standing(actor, jamId);
        Instant now = clock.instant();
        String away = standing.awayUntil() == null || standing.awayUntil().isBefore(now) ? ""
                : LOCAL.format(standing.awayUntil().atZone(jam.timeZone()));
        return expertisePage(model, jamId, standing.topics(), away, standing.offShift(), FieldErrors.none(),
                saved != null);
    }

    @PostMapping("/help/{jamId}/expertise")
    String saveExpertise(@PathVariable long jamId, @RequestParam(required = false) List<Long> topics,
                         @RequestParam(defaultValue = "") String awayUntil,
                         @RequestParam(defaultValue = "false") boolean offShift, Model model,
                         HttpServletResponse response) {
        var chosen = topics == null ? List.<Long>of() : topics;
        try {
            expertise.save(currentActor.require(), jamId, chosen, awayUntil, offShift);
            return "redirect:/help/" + jamId + "/expertise?saved";
        } catch (Refusal refusal) {
            if (refusal.field() == null) {
                throw refusal;
            }
            response.setStatus(refusal.status().value());
            return expertisePage(model, jamId, new HashSet<>(chosen), awayUntil, offShift, refusal.errors(), false);
        }
    }

    @GetMapping("/help/{jamId}/experts")
    String experts(@PathVariable long jamId, @RequestParam(required = false) String done, Model model) {
        var notice = "saved".equals(done) ? "help.experts.saved" : null;
        return expertsPage(model, jamId, String.join("\n", origins.of(jamId)), FieldErrors.none(), notice);
    }

    @PostMapping("/help/{jamId}/experts/general")
    String markGeneral(@PathVariable long jamId, @RequestParam(required = false) List<Long> general) {
        expertise.markGeneral(currentActor.require(), jamId, general == null ? List.of() : general);
        return "redirect:/help/" + jamId + "/experts?done=saved";
    }

    @PostMapping("/help/{jamId}/embed/origins")
    String saveOrigins(@PathVariable long jamId, @RequestParam(defaultValue = "") String origins, Model model,
                       HttpServletResponse response) {
        try {
            this.origins.replace(currentActor.require(), jamId, origins);
            return "redirect:/help/" + jamId + "/experts?done=saved";
        } catch (Refusal refusal) {
            if (refusal.field() == null) {
                throw refusal;
            }
            response.setStatus(refusal.status().value());
            return expertsPage(model, jamId, origins, refusal.errors(), null);
        }
    }

    private String expertisePage(Model model, long jamId, Set<Long> chosen, String away, boolean offShift,
                                 FieldErrors errors, boolean saved) {
        var actor = currentActor.require();
        var jam = expertise.requireMember(actor, jamId);
        model.addAttribute("page", new HelpPages.ExpertisePage(jam, expertise.topics(actor, jamId), chosen, away,
                offShift, errors, saved, expertise.isOrganiserOrStaff(actor, jamId)));
        return "help/expertise";
    }

    private String expertsPage(Model model, long jamId, String typedOrigins, FieldErrors errors, String notice) {
        var actor = currentActor.require();
        var jam = expertise.requireOrganiserOrStaff(actor, jamId);
        model.addAttribute("page", new HelpPages.ExpertsPage(jam, expertise.coverage(actor, jamId), typedOrigins,
                errors, actor.canOrganise(), notice));
        return "help/experts";
    }
}
