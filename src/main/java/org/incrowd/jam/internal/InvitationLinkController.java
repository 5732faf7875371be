package org.incrowd.jam.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.incrowd.identity.CurrentActor;
import org.incrowd.identity.InvitedAccounts;
import org.incrowd.jam.Invitations;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The link in an invitation mail, {@code /invitations/<token>}: readable without an account, because the token is
 * the permission. It shows the Jam and its terms, then accepts for the signed-in invited person, sends someone with
 * an account to sign in and back, or makes the account for someone without one.
 */
@Controller
class InvitationLinkController {

    private final Invitations invitations;
    private final InvitedAccounts accounts;
    private final CurrentActor currentActor;
    private final HttpSessionRequestCache afterSignIn = new HttpSessionRequestCache();

    InvitationLinkController(Invitations invitations, InvitedAccounts accounts, CurrentActor currentActor) {
        this.invitations = invitations;
        this.accounts = accounts;
        this.currentActor = currentActor;
    }

    @GetMapping("/invitations/{token}")
    String show(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
        var link = invitations.link(token);
        var actor = currentActor.currentOrGuest();
        if (link.isPresent() && link.get().acceptable() && actor.isGuest() && link.get().accountExists()) {
            afterSignIn.saveRequest(request, response); // signing in comes back here
        }
        return page(model, token, link, FieldErrors.none(), "", response, null);
    }

    @PostMapping("/invitations/{token}/accept")
    String accept(@PathVariable String token, @RequestParam(defaultValue = "false") boolean acceptTerms, Model model,
                  HttpServletResponse response) {
        try {
            var link = invitations.accept(currentActor.require(), token, acceptTerms);
            return "redirect:/jams/" + link.jam().id() + "?joined";
        } catch (Refusal refusal) {
            return page(model, token, invitations.link(token), refusal.errors(), "", response, refusal);
        }
    }

    @PostMapping("/invitations/{token}/account")
    String createAccount(@PathVariable String token, @RequestParam(defaultValue = "") String displayName,
                         @RequestParam(defaultValue = "") String password,
                         @RequestParam(defaultValue = "en") String language,
                         @RequestParam(defaultValue = "false") boolean acceptTerms, Model model,
                         HttpServletRequest request, HttpServletResponse response) {
        if (!currentActor.currentOrGuest().isGuest()) {
            return "redirect:/invitations/" + token;
        }
        try {
            var person = invitations.createAccountAndAccept(token, displayName, password,
                    "de".equals(language) ? "de" : "en", acceptTerms);
            accounts.signIn(person, request, response);
            return "redirect:/jams/" + invitations.link(token).orElseThrow().jam().id() + "?joined";
        } catch (Refusal refusal) {
            return page(model, token, invitations.link(token), refusal.errors(), displayName, response, refusal);
        }
    }

    private String page(Model model, String token, java.util.Optional<Invitations.Link> link, FieldErrors errors,
                        String displayName, HttpServletResponse response, Refusal refusal) {
        var actor = currentActor.currentOrGuest();
        if (link.isEmpty()) {
            response.setStatus(404);
        } else if (refusal != null) {
            response.setStatus(refusal.status().value());
        } else if (!link.get().acceptable()) {
            response.setStatus(410);
        }
        model.addAttribute("token", token);
        model.addAttribute("link", link.orElse(null));
        model.addAttribute("signedIn", !actor.isGuest());
        model.addAttribute("invitedPerson", link.isPresent() && link.get().invitation().email().equals(actor.email()));
        model.addAttribute("errors", refusal != null && refusal.field() == null
                ? FieldErrors.none().add("link", refusal.messageKey()) : errors);
        model.addAttribute("displayName", displayName.isEmpty() && link.isPresent()
                && link.get().invitation().name() != null ? link.get().invitation().name() : displayName);
        return "jam/invitation";
    }
}
