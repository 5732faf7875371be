package org.incrowd.report.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.incrowd.identity.Actor;
import org.incrowd.identity.CurrentActor;
import org.incrowd.shared.AdministrativeAct;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.incrowd.shared.Ui;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The report's pages: the report for readers (and its PDF and Markdown), and the organisers' edit page, a plain form
 * that saves the whole report as a draft or publishes it.
 */
@Controller
class ReportController {

    private final ReportReading reading;
    private final ReportWriting writing;
    private final ReportPdf pdf;
    private final ReportMarkdown markdown;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;

    ReportController(ReportReading reading, ReportWriting writing, ReportPdf pdf, ReportMarkdown markdown,
                     CurrentActor currentActor, ApplicationEventPublisher events) {
        this.events = events;
        this.reading = reading;
        this.writing = writing;
        this.pdf = pdf;
        this.markdown = markdown;
        this.currentActor = currentActor;
    }

    @GetMapping("/jams/{jamId}/report")
    String page(@PathVariable long jamId, Model model) {
        var actor = currentActor.require();
        model.addAttribute("report", reading.view(actor, jamId));
        model.addAttribute("organiser", reading.mayWrite(actor));
        return "report/report";
    }

    @GetMapping("/jams/{jamId}/report.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long jamId, Model model) {
        var actor = currentActor.require();
        var report = reading.view(actor, jamId);
        recordExport(actor, jamId, "pdf");
        return download(pdf.render(report, (Ui) model.getAttribute("ui")), MediaType.APPLICATION_PDF,
                "report-" + jamId + ".pdf");
    }

    @GetMapping("/jams/{jamId}/report.md")
    ResponseEntity<byte[]> markdown(@PathVariable long jamId, Model model) {
        var actor = currentActor.require();
        var report = reading.view(actor, jamId);
        recordExport(actor, jamId, "markdown");
        return download(markdown.render(report, (Ui) model.getAttribute("ui")).getBytes(StandardCharsets.UTF_8),
                new MediaType("text", "markdown", StandardCharsets.UTF_8), "report-" + jamId + ".md");
    }

    /** Organisers' downloads go into the audit trail; readers downloading a published report are only reading. */
    private void recordExport(Actor actor, long jamId, String format) {
        if (actor.canOrganise()) {
            events.publishEvent(AdministrativeAct.exportDownloaded(actor.personId(), "jam:" + jamId, "report", format));
        }
    }

    @GetMapping("/jams/{jamId}/report/edit")
    String edit(@PathVariable long jamId, @RequestParam(required = false) String saved, Model model) {
        var actor = currentActor.require();
        model.addAttribute("saved", saved != null);
        return editPage(jamId, ReportForm.of(reading.draft(actor, jamId)), FieldErrors.none(), model);
    }

    /** Saves the whole report ({@code publish}: and publishes it); a refused form comes back as typed (422). */
    @PostMapping("/jams/{jamId}/report")
    String save(@PathVariable long jamId, @RequestParam(required = false) String publish, HttpServletRequest request,
                Model model, HttpServletResponse response) {
        var actor = currentActor.require();
        writing.requireOrganiser(actor, jamId);
        var form = ReportForm.of(request);
        var errors = FieldErrors.none();
        var draft = form.draft(errors);
        try {
            if (publish != null) {
                writing.publish(actor, jamId, draft, errors);
                return "redirect:/jams/" + jamId + "/report";
            }
            writing.save(actor, jamId, draft, errors);
            return "redirect:/jams/" + jamId + "/report/edit?saved";
        } catch (Refusal refusal) {
            if (refusal.status() != HttpStatus.UNPROCESSABLE_CONTENT) {
                throw refusal;
            }
            response.setStatus(refusal.status().value());
            model.addAttribute("saved", false);
            return editPage(jamId, form.shown(), refusal.errors(), model);
        }
    }

    private String editPage(long jamId, ReportForm form, FieldErrors errors, Model model) {
        var actor = currentActor.require();
        model.addAttribute("jam", writing.requireOrganiser(actor, jamId));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("sources", reading.sources(actor, jamId));
        model.addAttribute("published", reading.isPublished(jamId));
        return "report/edit";
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .body(body);
    }
}
