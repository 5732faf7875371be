package org.incrowd.insight.themes;

import jakarta.servlet.http.HttpServletResponse;
import gg.jte.Content;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.incrowd.identity.Actor;
import org.incrowd.identity.CurrentActor;
import org.incrowd.insight.ThemeNotes;
import org.incrowd.shared.Ui;
import org.incrowd.shared.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Jam Pulse pages of a Jam and of each forum, and the analyst tools. Every tool is a plain form that posts and
 * comes back to the page it came from, so the tools work without JavaScript; open pages refresh live.
 */
@Controller
class PulseController {

    private final JamPulse pulse;
    private final ThemeRecompute recompute;
    private final CurrentActor currentActor;
    private final List<ThemeNotes> themeNotes;

    PulseController(JamPulse pulse, ThemeRecompute recompute, CurrentActor currentActor, List<ThemeNotes> themeNotes) {
        this.pulse = pulse;
        this.recompute = recompute;
        this.currentActor = currentActor;
        this.themeNotes = themeNotes;
    }

    @GetMapping("/jams/{jamId}/pulse")
    String jam(@PathVariable long jamId, Model model) {
        var actor = currentActor.require();
        model.addAttribute("page", pulse.ofJam(actor, jamId));
        model.addAttribute("refused", PulsePage.Refused.NONE);
        model.addAttribute("themeNotes", notes(actor, jamId, model));
        return "insight/pulse";
    }

    /** What other modules note with the Jam's themes, several notes per theme in the order of the beans. */
    private Map<String, List<Content>> notes(Actor actor, long jamId, Model model) {
        var byTheme = new HashMap<String, List<Content>>();
        for (var source : themeNotes) {
            source.notes(jamId, actor, (Ui) model.getAttribute("ui")).forEach((key, note) ->
                    byTheme.computeIfAbsent(key, k -> new ArrayList<>()).add(note));
        }
        return byTheme;
    }

    @GetMapping("/forums/{forumId}/pulse")
    String forum(@PathVariable long forumId, Model model) {
        model.addAttribute("page", pulse.ofForum(currentActor.require(), forumId));
        model.addAttribute("refused", PulsePage.Refused.NONE);
        return "insight/pulse";
    }

    /** Organisers need not wait for the next pass, e.g. right after an import or before presenting the themes. */
    @PostMapping("/jams/{jamId}/pulse/recompute")
    String recompute(@PathVariable long jamId) {
        pulse.requireOrganiser(currentActor.require(), jamId);
        if (!recompute.recompute(jamId)) {
            throw Refusal.conflict("pulse.busy");
        }
        return back(jamId, 0);
    }

    @PostMapping("/jams/{jamId}/pulse/rename")
    String rename(@PathVariable long jamId, @RequestParam(defaultValue = "0") long forum,
                  @RequestParam(required = false) String theme, @RequestParam(required = false) String label,
                  Model model, HttpServletResponse response) {
        return refine(jamId, forum, new PulsePage.Refused("rename", theme, label, null), model, response,
                () -> pulse.rename(currentActor.require(), jamId, forum, theme, label));
    }

    @PostMapping("/jams/{jamId}/pulse/merge")
    String merge(@PathVariable long jamId, @RequestParam(defaultValue = "0") long forum,
                 @RequestParam(required = false) String theme, @RequestParam(required = false) String into,
                 Model model, HttpServletResponse response) {
        return refine(jamId, forum, new PulsePage.Refused("merge", theme, null, null), model, response,
                () -> pulse.merge(currentActor.require(), jamId, forum, theme, into));
    }

    @PostMapping("/jams/{jamId}/pulse/split")
    String split(@PathVariable long jamId, @RequestParam(defaultValue = "0") long forum,
                 @RequestParam(required = false) String theme,
                 @RequestParam(name = "post", required = false) List<Long> posts,
                 @RequestParam(required = false) String label, Model model, HttpServletResponse response) {
        return refine(jamId, forum, new PulsePage.Refused("split", theme, label, null), model, response,
                () -> pulse.split(currentActor.require(), jamId, forum, theme, posts, label));
    }

    @PostMapping("/jams/{jamId}/pulse/pin")
    String pin(@PathVariable long jamId, @RequestParam(defaultValue = "0") long forum,
               @RequestParam(required = false) String theme, @RequestParam(defaultValue = "true") boolean pinned) {
        pulse.pin(currentActor.require(), jamId, forum, theme, pinned);
        return back(jamId, forum);
    }

    @PostMapping("/jams/{jamId}/pulse/hide")
    String hide(@PathVariable long jamId, @RequestParam(defaultValue = "0") long forum,
                @RequestParam(required = false) String theme, @RequestParam(defaultValue = "true") boolean hidden) {
        pulse.hide(currentActor.require(), jamId, forum, theme, hidden);
        return back(jamId, forum);
    }

    @PostMapping("/jams/{jamId}/pulse/move")
    String move(@PathVariable long jamId, @RequestParam(defaultValue = "0") long forum, @RequestParam long post,
                @RequestParam(required = false) String into) {
        pulse.move(currentActor.require(), jamId, forum, post, into);
        return back(jamId, forum);
    }

    @PostMapping("/jams/{jamId}/pulse/analysts")
    String nameAnalyst(@PathVariable long jamId, @RequestParam(required = false) String email, Model model,
                       HttpServletResponse response) {
        return refine(jamId, 0, new PulsePage.Refused("analysts", null, email, null), model, response,
                () -> pulse.nameAnalyst(currentActor.require(), jamId, email));
    }

    @PostMapping("/jams/{jamId}/pulse/analysts/{personId}/remove")
    String removeAnalyst(@PathVariable long jamId, @PathVariable long personId) {
        pulse.removeAnalyst(currentActor.require(), jamId, personId);
        return back(jamId, 0) + "#analysts";
    }

    /**
     * Makes a change and goes back to the page; when the change is refused for what was typed (422), shows the page
     * again with the reason beside the form and the text kept. Other refusals (403, 404) get the error page.
     */
    private String refine(long jamId, long forumId, PulsePage.Refused form, Model model, HttpServletResponse response,
                          Runnable change) {
        try {
            change.run();
            return back(jamId, forumId) + (form.tool().equals("analysts") ? "#analysts" : "");
        } catch (Refusal refusal) {
            if (refusal.status() != HttpStatus.UNPROCESSABLE_CONTENT) {
                throw refusal;
            }
            response.setStatus(refusal.status().value());
            var actor = currentActor.require();
            model.addAttribute("page", forumId == ThemeSnapshot.WHOLE_JAM ? pulse.ofJam(actor, jamId)
                    : pulse.ofForum(actor, forumId));
            if (forumId == ThemeSnapshot.WHOLE_JAM) {
                model.addAttribute("themeNotes", notes(actor, jamId, model));
            }
            model.addAttribute("refused", new PulsePage.Refused(form.tool(), form.theme(), form.text(),
                    refusal.errors()));
            return "insight/pulse";
        }
    }

    private static String back(long jamId, long forumId) {
        return forumId == ThemeSnapshot.WHOLE_JAM ? "redirect:/jams/" + jamId + "/pulse"
                : "redirect:/forums/" + forumId + "/pulse";
    }
}
