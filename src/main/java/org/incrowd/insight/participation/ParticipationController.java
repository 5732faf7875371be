package org.incrowd.insight.participation;

import java.nio.charset.StandardCharsets;
import org.incrowd.identity.CurrentActor;
import org.incrowd.insight.participation.algorithm.Breakdown;
import org.incrowd.insight.participation.algorithm.GroupFigures;
import org.incrowd.insight.participation.algorithm.QuietGroup;
import org.incrowd.shared.AdministrativeAct;
import org.incrowd.shared.Csv;
import org.incrowd.shared.Ui;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The participation page of a Jam (optionally narrowed to one forum) and a CSV download of each of its tables. */
@Controller
class ParticipationController {

    private final Participation participation;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;

    ParticipationController(Participation participation, CurrentActor currentActor, ApplicationEventPublisher events) {
        this.participation = participation;
        this.currentActor = currentActor;
        this.events = events;
    }

    @GetMapping("/jams/{jamId}/participation")
    String page(@PathVariable long jamId, @RequestParam(required = false) Long forum, Model model) {
        model.addAttribute("page", participation.of(currentActor.require(), jamId, forum));
        return "insight/participation";
    }

    @GetMapping("/jams/{jamId}/participation.csv")
    ResponseEntity<String> csv(@PathVariable long jamId, @RequestParam(required = false) String table,
                               @RequestParam(required = false) Long forum, Model model) {
        var which = CsvTable.parse(table);
        var actor = currentActor.require();
        var page = participation.of(actor, jamId, forum);
        var ui = (Ui) model.getAttribute("ui");
        if (actor.canOrganise()) {
            events.publishEvent(AdministrativeAct.exportDownloaded(actor.personId(),
                    forum == null ? "jam:" + jamId : "forum:" + forum, "participation-" + which.key(), "csv"));
        }
        String filename = "participation-" + jamId + (forum == null ? "" : "-forum-" + forum) + "-" + which.key()
                + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .body(csv(which, page, ui));
    }

    private static String csv(CsvTable table, ParticipationPage page, Ui ui) {
        var csv = new Csv();
        switch (table) {
            case TIMELINE -> {
                csv.row(ui.t("participation.col.from"), ui.t("participation.col.activePeople"),
                        ui.t("participation.col.posts"));
                page.timeline().rows().forEach(row -> csv.row(row.start().toString(), row.people(), row.posts()));
            }
            case QUIET -> {
                csv.row(ui.t("participation.col.dimension"), ui.t("participation.col.group"),
                        ui.t("participation.col.invited"), ui.t("participation.col.activeInvited"),
                        ui.t("participation.col.shareActive"));
                for (QuietGroup quiet : page.figures().quiet()) {
                    var group = quiet.figures();
                    csv.row(ui.t(ParticipationPage.dimensionKey(quiet.dimension())),
                            ParticipationPage.label(ui, quiet.dimension(), group.value()), group.invited(),
                            group.activeInvited(), ParticipationPage.percent(group.shareActive()));
                }
            }
            default -> {
                Breakdown breakdown = page.figures().breakdown(table.dimension());
                csv.row(ui.t("participation.col.group"), ui.t("participation.col.people"),
                        ui.t("participation.col.invited"), ui.t("participation.col.joined"),
                        ui.t("participation.col.active"), ui.t("participation.col.posts"),
                        ui.t("participation.col.shareActive"));
                for (GroupFigures group : breakdown.groups()) {
                    csv.row(ParticipationPage.label(ui, breakdown.dimension(), group.value()), group.people(),
                            group.invited(), group.joined(), group.active(), group.posts(),
                            ParticipationPage.percent(group.shareActive()));
                }
            }
        }
        return csv.toString();
    }
}
