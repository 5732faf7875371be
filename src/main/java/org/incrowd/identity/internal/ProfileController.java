package org.incrowd.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.incrowd.identity.CurrentActor;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.ProfileChange;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A person's own profile page, with their personal API tokens. */
@Controller
class ProfileController {

    private final IdentityService identity;
    private final CurrentActor currentActor;
    private final ApiTokens tokens;
    private final AddressVerification verification;

    ProfileController(IdentityService identity, CurrentActor currentActor, ApiTokens tokens,
                      AddressVerification verification) {
        this.identity = identity;
        this.currentActor = currentActor;
        this.tokens = tokens;
        this.verification = verification;
    }

    @GetMapping("/profile")
    String profile(@RequestParam(required = false) String emailRequested, Model model) {
        model.addAttribute("emailRequested", emailRequested != null);
        var person = identity.require(currentActor.require().personId());
        return page(model, ProfileForm.of(person), FieldErrors.none(), null);
    }

    @PostMapping("/profile")
    String update(ProfileForm form, Model model, HttpServletResponse response) {
        var actor = currentActor.require();
        try {
            var type = ParticipantTypes.parse(form.participantType());
            // The session picks up the new name and language on the next page (SessionRefresh).
            identity.updateProfile(actor, actor.personId(), new ProfileChange(form.displayName(),
                    form.country(), form.orgUnit(), form.jobRole(), type, form.language()));
            return "redirect:/profile?saved";
        } catch (Refusal refusal) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            // A locked (disabled) choice is not sent: show the one on record.
            var shown = form.participantType() != null ? form : new ProfileForm(form.displayName(), form.country(),
                    form.orgUnit(), form.jobRole(),
                    identity.require(actor.personId()).participantType().name(), form.language());
            return page(model, shown, refusal.errors(), null);
        }
    }

    /**
     * A new address: the answer is the same whether or not it has an account (see {@link
     * AddressVerification#requestNewAddress}); the account keeps the old one until the link is followed.
     */
    @PostMapping("/profile/email")
    String changeEmail(@RequestParam(defaultValue = "") String newEmail, Model model, HttpServletRequest request,
                       HttpServletResponse response) {
        ApiTokens.refuseWhenSentWithToken(request);
        var actor = currentActor.require();
        try {
            verification.requestNewAddress(actor, newEmail);
            return "redirect:/profile?emailRequested";
        } catch (Refusal refusal) {
            response.setStatus(refusal.status().value());
            model.addAttribute("newEmail", newEmail);
            return page(model, ProfileForm.of(identity.require(actor.personId())),
                    FieldErrors.none().add(refusal), null);
        }
    }

    @PostMapping("/profile/tokens")
    String createToken(@RequestParam(defaultValue = "") String name, Model model, HttpServletRequest request,
                       HttpServletResponse response) {
        ApiTokens.refuseWhenSentWithToken(request);
        var actor = currentActor.require();
        var person = identity.require(actor.personId());
        try {
            String secret = tokens.create(actor.personId(), name);
            return page(model, ProfileForm.of(person), FieldErrors.none(), secret);
        } catch (Refusal refusal) {
            response.setStatus(refusal.status().value());
            model.addAttribute("tokenName", name);
            return page(model, ProfileForm.of(person), FieldErrors.none().add("tokenName", refusal.messageKey()),
                    null);
        }
    }

    @PostMapping("/profile/tokens/{tokenId}/revoke")
    String revokeToken(@PathVariable long tokenId) {
        tokens.revoke(currentActor.require().personId(), tokenId);
        return "redirect:/profile?revoked";
    }

    private String page(Model model, ProfileForm form, FieldErrors errors, String newToken) {
        var actor = currentActor.require();
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("tokens", tokens.list(actor.personId()));
        model.addAttribute("newToken", newToken);
        model.addAttribute("person", identity.require(actor.personId()));
        if (!model.containsAttribute("newEmail")) {
            model.addAttribute("newEmail", "");
        }
        if (!model.containsAttribute("tokenName")) {
            model.addAttribute("tokenName", "");
        }
        return "identity/profile";
    }


}
