package org.incrowd.privacy.internal.retention;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.incrowd.identity.CurrentActor;
import org.incrowd.privacy.Retention;
import org.incrowd.privacy.RetentionPeriod;
import org.incrowd.privacy.RetentionRun;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The retention settings and runs as JSON, for administrators. */
@RestController
@RequestMapping("/api/v1/retention")
class RetentionApiController {

    private final Retention retention;
    private final CurrentActor currentActor;

    RetentionApiController(Retention retention, CurrentActor currentActor) {
        this.retention = retention;
        this.currentActor = currentActor;
    }

    record Settings(List<RetentionPeriod> periods, List<RetentionRun> runs) {
    }

    /** {@code days}: kind to days, null or absent meaning "kept until removed otherwise". */
    record Change(Map<String, Integer> days, String reason) {
    }

    @GetMapping
    Settings settings() {
        var actor = currentActor.require();
        return new Settings(retention.periods(actor), retention.runs(actor, 10));
    }

    @PutMapping
    Settings change(@RequestBody Change change) {
        var actor = currentActor.require();
        var typed = new HashMap<String, String>();
        if (change.days() != null) {
            change.days().forEach((kind, days) -> typed.put(kind, days == null ? "" : String.valueOf(days)));
        }
        retention.setPeriods(actor, typed, change.reason());
        return settings();
    }

    @PostMapping("/runs")
    @ResponseStatus(HttpStatus.CREATED)
    RetentionRun run() {
        return retention.runNow(currentActor.require());
    }
}
