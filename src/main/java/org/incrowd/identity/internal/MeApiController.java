package org.incrowd.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.incrowd.identity.ApiToken;
import org.incrowd.identity.CurrentActor;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.Person;
import org.incrowd.identity.ProfileChange;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in person through the API: their profile and their personal tokens. */
@RestController
@RequestMapping("/api/v1/me")
class MeApiController {

    private final IdentityService identity;
    private final CurrentActor currentActor;
    private final ApiTokens tokens;

    MeApiController(IdentityService identity, CurrentActor currentActor, ApiTokens tokens) {
        this.identity = identity;
        this.currentActor = currentActor;
        this.tokens = tokens;
    }

    @GetMapping
    Person me() {
        return identity.require(currentActor.require().personId());
    }

    /** Fields left out keep their value. */
    @PatchMapping
    Person update(@RequestBody ProfilePatch patch) {
        var actor = currentActor.require();
        var now = identity.require(actor.personId());
        var type = patch.participantType() == null ? now.participantType()
                : ParticipantTypes.parse(patch.participantType());
        return identity.updateProfile(actor, actor.personId(), new ProfileChange(
                patch.displayName() == null ? now.displayName() : patch.displayName(),
                patch.country() == null ? now.country() : patch.country(),
                patch.orgUnit() == null ? now.orgUnit() : patch.orgUnit(),
                patch.jobRole() == null ? now.jobRole() : patch.jobRole(), type,
                patch.language() == null ? now.language() : patch.language()));
    }

    @GetMapping("/tokens")
    List<ApiToken> tokens() {
        return tokens.list(currentActor.require().personId());
    }

    /** The secret is in this answer and nowhere else, ever. */
    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> createToken(@RequestBody TokenRequest request, HttpServletRequest http) {
        ApiTokens.refuseWhenSentWithToken(http);
        return Map.of("name", request.name() == null ? "" : request.name().strip(),
                "token", tokens.create(currentActor.require().personId(), request.name()));
    }

    @DeleteMapping("/tokens/{tokenId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable long tokenId) {
        tokens.revoke(currentActor.require().personId(), tokenId);
    }

    record ProfilePatch(String displayName, String country, String orgUnit, String jobRole, String participantType,
                        String language) {
    }

    record TokenRequest(String name) {
    }
}
