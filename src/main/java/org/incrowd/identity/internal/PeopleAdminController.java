package org.incrowd.identity.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.List;
import org.incrowd.identity.CurrentActor;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.ParticipantType;
import org.incrowd.identity.Role;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Administrators find people among everyone (by name, address, unit, country, type, role, state), give roles, change
 * participant types, and deactivate and reactivate accounts with a reason. After a change the page shows the same
 * search again.
 */
@Controller
class PeopleAdminController {

    private final IdentityService identity;
    private final PeopleAdministration administration;
    private final CurrentActor currentActor;

    PeopleAdminController(IdentityService identity, PeopleAdministration administration, CurrentActor currentActor) {
        this.identity = identity;
        this.administration = administration;
        this.currentActor = currentActor;
    }

    @GetMapping("/admin/people")
    String people(@RequestParam(required = false) String name, @RequestParam(required = false) String email,
                  @RequestParam(required = false) String unit, @RequestParam(required = false) String country,
                  @RequestParam(required = false) String type, @RequestParam(required = false) String role,
                  @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
                  @RequestParam(required = false) String done, Model model) {
        var query = new PeopleQuery(name, email, unit, country, choice(ParticipantType.class, "type", type),
                choice(Role.class, "role", role), choice(PeopleQuery.Status.class, "status", status));
        return page(model, query, page, done, null, "", FieldErrors.none());
    }

    @PostMapping("/admin/people/{personId}/roles")
    String roles(@PathVariable long personId, @RequestParam(required = false) List<String> roles,
                 @RequestParam(defaultValue = "") String back) {
        var chosen = EnumSet.noneOf(Role.class);
        for (String role : roles == null ? List.<String>of() : roles) {
            try {
                chosen.add(Role.valueOf(role));
            } catch (IllegalArgumentException unknown) {
                throw Refusal.invalid("roles", "people.roles.unknown");
            }
        }
        identity.changeRoles(currentActor.require(), personId, chosen);
        return backTo(back, "saved");
    }

    @PostMapping("/admin/people/{personId}/type")
    String participantType(@PathVariable long personId, @RequestParam(defaultValue = "") String participantType,
                           @RequestParam(defaultValue = "") String back) {
        var type = choice(ParticipantType.class, "participantType", participantType);
        if (type == null) {
            throw Refusal.badRequest("participantType", "people.type.required");
        }
        administration.changeType(currentActor.require(), personId, type);
        return backTo(back, "typeChanged");
    }

    @PostMapping("/admin/people/{personId}/deactivate")
    String deactivate(@PathVariable long personId, @RequestParam(defaultValue = "") String reason,
                      @RequestParam(defaultValue = "") String back, Model model, HttpServletResponse response) {
        return setActive(personId, false, reason, back, model, response);
    }

    @PostMapping("/admin/people/{personId}/reactivate")
    String reactivate(@PathVariable long personId, @RequestParam(defaultValue = "") String reason,
                      @RequestParam(defaultValue = "") String back, Model model, HttpServletResponse response) {
        return setActive(personId, true, reason, back, model, response);
    }

    private String setActive(long personId, boolean active, String reason, String back, Model model,
                             HttpServletResponse response) {
        try {
            administration.setActive(currentActor.require(), personId, active, reason);
            return backTo(back, active ? "reactivated" : "deactivated");
        } catch (Refusal refusal) {
            return refused(refusal, personId, reason, model, response);
        }
    }

    /** The reason was missing or too long: the person is shown again with the message, and the reason as typed. */
    private String refused(Refusal refusal, long personId, String reason, Model model, HttpServletResponse response) {
        if (refusal.field() == null) {
            throw refusal;
        }
        response.setStatus(refusal.status().value());
        var person = identity.require(personId);
        var query = new PeopleQuery(null, person.email(), null, null, null, null, null);
        return page(model, query, 0, null, personId, reason, refusal.errors());
    }

    private String page(Model model, PeopleQuery query, int page, String done, Long refusedFor, String typedReason,
                        FieldErrors errors) {
        var found = administration.search(currentActor.require(), query, page);
        model.addAttribute("page", new PeoplePage(query, found.entries(), Math.max(page, 0), found.hasMore(),
                done == null ? null : switch (done) {
                    case "saved", "typeChanged", "deactivated", "reactivated" -> "people.done." + done;
                    default -> null;
                }, refusedFor, typedReason, errors));
        return "identity/people";
    }

    /** Back to the search the administrator came from: only the page's own query string is taken. */
    private static String backTo(String back, String done) {
        String query = back.matches("[A-Za-z0-9=&%._+\\-]*") ? back.replaceAll("(^|&)done=[^&]*", "") : "";
        return "redirect:/admin/people?" + (query.isEmpty() ? "" : query + "&") + "done=" + done;
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException unknown) {
            throw Refusal.badRequest(field, "people.filter.unknown");
        }
    }
}
