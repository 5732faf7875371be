package org.incrowd.recognition.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.incrowd.identity.Actor;
import org.incrowd.identity.CurrentActor;
import org.incrowd.jam.JamService;
import org.incrowd.recognition.Prizes;
import org.incrowd.recognition.Recognition;
import org.incrowd.recognition.RecognitionSwitch;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A Jam's givers page and the rule behind it, the organisers' switches, prizes and recompute, and each person's own
 * recognition. A refused prize is shown again with its message and what was typed.
 */
@Controller
class GiversController {

    private final Recognition recognition;
    private final Prizes prizes;
    private final JamService jams;
    private final CurrentActor currentActor;

    GiversController(Recognition recognition, Prizes prizes, JamService jams, CurrentActor currentActor) {
        this.recognition = recognition;
        this.prizes = prizes;
        this.jams = jams;
        this.currentActor = currentActor;
    }

    @GetMapping("/jams/{jamId}/givers")
    String givers(@PathVariable long jamId, Model model) {
        model.addAttribute("page", page(currentActor.require(), jamId, Map.of(), FieldErrors.none()));
        return "recognition/givers";
    }

    @GetMapping("/jams/{jamId}/givers/rules")
    String rules(@PathVariable long jamId, Model model) {
        var actor = currentActor.require();
        model.addAttribute("jam", jams.require(actor, jamId));
        model.addAttribute("off", recognition.switchedOff(jamId));
        return "recognition/rules";
    }

    @PostMapping("/jams/{jamId}/givers/switches")
    String switches(@PathVariable long jamId, @RequestParam(name = "on", required = false) List<String> on) {
        var chosen = EnumSet.noneOf(RecognitionSwitch.class);
        for (var name : on == null ? List.<String>of() : on) {
            try {
                chosen.add(RecognitionSwitch.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw Refusal.badRequest("on", "recognition.switch.unknown", name);
            }
        }
        recognition.switchOn(currentActor.require(), jamId, chosen);
        return "redirect:/jams/" + jamId + "/givers#switches";
    }

    @PostMapping("/jams/{jamId}/givers/recompute")
    String recompute(@PathVariable long jamId) {
        recognition.recompute(currentActor.require(), jamId);
        return "redirect:/jams/" + jamId + "/givers";
    }

    @PostMapping("/jams/{jamId}/givers/prizes")
    String award(@PathVariable long jamId, @RequestParam(required = false) String idea,
                 @RequestParam(required = false) String email, @RequestParam(required = false) String reason,
                 Model model, HttpServletResponse response) {
        var actor = currentActor.require();
        try {
            var prize = prizes.award(actor, jamId, new Prizes.Draft(idea, email, reason));
            return "redirect:/jams/" + jamId + "/givers#prize-" + prize.id();
        } catch (Refusal refusal) {
            if (refusal.status() != HttpStatus.UNPROCESSABLE_CONTENT) {
                throw refusal;
            }
            response.setStatus(refusal.status().value());
            var kept = new LinkedHashMap<String, String>();
            kept.put("idea", idea == null ? "" : idea);
            kept.put("email", email == null ? "" : email);
            kept.put("reason", reason == null ? "" : reason);
            model.addAttribute("page", page(actor, jamId, kept, refusal.errors()));
            return "recognition/givers";
        }
    }

    @GetMapping("/profile/recognition")
    String own(Model model) {
        var actor = currentActor.require();
        model.addAttribute("own", recognition.own(actor));
        model.addAttribute("listed", recognition.listed(actor.personId()));
        return "recognition/own";
    }

    @PostMapping("/profile/recognition")
    String list(@RequestParam(defaultValue = "false") boolean listed) {
        recognition.list(currentActor.require(), listed);
        return "redirect:/profile/recognition";
    }

    private GiversPage page(Actor actor, long jamId, Map<String, String> kept, FieldErrors errors) {
        var givers = recognition.givers(actor, jamId);
        var jam = jams.require(actor, jamId);
        return new GiversPage(jam, givers, prizes.prizes(jamId), recognition.switchedOff(jamId),
                recognition.isOrganiser(actor), kept, errors == null ? FieldErrors.none() : errors);
    }
}
