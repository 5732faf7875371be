package org.incrowd.audit.internal;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.incrowd.audit.AuditPage;
import org.incrowd.audit.AuditSearch;
import org.incrowd.audit.AuditTrail;
import org.incrowd.identity.CurrentActor;
import org.incrowd.shared.Csv;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The audit trail for administrators: the page (search, newest first, paged, the chain's check), its CSV export (itself
 * recorded) and the same search as JSON.
 */
@Controller
class AuditController {

    private final AuditTrail trail;
    private final CurrentActor currentActor;

    AuditController(AuditTrail trail, CurrentActor currentActor) {
        this.trail = trail;
        this.currentActor = currentActor;
    }

    @GetMapping("/admin/audit")
    String page(@RequestParam(required = false) String who, @RequestParam(required = false) String action,
                @RequestParam(required = false) String subject, @RequestParam(required = false) String words,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String zone, @RequestParam(defaultValue = "0") int page,
                Model model, HttpServletResponse response) {
        var actor = currentActor.require();
        var search = new AuditSearch(who, action, subject, words, from, to, zone);
        var check = trail.check(actor);
        AuditPage found = null;
        var errors = FieldErrors.none();
        try {
            found = trail.search(actor, search, page);
        } catch (Refusal refusal) {
            if (refusal.errors() == null || refusal.errors().isEmpty()) {
                throw refusal;
            }
            errors = refusal.errors();
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        model.addAttribute("view", new AuditView(search, errors, found, check, trail.actions()));
        return "audit/trail";
    }

    /** The current search as CSV, formula-safe: a cell a spreadsheet would run as a formula starts with '. */
    @GetMapping("/admin/audit.csv")
    void csv(@RequestParam(required = false) String who, @RequestParam(required = false) String action,
             @RequestParam(required = false) String subject, @RequestParam(required = false) String words,
             @RequestParam(required = false) String from, @RequestParam(required = false) String to,
             @RequestParam(required = false) String zone, HttpServletResponse response) throws IOException {
        var search = new AuditSearch(who, action, subject, words, from, to, zone);
        var actor = currentActor.require();
        var out = new Csv();
        out.row("id", "at", "actor_id", "actor", "action", "subject", "reason", "details");
        api(() -> trail.export(actor, search, "csv", shown -> {
            var entry = shown.entry();
            out.row(entry.id(), entry.at().atZone(search.zoneId()).toOffsetDateTime().toString(),
                    entry.actorId(), shown.actorName(), entry.action(), entry.subject(), entry.reason(),
                    entry.details().entrySet().stream()
                            .map(detail -> detail.getKey() + "=" + detail.getValue())
                            .collect(Collectors.joining("; ")));
        }));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("audit-trail.csv").build().toString());
        try (Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)) {
            writer.write(out.toString());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** An entry as JSON. */
    record EntryJson(long id, String at, long actorId, String actorName, String action, String subject, String reason,
                     Map<String, String> details) {
    }

    /** A page of the trail as JSON. */
    record PageJson(List<EntryJson> entries, int page, boolean hasMore) {
    }

    @Operation(summary = "The audit trail (administrators), newest first: who (part of a name or address), action, "
            + "subject, words of the reason, from/to (inclusive days, yyyy-mm-dd, in zone), page")
    @GetMapping("/api/v1/audit")
    @ResponseBody
    PageJson json(@RequestParam(required = false) String who, @RequestParam(required = false) String action,
                  @RequestParam(required = false) String subject, @RequestParam(required = false) String words,
                  @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                  @RequestParam(required = false) String zone, @RequestParam(defaultValue = "0") int page) {
        var search = new AuditSearch(who, action, subject, words, from, to, zone);
        var found = api(() -> trail.search(currentActor.require(), search, page));
        return new PageJson(found.entries().stream().map(shown -> new EntryJson(shown.entry().id(),
                shown.entry().at().toString(), shown.entry().actorId(), shown.actorName(), shown.entry().action(),
                shown.entry().subject(), shown.entry().reason(), shown.entry().details())).toList(), found.page(),
                found.hasMore());
    }

    /** A refused search is a malformed request: 400 naming the first field that is wrong. */
    private static <T> T api(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (Refusal refusal) {
            var errors = refusal.errors();
            if (errors == null || errors.isEmpty()) {
                throw refusal;
            }
            String field = errors.asMap().keySet().stream().sorted().findFirst().orElseThrow();
            throw Refusal.badRequest(field, errors.keyFor(field), errors.argumentsFor(field));
        }
    }

    private static void api(Runnable call) {
        api(() -> {
            call.run();
            return null;
        });
    }
}
