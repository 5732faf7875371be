package org.incrowd.discussion.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.incrowd.discussion.Adopting;
import org.incrowd.discussion.IdeaTeams;
import org.incrowd.discussion.PostDraft;
import org.incrowd.discussion.ProxyDetails;
import org.incrowd.discussion.ProxyIdeas;
import org.incrowd.identity.CurrentActor;
import org.incrowd.jam.JamService;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.PublicUrl;
import org.incrowd.shared.Refusal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Pages for proxy ideas (enter one for someone, print its slip, claim it), idea teams (join, leave, take off) and
 * adopted build-ons. Every form works without JavaScript; a refused proxy idea or claim is shown again as typed.
 */
@Controller
class AuthorshipController {

    private final ProxyIdeas proxies;
    private final IdeaTeams teams;
    private final Adopting adopting;
    private final JamService jams;
    private final CurrentActor currentActor;
    private final PublicUrl publicUrl;

    AuthorshipController(ProxyIdeas proxies, IdeaTeams teams, Adopting adopting, JamService jams,
                         CurrentActor currentActor, PublicUrl publicUrl) {
        this.proxies = proxies;
        this.teams = teams;
        this.adopting = adopting;
        this.jams = jams;
        this.currentActor = currentActor;
        this.publicUrl = publicUrl;
    }

    @GetMapping("/forums/{forumId}/proxy")
    String proxyForm(@PathVariable long forumId, Model model) {
        return proxyPage(forumId, new PostDraft("", "", ""), ProxyDetails.EMPTY, FieldErrors.none(), model);
    }

    @PostMapping("/forums/{forumId}/proxy")
    String enter(@PathVariable long forumId, PostDraft draft, ProxyDetails details, Model model,
                 HttpServletResponse response) {
        try {
            var entered = proxies.enter(currentActor.require(), forumId, draft, details);
            return "redirect:/ideas/" + entered.idea().id() + "/slip";
        } catch (Refusal refusal) {
            if (refusal.status().value() == 403 || refusal.status().value() == 404) {
                throw refusal;
            }
            response.setStatus(refusal.status().value());
            return proxyPage(forumId, draft, details, errorsOf(refusal), model);
        }
    }

    @GetMapping("/ideas/{ideaId}/slip")
    String slip(@PathVariable long ideaId, Model model) {
        model.addAttribute("slip", proxies.slip(currentActor.require(), ideaId));
        model.addAttribute("claimUrl", publicUrl.absolute("/claim"));
        return "discussion/proxySlip";
    }

    @GetMapping("/claim")
    String claimForm(@RequestParam(defaultValue = "") String code, Model model) {
        currentActor.require();
        model.addAttribute("code", code);
        model.addAttribute("errors", FieldErrors.none());
        return "discussion/claim";
    }

    @PostMapping("/claim")
    String claim(@RequestParam(defaultValue = "") String code, Model model, HttpServletResponse response) {
        try {
            var idea = proxies.claim(currentActor.require(), code);
            return "redirect:/threads/" + idea.id() + "?claimed";
        } catch (Refusal refusal) {
            if (refusal.field() == null) {
                throw refusal;
            }
            response.setStatus(refusal.status().value());
            model.addAttribute("code", code);
            model.addAttribute("errors", errorsOf(refusal));
            return "discussion/claim";
        }
    }

    @PostMapping("/ideas/{ideaId}/team")
    String join(@PathVariable long ideaId) {
        teams.join(currentActor.require(), ideaId);
        return "redirect:/threads/" + ideaId + "#team-" + ideaId;
    }

    @PostMapping("/ideas/{ideaId}/team/leave")
    String leave(@PathVariable long ideaId) {
        teams.leave(currentActor.require(), ideaId);
        return "redirect:/threads/" + ideaId + "#team-" + ideaId;
    }

    @PostMapping("/ideas/{ideaId}/team/{personId}/remove")
    String remove(@PathVariable long ideaId, @PathVariable long personId) {
        teams.remove(currentActor.require(), ideaId, personId);
        return "redirect:/threads/" + ideaId + "#team-" + ideaId;
    }

    @PostMapping("/posts/{postId}/adopt")
    String adopt(@PathVariable long postId) {
        var buildOn = adopting.adopt(currentActor.require(), postId);
        return "redirect:/posts/" + buildOn.id();
    }

    @PostMapping("/posts/{postId}/adopt/undo")
    String undoAdoption(@PathVariable long postId) {
        var buildOn = adopting.undo(currentActor.require(), postId);
        return "redirect:/posts/" + buildOn.id();
    }

    private String proxyPage(long forumId, PostDraft draft, ProxyDetails details, FieldErrors errors, Model model) {
        var actor = currentActor.require();
        var place = jams.requireForum(actor, forumId);
        if (!jams.mayPost(actor, place)) {
            throw Refusal.forbidden("proxy.mayNotPost");
        }
        model.addAttribute("place", place);
        model.addAttribute("draft", draft);
        model.addAttribute("details", details);
        model.addAttribute("errors", errors);
        return "discussion/proxy";
    }

    private static FieldErrors errorsOf(Refusal refusal) {
        return refusal.field() != null ? refusal.errors() : FieldErrors.none().add(refusal);
    }
}
