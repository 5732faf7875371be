package org.incrowd.kiosk.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.incrowd.identity.CurrentActor;
import org.incrowd.jam.JamService;
import org.incrowd.kiosk.IssuedCode;
import org.incrowd.kiosk.KioskCodes;
import org.incrowd.kiosk.Kiosks;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.PublicUrl;
import org.incrowd.shared.Refusal;
import org.incrowd.shared.Ui;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The organisers' kiosk page of a Jam ({@code /jams/{jamId}/kiosks}): its kiosks (create, with the one-time link to
 * open on the device; revoke) and its people's codes (issue a printable list; revoke).
 */
@Controller
class KioskSetupController {

    private final Kiosks kiosks;
    private final KioskCodes codes;
    private final JamService jams;
    private final CurrentActor currentActor;
    private final PublicUrl publicUrl;

    KioskSetupController(Kiosks kiosks, KioskCodes codes, JamService jams, CurrentActor currentActor,
                         PublicUrl publicUrl) {
        this.kiosks = kiosks;
        this.codes = codes;
        this.jams = jams;
        this.currentActor = currentActor;
        this.publicUrl = publicUrl;
    }

    @GetMapping("/jams/{jamId}/kiosks")
    String page(@PathVariable long jamId, @RequestParam(required = false) String done, Model model) {
        return render(jamId, "", "", String.valueOf(KioskCodes.DEFAULT_DAYS), FieldErrors.none(), null,
                done == null ? null : "kiosk.setup.done." + done.replaceAll("[^a-zA-Z]", ""), model);
    }

    @PostMapping("/jams/{jamId}/kiosks")
    String create(@PathVariable long jamId, @RequestParam(required = false) String name, Model model,
                  HttpServletResponse response) {
        try {
            var enrolment = kiosks.create(currentActor.require(), jamId, name);
            return render(jamId, "", "", String.valueOf(KioskCodes.DEFAULT_DAYS), FieldErrors.none(),
                    publicUrl.absolute("/kiosk/enrol/" + enrolment.token()), null, model);
        } catch (Refusal refusal) {
            return refused(refusal, response, () -> render(jamId, name, "", String.valueOf(KioskCodes.DEFAULT_DAYS),
                    refusal.errors(), null, null, model));
        }
    }

    @PostMapping("/jams/{jamId}/kiosks/{deviceId}/revoke")
    String revoke(@PathVariable long jamId, @PathVariable long deviceId) {
        kiosks.revoke(currentActor.require(), jamId, deviceId);
        return "redirect:/jams/" + jamId + "/kiosks?done=revoked";
    }

    @PostMapping("/jams/{jamId}/kiosks/codes")
    String issue(@PathVariable long jamId, @RequestParam(required = false) String lines,
                 @RequestParam(required = false) String days, Model model, HttpServletResponse response) {
        var actor = currentActor.require();
        var ui = (Ui) model.getAttribute("ui");
        try {
            Integer validDays = days == null || days.isBlank() ? null : parseDays(days);
            List<IssuedCode> issued = codes.issue(actor, jamId, lines, validDays, ui.lang());
            model.addAttribute("jam", jams.requireOrganiserOrStaff(actor, jamId));
            model.addAttribute("issued", issued);
            return "kiosk/issued";
        } catch (Refusal refusal) {
            return refused(refusal, response, () -> render(jamId, "", lines, days, refusal.errors(), null, null,
                    model));
        }
    }

    @PostMapping("/jams/{jamId}/kiosks/codes/{codeId}/revoke")
    String revokeCode(@PathVariable long jamId, @PathVariable long codeId) {
        codes.revoke(currentActor.require(), jamId, codeId);
        return "redirect:/jams/" + jamId + "/kiosks?done=codeRevoked";
    }

    private static int parseDays(String days) {
        try {
            return Integer.parseInt(days.strip());
        } catch (NumberFormatException e) {
            throw Refusal.invalid("days", "kiosk.codes.days.range", KioskCodes.MAX_DAYS);
        }
    }

    /** A refused form comes back as typed; a refusal of the person (403, 404) is the error page's. */
    private static String refused(Refusal refusal, HttpServletResponse response,
                                  java.util.function.Supplier<String> form) {
        if (refusal.status() != HttpStatus.UNPROCESSABLE_CONTENT) {
            throw refusal;
        }
        response.setStatus(refusal.status().value());
        return form.get();
    }

    private String render(long jamId, String name, String lines, String days, FieldErrors errors, String link,
                          String notice, Model model) {
        var actor = currentActor.require();
        var jam = jams.requireOrganiserOrStaff(actor, jamId);
        model.addAttribute("page", new KioskSetupPage(jam, kiosks.devices(actor, jamId), codes.list(actor, jamId),
                name == null ? "" : name, lines == null ? "" : lines, days == null ? "" : days, errors, link,
                notice));
        return "kiosk/setup";
    }
}
