package org.incrowd.search;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.incrowd.identity.CurrentActor;
import org.incrowd.shared.Refusal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The search page (a plain GET form: works without JavaScript; htmx swaps only the results) and the similar ideas
 * that the new-idea form loads as its author types.
 */
@Controller
class SearchController {

    private final PostSearch search;
    private final CurrentActor currentActor;

    SearchController(PostSearch search, CurrentActor currentActor) {
        this.search = search;
        this.currentActor = currentActor;
    }

    /**
     * A refused search shows the page again with the reason and the words as typed. htmx swaps only successful
     * answers, so its partial comes with 200 and the reason inside; the full page has the refusal's status.
     */
    @GetMapping("/search")
    String search(SearchForm form, Model model, HttpServletRequest request, HttpServletResponse response) {
        var actor = currentActor.require();
        boolean partial = request.getHeader("HX-Request") != null;
        try {
            model.addAttribute("page", search.search(actor, form));
        } catch (Refusal refusal) {
            if (!partial) {
                response.setStatus(refusal.status().value());
            }
            model.addAttribute("page", search.refused(actor, form, refusal));
        }
        return partial ? "search/results" : "search/search";
    }

    /** {@code text}, or the new-idea form's {@code title} and {@code body} as htmx sends them. */
    @GetMapping("/search/similar")
    String similar(@RequestParam long forum, @RequestParam(required = false) String text,
                   @RequestParam(required = false) String title, @RequestParam(required = false) String body,
                   Model model) {
        String draft = text != null ? text : join(title, body);
        model.addAttribute("ideas", search.similarIdeas(currentActor.require(), forum, draft));
        model.addAttribute("drafted", draft != null && !draft.isBlank());
        return "search/similar";
    }

    private static String join(String title, String body) {
        if (title == null) {
            return body;
        }
        return body == null ? title : title + "\n\n" + body;
    }
}
