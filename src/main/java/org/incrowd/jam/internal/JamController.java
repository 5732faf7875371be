package org.incrowd.jam.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.List;
import org.incrowd.identity.CurrentActor;
import org.incrowd.jam.ForumDraft;
import org.incrowd.jam.ForumRole;
import org.incrowd.jam.IdentityMode;
import org.incrowd.jam.IdentityModeRules;
import org.incrowd.jam.IdentityModes;
import org.incrowd.jam.JamPageSection;
import org.incrowd.jam.JamService;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.incrowd.shared.Ui;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The Jam pages: list, home, the organiser's form and controls, joining. */
@Controller
class JamController {

    private final JamService jams;
    private final CurrentActor currentActor;
    private final List<JamPageSection> sections;
    private final IdentityModes modes;

    JamController(JamService jams, CurrentActor currentActor, List<JamPageSection> sections, IdentityModes modes) {
        this.jams = jams;
        this.currentActor = currentActor;
        this.modes = modes;
        this.sections = sections.stream().sorted(Comparator.comparingInt(JamPageSection::order)).toList();
    }

    @GetMapping("/jams")
    String list(Model model) {
        var actor = currentActor.currentOrGuest();
        model.addAttribute("jams", jams.visibleTo(actor));
        model.addAttribute("guest", actor.isGuest());
        model.addAttribute("now", jams.now());
        return "jam/list";
    }

    @GetMapping("/jams/{jamId}")
    String home(@PathVariable long jamId, Model model) {
        var actor = currentActor.currentOrGuest();
        var jam = jams.require(actor, jamId);
        ((Ui) model.getAttribute("ui")).speakPlainly(jams.isPlainLanguage(jamId));
        var forums = jams.forums(actor, jamId);
        model.addAttribute("jam", jam);
        model.addAttribute("now", jams.now());
        model.addAttribute("forums", forums);
        model.addAttribute("staff", jams.staff(forums));
        model.addAttribute("stats", jams.stats(jamId));
        model.addAttribute("member", jams.isMember(jamId, actor.personId()));
        model.addAttribute("mayJoin", jams.mayJoin(actor, jam));
        model.addAttribute("actor", actor);
        model.addAttribute("sections", sections);
        model.addAttribute("guestReadable", jams.isGuestReadable(jamId));
        model.addAttribute("authorNotice", modes.noticeForJam(actor, jamId));
        return "jam/home";
    }

    /** One section of the Jam's home alone, as its live regions fetch it again; the same reader sees the same. */
    @GetMapping("/jams/{jamId}/sections/{name}")
    String section(@PathVariable long jamId, @PathVariable String name, Model model) {
        var actor = currentActor.currentOrGuest();
        var jam = jams.require(actor, jamId);
        var section = sections.stream().filter(candidate -> candidate.name().equals(name)).findFirst()
                .orElseThrow(() -> Refusal.notFound("jam.section.unknown", name));
        var ui = (Ui) model.getAttribute("ui");
        ui.speakPlainly(jams.isPlainLanguage(jamId));
        model.addAttribute("section", section.render(jam, actor, ui));
        return "jam/section";
    }

    /** The organiser opens the Jam to guests, or closes it to them again. */
    @PostMapping("/jams/{jamId}/guest-access")
    String guests(@PathVariable long jamId, @RequestParam(defaultValue = "false") boolean readable) {
        jams.openToGuests(currentActor.require(), jamId, readable);
        return "redirect:/jams/" + jamId + (readable ? "?openToGuests" : "?closedToGuests");
    }

    /** The organiser asks for plain language on the Jam's pages, or for the usual ones again. */
    @PostMapping("/jams/{jamId}/plain-language")
    String plainLanguage(@PathVariable long jamId, @RequestParam(defaultValue = "false") boolean plain) {
        jams.usePlainLanguage(currentActor.require(), jamId, plain);
        return "redirect:/jams/" + jamId + "/edit?plainLanguageSaved#plain-language";
    }

    /** The organiser chooses how authors appear in the Jam; once it has posts, only towards more privacy. */
    @PostMapping("/jams/{jamId}/identity-mode")
    String identityMode(@PathVariable long jamId, @RequestParam(defaultValue = "") String mode,
                        @RequestParam(defaultValue = "false") boolean showsCountry, Model model,
                        HttpServletResponse response) {
        var actor = currentActor.require();
        var chosen = IdentityModeRules.parse(mode);
        try {
            modes.setForJam(actor, jamId, chosen, showsCountry);
            return "redirect:/jams/" + jamId + "/edit?identityModeSaved#identity-mode";
        } catch (Refusal refusal) {
            model.addAttribute("identitySetting", new IdentityModes.JamSetting(jamId, chosen, showsCountry));
            model.addAttribute("identityErrors", refusal.errors());
            var jam = jams.require(actor, jamId);
            return refused(refusal, response, () -> form(model, jamId, formOf(actor, jam), FieldErrors.none(),
                    FieldErrors.none(), ""));
        }
    }

    /** The organiser sets a forum's own mode, or lets it follow the Jam ({@code mode} empty). */
    @PostMapping("/forums/{forumId}/identity-mode")
    String forumIdentityMode(@PathVariable long forumId, @RequestParam(defaultValue = "") String mode, Model model,
                             HttpServletResponse response) {
        var actor = currentActor.require();
        var place = jams.requireForum(actor, forumId);
        long jamId = place.jam().id();
        IdentityMode chosen = mode.isBlank() ? null : IdentityModeRules.parse(mode);
        try {
            modes.setForForum(actor, forumId, chosen);
            return "redirect:/jams/" + jamId + "/edit?identityModeSaved#forum-" + forumId + "-identity";
        } catch (Refusal refusal) {
            var errors = FieldErrors.none().add(forumModeField(forumId), refusal.messageKey());
            model.addAttribute("identityErrors", errors);
            model.addAttribute("chosenForumMode", java.util.Map.of(forumId, mode));
            return refused(refusal, response, () -> form(model, jamId, formOf(actor, place.jam()),
                    FieldErrors.none(), FieldErrors.none(), ""));
        }
    }

    static String forumModeField(long forumId) {
        return "identityMode-" + forumId;
    }

    @GetMapping("/jams/new")
    String newJam(Model model) {
        if (!currentActor.require().canOrganise()) {
            throw Refusal.forbidden("jam.organisersOnly");
        }
        return form(model, null, JamForm.blank(), FieldErrors.none(), FieldErrors.none(), "");
    }

    @PostMapping("/jams")
    String create(JamForm form, Model model, HttpServletResponse response) {
        try {
            var jam = jams.create(currentActor.require(), form.toDraft());
            return "redirect:/jams/" + jam.id() + "/edit?created";
        } catch (Refusal refusal) {
            return refused(refusal, response, () -> form(model, null, form, refusal.errors(), FieldErrors.none(), ""));
        }
    }

    /** {@code ?confirm=open} or {@code ?confirm=close}: the step that asks before the phase changes (no script needed). */
    @GetMapping("/jams/{jamId}/edit")
    String edit(@PathVariable long jamId, @RequestParam(required = false) String confirm, Model model) {
        var actor = currentActor.require();
        var jam = jams.require(actor, jamId);
        model.addAttribute("confirm", "open".equals(confirm) || "close".equals(confirm) ? confirm : null);
        return form(model, jamId, formOf(actor, jam), FieldErrors.none(),
                FieldErrors.none(), "");
    }

    @PostMapping("/jams/{jamId}")
    String update(@PathVariable long jamId, JamForm form, Model model, HttpServletResponse response) {
        try {
            jams.update(currentActor.require(), jamId, form.toDraft());
            return "redirect:/jams/" + jamId + "/edit?saved";
        } catch (Refusal refusal) {
            return refused(refusal, response, () -> form(model, jamId, form, refusal.errors(), FieldErrors.none(), ""));
        }
    }

    @PostMapping("/jams/{jamId}/publish")
    String publish(@PathVariable long jamId) {
        jams.publish(currentActor.require(), jamId);
        return "redirect:/jams/" + jamId;
    }

    @PostMapping("/jams/{jamId}/open")
    String open(@PathVariable long jamId) {
        jams.openNow(currentActor.require(), jamId);
        return "redirect:/jams/" + jamId;
    }

    @PostMapping("/jams/{jamId}/close")
    String close(@PathVariable long jamId) {
        jams.closeNow(currentActor.require(), jamId);
        return "redirect:/jams/" + jamId;
    }

    /**
     * The community phase after the Jam: the forums ticked in {@code continuing} continue as communities (the form
     * sends {@code choose=forums}); without that marker, {@code allowPosting} opens or closes every forum at once.
     */
    @PostMapping("/jams/{jamId}/community")
    String community(@PathVariable long jamId, @RequestParam(defaultValue = "false") boolean allowPosting,
                     @RequestParam(required = false) String choose,
                     @RequestParam(defaultValue = "") List<Long> continuing) {
        var actor = currentActor.require();
        if ("forums".equals(choose)) {
            jams.continueAsCommunity(actor, jamId, continuing);
        } else {
            jams.enterCommunity(actor, jamId, allowPosting);
        }
        return "redirect:/jams/" + jamId;
    }

    @PostMapping("/jams/{jamId}/forums")
    String addForum(@PathVariable long jamId, @RequestParam(defaultValue = "") String forumTitle,
                    @RequestParam(defaultValue = "") String forumQuestion, Model model, HttpServletResponse response) {
        var actor = currentActor.require();
        var forum = new ForumDraft(forumTitle, forumQuestion);
        try {
            jams.addForum(actor, jamId, forum);
            return "redirect:/jams/" + jamId + "/edit?forumAdded";
        } catch (Refusal refusal) {
            var jam = jams.require(actor, jamId);
            model.addAttribute("forumDraft", forum);
            return refused(refusal, response, () -> form(model, jamId, formOf(actor, jam),
                    FieldErrors.none(), refusal.errors(), ""));
        }
    }

    @PostMapping("/forums/{forumId}")
    String updateForum(@PathVariable long forumId, @RequestParam(defaultValue = "") String forumTitle,
                       @RequestParam(defaultValue = "") String forumQuestion, Model model,
                       HttpServletResponse response) {
        var actor = currentActor.require();
        var place = jams.requireForum(actor, forumId);
        try {
            jams.updateForum(actor, forumId, new ForumDraft(forumTitle, forumQuestion));
            return "redirect:/jams/" + place.jam().id() + "/edit?forumSaved";
        } catch (Refusal refusal) {
            var jam = place.jam();
            // The edited forum's own fields carry the message, next to what was typed.
            var errors = FieldErrors.none().add("forum-" + forumId, refusal.messageKey());
            model.addAttribute("editedForum", new ForumDraft(forumTitle, forumQuestion));
            return refused(refusal, response, () -> form(model, jam.id(),
                    formOf(actor, jam), FieldErrors.none(), errors, ""));
        }
    }

    @PostMapping("/forums/{forumId}/staff")
    String addStaff(@PathVariable long forumId, @RequestParam(defaultValue = "") String email,
                    @RequestParam(defaultValue = "") String role, Model model, HttpServletResponse response) {
        var actor = currentActor.require();
        var place = jams.requireForum(actor, forumId);
        try {
            jams.assignStaff(actor, forumId, email, parseRole(role));
            return "redirect:/jams/" + place.jam().id() + "/edit?staffAdded";
        } catch (Refusal refusal) {
            var jam = place.jam();
            var errors = FieldErrors.none().add("staff-" + forumId, refusal.messageKey());
            return refused(refusal, response, () -> form(model, jam.id(),
                    formOf(actor, jam), FieldErrors.none(), errors, email));
        }
    }

    @PostMapping("/forums/{forumId}/staff/{personId}/{role}/remove")
    String removeStaff(@PathVariable long forumId, @PathVariable long personId, @PathVariable String role) {
        var actor = currentActor.require();
        var place = jams.requireForum(actor, forumId);
        var parsed = parseRole(role);
        if (parsed == null) {
            throw Refusal.notFound("staff.notFound");
        }
        jams.removeStaff(actor, forumId, personId, parsed);
        return "redirect:/jams/" + place.jam().id() + "/edit";
    }

    @GetMapping("/jams/{jamId}/members")
    String members(@PathVariable long jamId, @RequestParam(required = false) String removed, Model model) {
        return members(model, jamId, "", "", FieldErrors.none(), removed != null);
    }

    @PostMapping("/jams/{jamId}/members/remove")
    String removeMember(@PathVariable long jamId, @RequestParam(defaultValue = "") String email,
                        @RequestParam(defaultValue = "") String reason, Model model, HttpServletResponse response) {
        try {
            jams.removeMember(currentActor.require(), jamId, email, reason);
            return "redirect:/jams/" + jamId + "/members?removed";
        } catch (Refusal refusal) {
            return refused(refusal, response, () -> members(model, jamId, email, reason, refusal.errors(), false));
        }
    }

    private String members(Model model, long jamId, String email, String reason, FieldErrors errors,
                           boolean removed) {
        var actor = currentActor.require();
        var removals = jams.removals(actor, jamId);
        model.addAttribute("page", new MembersPage(jams.require(actor, jamId), removals, email, reason, errors,
                removed));
        return "jam/members";
    }

    @GetMapping("/jams/{jamId}/join")
    String joinPage(@PathVariable long jamId, Model model) {
        var actor = currentActor.require();
        model.addAttribute("jam", jams.require(actor, jamId));
        model.addAttribute("mayJoin", jams.mayJoin(actor, jams.require(actor, jamId)));
        model.addAttribute("errors", FieldErrors.none());
        return "jam/join";
    }

    @PostMapping("/jams/{jamId}/join")
    String join(@PathVariable long jamId, @RequestParam(defaultValue = "false") boolean acceptTerms, Model model,
                HttpServletResponse response) {
        var actor = currentActor.require();
        try {
            jams.join(actor, jamId, acceptTerms);
            return "redirect:/jams/" + jamId + "?joined";
        } catch (Refusal refusal) {
            if (refusal.field() == null) {
                throw refusal;
            }
            response.setStatus(refusal.status().value());
            var jam = jams.require(actor, jamId);
            model.addAttribute("jam", jam);
            model.addAttribute("mayJoin", jams.mayJoin(actor, jam));
            model.addAttribute("errors", refusal.errors());
            return "jam/join";
        }
    }

    private String form(Model model, Long jamId, JamForm form, FieldErrors errors, FieldErrors forumErrors,
                        String staffEmail) {
        var actor = currentActor.require();
        if (!actor.canOrganise()) {
            throw Refusal.forbidden("jam.organisersOnly");
        }
        model.addAttribute("jamId", jamId);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("forumErrors", forumErrors);
        model.addAttribute("staffEmail", staffEmail);
        model.addAttribute("timeZones", TimeZones.groups(form.timeZone(), jams.now()));
        model.addAttribute("now", jams.now());
        if (!model.containsAttribute("confirm")) {
            model.addAttribute("confirm", null);
        }
        if (!model.containsAttribute("identityErrors")) {
            model.addAttribute("identityErrors", FieldErrors.none());
        }
        if (!model.containsAttribute("chosenForumMode")) {
            model.addAttribute("chosenForumMode", java.util.Map.of());
        }
        if (!model.containsAttribute("forumDraft")) {
            model.addAttribute("forumDraft", new ForumDraft("", ""));
        }
        if (jamId != null) {
            var jam = jams.require(actor, jamId);
            var forums = jams.forums(actor, jamId);
            model.addAttribute("jam", jam);
            model.addAttribute("forums", forums);
            model.addAttribute("staff", jams.staff(forums));
            model.addAttribute("phase", jam.phase(jams.now()));
            model.addAttribute("plainLanguage", jams.isPlainLanguage(jamId));
            if (!model.containsAttribute("identitySetting")) {
                model.addAttribute("identitySetting", modes.settingOfJam(actor, jamId));
            }
            model.addAttribute("forumSettings", modes.settingsOfForums(actor, jamId,
                    forums.stream().map(org.incrowd.jam.Forum::id).toList()));
        } else {
            model.addAttribute("jam", null);
            model.addAttribute("forums", List.of());
            model.addAttribute("staff", java.util.Map.of());
            model.addAttribute("phase", null);
        }
        return "jam/form";
    }

    /** The Jam as its form shows it; a list too long to edit there is left out (the invitations page has it). */
    private JamForm formOf(org.incrowd.identity.Actor actor, org.incrowd.jam.Jam jam) {
        return JamForm.of(jam, jams.invitationCount(jam.id()) > JamForm.MAX_LISTED ? null
                : jams.invitations(actor, jam.id()));
    }

    /** Refusals that belong to a field re-show the form with the text kept; others go to the error page. */
    private static String refused(Refusal refusal, HttpServletResponse response, java.util.function.Supplier<String> page) {
        if (refusal.field() == null) {
            throw refusal;
        }
        response.setStatus(refusal.status().value());
        return page.get();
    }

    private static ForumRole parseRole(String role) {
        for (ForumRole value : ForumRole.values()) {
            if (value.name().equalsIgnoreCase(role)) {
                return value;
            }
        }
        return null;
    }
}
