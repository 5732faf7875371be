package org.incrowd.identity.internal;

import java.util.EnumSet;
import java.util.List;
import org.incrowd.identity.CurrentActor;
import org.incrowd.identity.IdentityService;
import org.incrowd.identity.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Administrators see everyone and give roles. */
@Controller
class PeopleAdminController {

    static final int PAGE_SIZE = 50;
    private final IdentityService identity;
    private final CurrentActor currentActor;

    PeopleAdminController(IdentityService identity, CurrentActor currentActor) {
        this.identity = identity;
        this.currentActor = currentActor;
    }

    @GetMapping("/admin/people")
    String people(@RequestParam(defaultValue = "0") int page, Model model) {
        int current = Math.max(page, 0);
        model.addAttribute("people", identity.list(currentActor.require(), current * PAGE_SIZE, PAGE_SIZE));
        model.addAttribute("page", current);
        model.addAttribute("hasMore", identity.count() > (long) (current + 1) * PAGE_SIZE);
        return "identity/people";
    }

    @PostMapping("/admin/people/{personId}/roles")
    String roles(@PathVariable long personId, @RequestParam(required = false) List<String> roles) {
        var chosen = EnumSet.noneOf(Role.class);
        for (String role : roles == null ? List.<String>of() : roles) {
            try {
                chosen.add(Role.valueOf(role));
            } catch (IllegalArgumentException unknown) {
                throw org.incrowd.shared.Refusal.invalid("roles", "people.roles.unknown");
            }
        }
        identity.changeRoles(currentActor.require(), personId, chosen);
        return "redirect:/admin/people?saved";
    }
}
