package org.incrowd.review.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import org.incrowd.identity.Actor;
import org.incrowd.identity.CurrentActor;
import org.incrowd.insight.JamThemes;
import org.incrowd.jam.JamService;
import org.incrowd.review.Listening;
import org.incrowd.review.ReviewAccess;
import org.incrowd.review.ThemeAnswers;
import org.incrowd.review.Waiting;
import org.incrowd.shared.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages of answers per theme, what waits and the listening figures. Every form posts and comes back; a refused one
 * is shown again with its message and what was typed.
 */
@Controller
class AnswersController {

    private final ThemeAnswers answers;
    private final Waiting waiting;
    private final Listening listening;
    private final ReviewAccess access;
    private final JamThemes themes;
    private final JamService jams;
    private final CurrentActor currentActor;

    AnswersController(ThemeAnswers answers, Waiting waiting, Listening listening, ReviewAccess access,
                      JamThemes themes, JamService jams, CurrentActor currentActor) {
        this.answers = answers;
        this.waiting = waiting;
        this.listening = listening;
        this.access = access;
        this.themes = themes;
        this.jams = jams;
        this.currentActor = currentActor;
    }

    @GetMapping("/jams/{jamId}/review/answers")
    String page(@PathVariable long jamId, Model model) {
        model.addAttribute("page", page(currentActor.require(), jamId, AnswersPage.Kept.NONE));
        return "review/answers";
    }

    @PostMapping("/jams/{jamId}/review/answers")
    String answer(@PathVariable long jamId, @RequestParam(required = false) String theme,
                  @RequestParam(required = false) String youSaid, @RequestParam(required = false) String weDid,
                  @RequestParam(required = false) String why, Model model, HttpServletResponse response) {
        var kept = kept("answer", theme, "youSaid", youSaid, "weDid", weDid, "why", why);
        return change(jamId, kept, model, response, actor -> "#answer-"
                + answers.answer(actor, jamId, theme, new ThemeAnswers.Text(youSaid, weDid, why, null)).id());
    }

    @PostMapping("/jams/{jamId}/review/answers/{answerId}/edit")
    String edit(@PathVariable long jamId, @PathVariable long answerId,
                @RequestParam(required = false) String youSaid, @RequestParam(required = false) String weDid,
                @RequestParam(required = false) String why, @RequestParam(required = false) String reason,
                Model model, HttpServletResponse response) {
        var kept = kept("edit", String.valueOf(answerId), "youSaid", youSaid, "weDid", weDid, "why", why, "reason",
                reason);
        return change(jamId, kept, model, response, actor -> {
            requireInJam(actor, jamId, answerId);
            return "#answer-" + answers.edit(actor, answerId, new ThemeAnswers.Text(youSaid, weDid, why, reason)).id();
        });
    }

    @PostMapping("/jams/{jamId}/review/answers/{answerId}/rating")
    String rate(@PathVariable long jamId, @PathVariable long answerId,
                @RequestParam(required = false) String verdict, @RequestParam(required = false) String comment,
                Model model, HttpServletResponse response) {
        var kept = kept("rate", String.valueOf(answerId), "verdict", verdict, "comment", comment);
        return change(jamId, kept, model, response, actor -> {
            requireInJam(actor, jamId, answerId);
            return "#answer-" + answers.rate(actor, answerId, verdict, comment).id();
        });
    }

    @GetMapping("/jams/{jamId}/review/waiting")
    String waiting(@PathVariable long jamId, Model model) {
        var actor = currentActor.require();
        model.addAttribute("jam", access.requireReviewer(actor, jamId));
        model.addAttribute("waits", waiting.of(actor, jamId));
        return "review/waiting";
    }

    @GetMapping("/jams/{jamId}/review/listening")
    String listening(@PathVariable long jamId, Model model) {
        var actor = currentActor.require();
        model.addAttribute("jam", jams.require(actor, jamId));
        model.addAttribute("figures", listening.of(actor, jamId));
        model.addAttribute("organiser", access.mayReview(actor, jamId));
        return "review/listening";
    }

    @PostMapping("/jams/{jamId}/review/listening")
    String share(@PathVariable long jamId, @RequestParam(defaultValue = "false") boolean shared) {
        listening.share(currentActor.require(), jamId, shared);
        return "redirect:/jams/" + jamId + "/review/listening";
    }

    private AnswersPage page(Actor actor, long jamId, AnswersPage.Kept kept) {
        var jam = jams.require(actor, jamId);
        var all = answers.of(actor, jamId);
        var answered = new java.util.HashSet<String>();
        all.forEach(answer -> answered.add(answer.themeKey()));
        var unanswered = themes.of(jamId).stream().filter(theme -> !answered.contains(theme.key())).toList();
        return new AnswersPage(jam, all, unanswered, access.mayReview(actor, jamId),
                !actor.isGuest() && !actor.isReadOnly(), kept);
    }

    private void requireInJam(Actor actor, long jamId, long answerId) {
        if (answers.require(actor, answerId).jamId() != jamId) {
            throw Refusal.notFound("answers.notFound");
        }
    }

    private String change(long jamId, AnswersPage.Kept kept, Model model, HttpServletResponse response,
                          java.util.function.Function<Actor, String> change) {
        var actor = currentActor.require();
        try {
            return "redirect:/jams/" + jamId + "/review/answers" + change.apply(actor);
        } catch (Refusal refusal) {
            if (refusal.status() != HttpStatus.UNPROCESSABLE_CONTENT) {
                throw refusal;
            }
            response.setStatus(refusal.status().value());
            model.addAttribute("page", page(actor, jamId, new AnswersPage.Kept(kept.form(), kept.target(),
                    kept.values(), refusal.errors())));
            return "review/answers";
        }
    }

    private static AnswersPage.Kept kept(String form, String target, String... fields) {
        var values = new LinkedHashMap<String, String>();
        for (int i = 0; i < fields.length; i += 2) {
            values.put(fields[i], fields[i + 1] == null ? "" : fields[i + 1]);
        }
        return new AnswersPage.Kept(form, target == null ? "" : target, values, null);
    }
}
