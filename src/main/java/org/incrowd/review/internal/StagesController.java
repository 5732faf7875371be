package org.incrowd.review.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.incrowd.identity.CurrentActor;
import org.incrowd.jam.Jam;
import org.incrowd.review.ReviewAccess;
import org.incrowd.review.ReviewStages;
import org.incrowd.review.ReviewStages.StageDraft;
import org.incrowd.review.Stage;
import org.incrowd.review.StageOutcome;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.incrowd.shared.Ui;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The organiser's page for a Jam's review stages: one row per stage (name, outcome, position, remove) and an empty
 * row to add one. Works without JavaScript; a refused change comes back with every row as typed.
 */
@Controller
class StagesController {

    private final ReviewStages stages;
    private final ReviewAccess access;
    private final CurrentActor currentActor;

    StagesController(ReviewStages stages, ReviewAccess access, CurrentActor currentActor) {
        this.stages = stages;
        this.access = access;
        this.currentActor = currentActor;
    }

    @GetMapping("/jams/{jamId}/review/stages")
    String form(@PathVariable long jamId,
                @org.springframework.web.bind.annotation.RequestParam(required = false) String saved, Model model) {
        model.addAttribute("saved", saved != null);
        var jam = access.requireOrganiser(currentActor.require(), jamId);
        var ui = (Ui) model.getAttribute("ui");
        var counts = stages.ideasPerStage(jamId);
        var rows = new ArrayList<StageRow>();
        for (var stage : stages.of(jamId)) {
            rows.add(new StageRow(stage.key(), stage.label(ui), stage.outcome().name(),
                    String.valueOf(stage.position() + 1), false, counts.getOrDefault(stage.key(), 0L)));
        }
        rows.add(new StageRow("", "", StageOutcome.OPEN.name(), String.valueOf(rows.size() + 1), false, 0));
        return page(jam, rows, FieldErrors.none(), model);
    }

    @PostMapping("/jams/{jamId}/review/stages")
    String save(@PathVariable long jamId, HttpServletRequest request, Model model, HttpServletResponse response) {
        var actor = currentActor.require();
        var jam = access.requireOrganiser(actor, jamId);
        var ui = (Ui) model.getAttribute("ui");
        var rows = typed(request, stages.ideasPerStage(jamId));
        var kept = new ArrayList<Integer>();
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            if (!row.removed() && !(row.key().isEmpty() && row.name().isBlank())) {
                kept.add(i);
            }
        }
        kept.sort(Comparator.comparingDouble(i -> position(rows.get(i).order(), i)));
        var drafts = kept.stream().map(i -> draft(rows.get(i), ui)).toList();
        try {
            stages.configure(actor, jamId, drafts);
            return "redirect:/jams/" + jamId + "/review/stages?saved";
        } catch (Refusal refusal) {
            if (refusal.status() != HttpStatus.UNPROCESSABLE_CONTENT) {
                throw refusal;
            }
            response.setStatus(refusal.status().value());
            model.addAttribute("saved", false);
            return page(jam, rows, onRows(refusal.errors(), kept), model);
        }
    }

    /** The rows as sent; the parameters come as parallel lists, one value per row. */
    private static List<StageRow> typed(HttpServletRequest request, java.util.Map<String, Long> counts) {
        var keys = values(request, "key");
        var names = values(request, "name");
        var outcomes = values(request, "outcome");
        var orders = values(request, "order");
        var removed = Set.of(values(request, "remove"));
        var rows = new ArrayList<StageRow>();
        for (int i = 0; i < keys.length; i++) {
            String key = keys[i].strip();
            rows.add(new StageRow(key, at(names, i), at(outcomes, i), at(orders, i),
                    !key.isEmpty() && removed.contains(key), counts.getOrDefault(key, 0L)));
        }
        return rows;
    }

    /** A default stage still called by its default name stays named by the bundle, in every reader's language. */
    private static StageDraft draft(StageRow row, Ui ui) {
        String name = row.name().strip();
        boolean bundleNamed = ReviewStages.DEFAULTS.stream().map(Stage::key).anyMatch(row.key()::equals)
                && name.equals(ui.t("review.stage." + row.key()));
        StageOutcome outcome = null;
        try {
            outcome = StageOutcome.valueOf(row.outcome());
        } catch (IllegalArgumentException unknown) {
            // left null: refused with the outcome's message
        }
        return new StageDraft(row.key(), bundleNamed ? null : name, outcome);
    }

    /** The service names rows by their place among the saved stages; the form by their place on the page. */
    private static FieldErrors onRows(FieldErrors errors, List<Integer> kept) {
        var onRows = FieldErrors.none();
        errors.asMap().keySet().stream().sorted().forEach(field -> {
            String shown = field;
            int dot = field.indexOf('.');
            if (dot > 0) {
                shown = field.substring(0, dot) + "." + kept.get(Integer.parseInt(field.substring(dot + 1)));
            }
            onRows.add(shown, errors.keyFor(field), errors.argumentsFor(field));
        });
        return onRows;
    }

    private static double position(String order, int index) {
        try {
            return Double.parseDouble(order.strip()) + index / 1000.0;
        } catch (NumberFormatException notANumber) {
            return index + 1;
        }
    }

    private static String[] values(HttpServletRequest request, String name) {
        var values = request.getParameterValues(name);
        return values == null ? new String[0] : values;
    }

    private static String at(String[] values, int i) {
        return i < values.length ? values[i] : "";
    }

    private String page(Jam jam, List<StageRow> rows, FieldErrors errors, Model model) {
        model.addAttribute("jam", jam);
        model.addAttribute("rows", rows);
        model.addAttribute("outcomes", StageOutcome.values());
        model.addAttribute("errors", errors);
        return "review/stages";
    }
}
