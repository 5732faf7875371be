package org.incrowd.jam.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import org.incrowd.identity.CurrentActor;
import org.incrowd.identity.ParticipantType;
import org.incrowd.jam.InvitationDraft;
import org.incrowd.jam.InvitationFile;
import org.incrowd.jam.InvitationRole;
import org.incrowd.jam.Invitations;
import org.incrowd.jam.JamService;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The organisers' invitations page of a Jam and its actions. */
@Controller
class InvitationsController {

    private final Invitations invitations;
    private final JamService jams;
    private final CurrentActor currentActor;

    InvitationsController(Invitations invitations, JamService jams, CurrentActor currentActor) {
        this.invitations = invitations;
        this.jams = jams;
        this.currentActor = currentActor;
    }

    @GetMapping("/jams/{jamId}/invitations")
    String page(@PathVariable long jamId, @RequestParam(defaultValue = "") String search,
                @RequestParam(required = false) String done, @RequestParam(required = false) Long count,
                Model model) {
        return page(model, jamId, search, InvitationsPage.OneForm.blank(), "", "", FieldErrors.none(), List.of(), 0,
                null, done, count);
    }

    @PostMapping("/jams/{jamId}/invitations")
    String inviteOne(@PathVariable long jamId, InvitationsPage.OneForm one, Model model,
                     HttpServletResponse response) {
        try {
            invitations.inviteOne(currentActor.require(), jamId, new InvitationDraft(one.email(), one.name(),
                    type(one.participantType()), one.country(), one.orgUnit(), one.jobRole(), role(one.role()),
                    forum(one.forumId()), language(one.language())));
            return "redirect:/jams/" + jamId + "/invitations?done=invited";
        } catch (Refusal refusal) {
            return refused(refusal, response, () -> page(model, jamId, "", one, "", "", refusal.errors(), List.of(),
                    0, null, null, null));
        }
    }

    @PostMapping("/jams/{jamId}/invitations/pasted")
    String invitePasted(@PathVariable long jamId, @RequestParam(defaultValue = "") String pasted,
                        @RequestParam(defaultValue = "") String pastedType,
                        @RequestParam(defaultValue = "en") String pastedLanguage, Model model,
                        HttpServletResponse response) {
        try {
            int invited = invitations.invitePasted(currentActor.require(), jamId, pasted, type(pastedType),
                    language(pastedLanguage));
            return "redirect:/jams/" + jamId + "/invitations?done=pasted&count=" + invited;
        } catch (Refusal refusal) {
            return refused(refusal, response, () -> page(model, jamId, "", InvitationsPage.OneForm.blank(), pasted,
                    pastedType, refusal.errors(), List.of(), 0, null, null, null));
        }
    }

    @PostMapping("/jams/{jamId}/invitations/file")
    String upload(@PathVariable long jamId, @RequestParam(required = false) MultipartFile file,
                  @RequestParam(defaultValue = "en") String fileLanguage, Model model,
                  HttpServletResponse response) {
        var actor = currentActor.require();
        invitations.requireManager(actor, jamId);
        try {
            if (file == null || file.isEmpty()) {
                throw Refusal.invalid("file", "invitation.file.empty");
            }
            Invitations.FileOutcome outcome;
            try (var in = file.getInputStream()) {
                outcome = invitations.upload(actor, jamId, in, language(fileLanguage));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (outcome.importId() != null) {
                return "redirect:/jams/" + jamId + "/invitations/imports/" + outcome.importId();
            }
            response.setStatus(422);
            var errors = FieldErrors.none().add("file", "invitation.file.badLines", outcome.bad().size());
            return page(model, jamId, "", InvitationsPage.OneForm.blank(), "", "", errors, outcome.bad(),
                    outcome.good(), outcome.heldId(), null, null);
        } catch (Refusal refusal) {
            return refused(refusal, response, () -> page(model, jamId, "", InvitationsPage.OneForm.blank(), "", "",
                    refusal.errors(), List.of(), 0, null, null, null));
        }
    }

    @PostMapping("/jams/{jamId}/invitations/held/{heldId}")
    String skipBadLines(@PathVariable long jamId, @PathVariable String heldId) {
        return "redirect:/jams/" + jamId + "/invitations/imports/"
                + invitations.importSkippingBadLines(currentActor.require(), jamId, heldId);
    }

    @GetMapping("/jams/{jamId}/invitations/imports/{importId}")
    String progress(@PathVariable long jamId, @PathVariable String importId, Model model,
                    HttpServletRequest request) {
        var actor = currentActor.require();
        model.addAttribute("jam", invitations.requireManager(actor, jamId));
        model.addAttribute("progress", invitations.importProgress(actor, jamId, importId));
        return request.getHeader("HX-Request") != null ? "jam/invitationsImportStatus" : "jam/invitationsImport";
    }

    @PostMapping("/jams/{jamId}/invitations/remind")
    String remind(@PathVariable long jamId, @RequestParam(defaultValue = "") String round) {
        int reminded = invitations.remindAll(currentActor.require(), jamId, round);
        return "redirect:/jams/" + jamId + "/invitations?done=reminded&count=" + reminded;
    }

    @PostMapping("/jams/{jamId}/invitations/{invitationId}/resend")
    String resend(@PathVariable long jamId, @PathVariable long invitationId) {
        invitations.resend(currentActor.require(), jamId, invitationId);
        return "redirect:/jams/" + jamId + "/invitations?done=resent";
    }

    @PostMapping("/jams/{jamId}/invitations/{invitationId}/revoke")
    String revoke(@PathVariable long jamId, @PathVariable long invitationId) {
        invitations.revoke(currentActor.require(), jamId, invitationId);
        return "redirect:/jams/" + jamId + "/invitations?done=revoked";
    }

    private String page(Model model, long jamId, String search, InvitationsPage.OneForm one, String pasted,
                        String pastedType, FieldErrors errors, List<InvitationFile.BadLine> badLines, int goodLines,
                        String heldId, String done, Long count) {
        var actor = currentActor.require();
        var jam = invitations.requireManager(actor, jamId);
        String notice = done == null ? null : switch (done) {
            case "invited" -> "invitations.done.invited";
            case "pasted" -> "invitations.done.pasted";
            case "reminded" -> "invitations.done.reminded";
            case "resent" -> "invitations.done.resent";
            case "revoked" -> "invitations.done.revoked";
            default -> null;
        };
        model.addAttribute("page", new InvitationsPage(jam, invitations.counts(actor, jamId),
                invitations.list(actor, jamId, search), search, jams.forums(actor, jamId), one, pasted, pastedType,
                errors, badLines, goodLines, heldId, UUID.randomUUID().toString(), notice, count));
        return "jam/invitations";
    }

    private static String refused(Refusal refusal, HttpServletResponse response,
                                  java.util.function.Supplier<String> page) {
        if (refusal.field() == null) {
            throw refusal;
        }
        response.setStatus(refusal.status().value());
        return page.get();
    }

    private static ParticipantType type(String value) {
        for (ParticipantType type : ParticipantType.values()) {
            if (type.name().equals(value)) {
                return type;
            }
        }
        return null;
    }

    private static InvitationRole role(String value) {
        for (InvitationRole role : InvitationRole.values()) {
            if (role.name().equals(value)) {
                return role;
            }
        }
        return null;
    }

    private static Long forum(String value) {
        return value != null && value.matches("\\d{1,18}") ? Long.valueOf(value) : null;
    }

    private static String language(String value) {
        return "de".equals(value) ? "de" : "en";
    }
}
