package org.incrowd.insight.opinions;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.incrowd.identity.CurrentActor;
import org.incrowd.shared.Refusal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The opinion map pages of a Jam and of each forum. Without JavaScript a reload shows the latest map; with htmx the
 * map section asks every few seconds whether a newer map was stored and is replaced only when one was.
 */
@Controller
class OpinionController {

    private final OpinionMaps maps;
    private final CurrentActor currentActor;
    private final OpinionRecompute recompute;

    private final int refreshSeconds;

    OpinionController(OpinionMaps maps, CurrentActor currentActor, OpinionRecompute recompute,
                      @Value("${incrowd.opinions.refresh-seconds:15}") int refreshSeconds) {
        this.maps = maps;
        this.currentActor = currentActor;
        this.recompute = recompute;
        this.refreshSeconds = refreshSeconds;
    }

    @GetMapping("/jams/{jamId}/opinions")
    String jam(@PathVariable long jamId, @RequestParam(required = false) String shown,
               @RequestParam(defaultValue = "false") boolean reacted, Model model, HttpServletRequest request,
               HttpServletResponse response) {
        model.addAttribute("reacted", reacted);
        return render(() -> maps.ofJam(currentActor.require(), jamId), shown, model, request, response);
    }

    @GetMapping("/forums/{forumId}/opinions")
    String forum(@PathVariable long forumId, @RequestParam(required = false) String shown,
                 @RequestParam(defaultValue = "false") boolean reacted, Model model, HttpServletRequest request,
                 HttpServletResponse response) {
        model.addAttribute("reacted", reacted);
        return render(() -> maps.ofForum(currentActor.require(), forumId), shown, model, request, response);
    }

    /** A reaction to one of the statements the map offers next ({@link NextStatements}). */
    @PostMapping("/jams/{jamId}/opinions/react")
    String reactInJam(@PathVariable long jamId, @RequestParam long post, @RequestParam(defaultValue = "") String kind,
                      Model model, HttpServletRequest request, HttpServletResponse response) {
        return react(() -> maps.ofJam(currentActor.require(), jamId), post, kind, model, request, response);
    }

    @PostMapping("/forums/{forumId}/opinions/react")
    String reactInForum(@PathVariable long forumId, @RequestParam long post,
                        @RequestParam(defaultValue = "") String kind, Model model, HttpServletRequest request,
                        HttpServletResponse response) {
        return react(() -> maps.ofForum(currentActor.require(), forumId), post, kind, model, request, response);
    }

    /** Organisers need not wait for the next pass, e.g. right after an import or before presenting the map. */
    @PostMapping("/jams/{jamId}/opinions/recompute")
    String recompute(@PathVariable long jamId) {
        var actor = currentActor.require();
        maps.requireOrganiser(actor, jamId);
        if (!recompute.recompute(jamId)) {
            throw Refusal.conflict("opinions.busy");
        }
        return "redirect:/jams/" + jamId + "/opinions";
    }

    /**
     * {@code shown} is the time of the map the page already shows: a live refresh with the same time gets 204, which
     * htmx leaves alone, so an unchanged map costs no rendering and does not disturb a screen reader.
     */
    private String render(Supplier<OpinionPage> page, String shown, Model model, HttpServletRequest request,
                          HttpServletResponse response) {
        var opinions = page.get();
        boolean htmx = request.getHeader("HX-Request") != null;
        if (htmx && shown != null && shown.equals(version(opinions))) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return null;
        }
        model.addAttribute("page", opinions);
        model.addAttribute("version", version(opinions));
        model.addAttribute("refreshSeconds", refreshSeconds);
        return htmx ? "insight/opinionMap" : "insight/opinions";
    }

    /**
     * Without JavaScript the browser goes back to the map, where the next statements wait; with htmx only the list
     * of next statements is swapped. A refusal (the Jam closed meanwhile, an unknown reaction) comes back with its
     * reason where the reader reacted: in the page without JavaScript, inside the list with htmx, because htmx does
     * not swap error responses and the click would otherwise seem to do nothing.
     */
    private String react(Supplier<OpinionPage> page, long postId, String kind, Model model,
                         HttpServletRequest request, HttpServletResponse response) {
        boolean htmx = request.getHeader("HX-Request") != null;
        try {
            maps.react(currentActor.require(), postId, kind);
            if (!htmx) {
                return "redirect:" + page.get().path() + "?reacted=true#next-statements";
            }
            model.addAttribute("reacted", true);
        } catch (Refusal refusal) {
            model.addAttribute("problem", refusal.messageKey());
            if (!htmx) {
                response.setStatus(refusal.status().value());
                model.addAttribute("reacted", false);
                return render(page, null, model, request, response);
            }
        }
        model.addAttribute("page", page.get());
        return "insight/nextStatements";
    }

    static String version(OpinionPage page) {
        return page.map() == null ? "none" : page.map().computedAt().toString();
    }
}
