package org.incrowd.jam.internal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.incrowd.identity.Actor;
import org.incrowd.identity.CurrentActor;
import org.incrowd.jam.JamService;
import org.incrowd.jam.Terms;
import org.incrowd.jam.TermsScope;
import org.incrowd.jam.TermsVersion;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The terms' pages: the current terms of the organisation or a Jam with every earlier version, the page that asks
 * for the current version before a post (with the post kept), the administrators' editor of the organisation's terms
 * of use, and what a person accepted, on their profile.
 */
@Controller
class TermsController {

    private final Terms terms;
    private final JamService jams;
    private final JamRepository jamRows;
    private final CurrentActor currentActor;

    TermsController(Terms terms, JamService jams, JamRepository jamRows, CurrentActor currentActor) {
        this.terms = terms;
        this.jams = jams;
        this.jamRows = jamRows;
        this.currentActor = currentActor;
    }

    @GetMapping("/terms/{scope}")
    String terms(@PathVariable String scope, @RequestParam(required = false) String accepted, Model model) {
        var actor = currentActor.require();
        var parsed = readable(jams, actor, scope);
        int acceptedVersion = terms.acceptedVersion(actor.personId(), parsed);
        boolean organises = !parsed.isOrganisation() && actor.canOrganise();
        model.addAttribute("page", new TermsPages.TermsPage(parsed, jamTitle(actor, parsed), terms.current(parsed),
                terms.versions(parsed), organises ? terms.consent(parsed.jamId()) : Optional.empty(), acceptedVersion,
                accepted != null));
        return "jam/terms";
    }

    @GetMapping("/terms/{scope}/{version}")
    String version(@PathVariable String scope, @PathVariable int version, Model model) {
        return ask(scope, version, null, null, model);
    }

    @GetMapping("/terms/{scope}/{version}/acceptance")
    String ask(@PathVariable String scope, @PathVariable int version, @RequestParam(required = false) String draft,
               HttpSession session, Model model) {
        var actor = currentActor.require();
        var parsed = readable(jams, actor, scope);
        var asked = terms.version(parsed, version);
        int accepted = terms.acceptedVersion(actor.personId(), parsed);
        var earlier = accepted > 0 && accepted != version ? Optional.of(terms.version(parsed, accepted))
                : Optional.<TermsVersion>empty();
        boolean current = terms.current(parsed).map(v -> v.version() == version).orElse(false);
        model.addAttribute("page", new TermsPages.AskPage(parsed, jamTitle(actor, parsed), asked, earlier,
                KeptDrafts.find(session, draft), current));
        return "jam/termsAsk";
    }

    @PostMapping("/terms/{scope}/{version}/acceptance")
    String accept(@PathVariable String scope, @PathVariable int version) {
        var actor = currentActor.require();
        var parsed = readable(jams, actor, scope);
        terms.accept(actor, parsed, version);
        return "redirect:" + parsed.path() + "?accepted";
    }

    @GetMapping("/admin/terms")
    String editor(@RequestParam(required = false) String saved, Model model) {
        requireAdministrator();
        var current = terms.current(TermsScope.ORGANISATION);
        return editor(model, current.map(TermsVersion::text).orElse(""), FieldErrors.none(), saved != null);
    }

    @PostMapping("/admin/terms")
    String publish(@RequestParam(defaultValue = "") String text, Model model, HttpServletResponse response) {
        var actor = requireAdministrator();
        try {
            terms.publishForOrganisation(actor, text);
            return "redirect:/admin/terms?saved";
        } catch (Refusal refusal) {
            response.setStatus(refusal.status().value());
            return editor(model, text, refusal.errors(), false);
        }
    }

    @GetMapping("/profile/terms")
    String accepted(Model model) {
        var actor = currentActor.require();
        model.addAttribute("accepted", terms.acceptedBy(actor.personId()).stream()
                .map(a -> new TermsPages.Accepted(a, a.scope().isOrganisation() ? null
                        : jamRows.find(a.scope().jamId()).map(j -> j.title()).orElse(null)))
                .toList());
        return "jam/termsAccepted";
    }

    private String editor(Model model, String text, FieldErrors errors, boolean saved) {
        model.addAttribute("text", text);
        model.addAttribute("errors", errors);
        model.addAttribute("saved", saved);
        model.addAttribute("versions", terms.versions(TermsScope.ORGANISATION));
        return "jam/termsEditor";
    }

    private Actor requireAdministrator() {
        var actor = currentActor.require();
        if (!actor.isAdministrator()) {
            throw Refusal.forbidden("error.forbidden");
        }
        return actor;
    }

    /** The scope a path names, where this person may read it: a Jam's terms are read by those who see the Jam. */
    static TermsScope readable(JamService jams, Actor actor, String key) {
        var scope = TermsScope.parse(key).orElseThrow(() -> Refusal.notFound("terms.scopeNotFound"));
        if (!scope.isOrganisation()) {
            jams.require(actor, scope.jamId());
        }
        return scope;
    }

    private String jamTitle(Actor actor, TermsScope scope) {
        return scope.isOrganisation() ? null : jams.require(actor, scope.jamId()).title();
    }
}
