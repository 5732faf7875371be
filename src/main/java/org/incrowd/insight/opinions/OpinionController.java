package org.incrowd.insight.opinions;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.incrowd.identity.CurrentActor;
import org.incrowd.web.Refusal;
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
    String jam(@PathVariable long jamId, @RequestParam(required = false) String shown, Model model,
               HttpServletRequest request, HttpServletResponse response) {
        return render(() -> maps.ofJam(currentActor.require(), jamId), shown, model, request, response);
    }

    @GetMapping("/forums/{forumId}/opinions")
    String forum(@PathVariable long forumId, @RequestParam(required = false) String shown, Model model,
                 HttpServletRequest request, HttpServletResponse response) {
        return render(() -> maps.ofForum(currentActor.require(), forumId), shown, model, request, response);
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

    static String version(OpinionPage page) {
        return page.map() == null ? "none" : page.map().computedAt().toString();
    }
}
