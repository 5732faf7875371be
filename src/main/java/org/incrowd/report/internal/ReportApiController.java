package org.incrowd.report.internal;

import org.incrowd.report.ReportDraft;
import io.swagger.v3.oas.annotations.Operation;
import org.incrowd.identity.CurrentActor;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The Jam report for programs, with the same rules as the pages: readers see it once published. */
@RestController
@RequestMapping("/api/v1")
class ReportApiController {

    private final ReportReading reading;
    private final ReportWriting writing;
    private final CurrentActor currentActor;

    ReportApiController(ReportReading reading, ReportWriting writing, CurrentActor currentActor) {
        this.reading = reading;
        this.writing = writing;
        this.currentActor = currentActor;
    }

    @Operation(summary = "A Jam's report with every source resolved: published for readers, the draft for organisers")
    @GetMapping("/jams/{jamId}/report")
    ReportView get(@PathVariable long jamId) {
        return reading.view(currentActor.require(), jamId);
    }

    @Operation(summary = "Replaces the whole report (organisers): what we heard, what happens next, recommendations "
            + "with their themes (keys), posts (ids) and opinion groups (0 = A)")
    @PutMapping("/jams/{jamId}/report")
    ReportView put(@PathVariable long jamId, @RequestBody(required = false) ReportDraft draft) {
        var actor = currentActor.require();
        writing.requireOrganiser(actor, jamId);
        if (draft == null) {
            throw Refusal.badRequest("body", "report.api.body");
        }
        writing.save(actor, jamId, draft, FieldErrors.none());
        return reading.view(actor, jamId);
    }

    @Operation(summary = "Publishes the report as saved (organisers); refused while it has no recommendation")
    @PostMapping("/jams/{jamId}/report/publish")
    @ResponseStatus(HttpStatus.OK)
    ReportView publish(@PathVariable long jamId) {
        var actor = currentActor.require();
        writing.publish(actor, jamId);
        return reading.view(actor, jamId);
    }
}
