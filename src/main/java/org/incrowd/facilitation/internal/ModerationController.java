package org.incrowd.facilitation.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.incrowd.discussion.Reading;
import org.incrowd.discussion.Post;
import org.incrowd.identity.CurrentActor;
import org.incrowd.jam.JamService;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A post's flag form (participants) and moderation page (facilitators). Forms work without JavaScript; a refused
 * form comes back with what was typed and the reason it was refused.
 */
@Controller
class ModerationController {

    private final Facilitation facilitation;
    private final Reading discussion;
    private final JamService jams;
    private final CurrentActor currentActor;

    ModerationController(Facilitation facilitation, Reading discussion, JamService jams,
                         CurrentActor currentActor) {
        this.facilitation = facilitation;
        this.discussion = discussion;
        this.jams = jams;
        this.currentActor = currentActor;
    }

    @GetMapping("/posts/{postId}/flag")
    String flagForm(@PathVariable long postId, @RequestParam(required = false) String sent, Model model) {
        model.addAttribute("sent", sent != null);
        return flagPage(postId, "", "", FieldErrors.none(), model);
    }

    @PostMapping("/posts/{postId}/flag")
    String flag(@PathVariable long postId, @RequestParam(defaultValue = "") String reason,
                @RequestParam(defaultValue = "") String detail, Model model, HttpServletResponse response) {
        try {
            facilitation.flag(currentActor.require(), postId, reason, detail);
            return "redirect:/posts/" + postId + "/flag?sent";
        } catch (Refusal refusal) {
            response.setStatus(refusal.status().value());
            model.addAttribute("sent", false);
            return flagPage(postId, reason, detail, FieldErrors.none().add(refusal), model);
        }
    }

    private String flagPage(long postId, String reason, String detail, FieldErrors errors, Model model) {
        model.addAttribute("post", discussion.require(currentActor.require(), postId));
        model.addAttribute("reasons", FlagReason.values());
        model.addAttribute("reason", reason);
        model.addAttribute("detail", detail);
        model.addAttribute("errors", errors);
        return "facilitation/flag";
    }

    @GetMapping("/posts/{postId}/moderate")
    String moderateForm(@PathVariable long postId, Model model) {
        return moderatePage(postId, "", FieldErrors.none(), model);
    }

    @PostMapping("/posts/{postId}/hide")
    String hide(@PathVariable long postId, @RequestParam(defaultValue = "") String reason,
                @RequestParam(defaultValue = "") String back, Model model, HttpServletResponse response) {
        return acting(postId, reason, back, model, response,
                () -> facilitation.hide(currentActor.require(), postId, reason));
    }

    @PostMapping("/posts/{postId}/restore")
    String restore(@PathVariable long postId, @RequestParam(defaultValue = "") String reason,
                   @RequestParam(defaultValue = "") String back, Model model, HttpServletResponse response) {
        return acting(postId, reason, back, model, response,
                () -> facilitation.restore(currentActor.require(), postId, reason));
    }

    @PostMapping("/posts/{postId}/keep")
    String keep(@PathVariable long postId, @RequestParam(defaultValue = "") String reason,
                @RequestParam(defaultValue = "") String back, Model model, HttpServletResponse response) {
        return acting(postId, reason, back, model, response,
                () -> facilitation.keep(currentActor.require(), postId, reason));
    }

    @PostMapping("/posts/{postId}/pin")
    String pin(@PathVariable long postId, @RequestParam(defaultValue = "true") boolean pinned,
               @RequestParam(defaultValue = "") String back, Model model, HttpServletResponse response) {
        return acting(postId, "", back, model, response,
                () -> facilitation.pin(currentActor.require(), postId, pinned));
    }

    @PostMapping("/posts/{postId}/spotlight")
    String spotlight(@PathVariable long postId, @RequestParam(defaultValue = "true") boolean spotlit,
                     @RequestParam(defaultValue = "") String back, Model model, HttpServletResponse response) {
        return acting(postId, "", back, model, response,
                () -> facilitation.spotlight(currentActor.require(), postId, spotlit));
    }

    @PostMapping("/posts/{postId}/move")
    String move(@PathVariable long postId, @RequestParam(required = false) Long forum,
                @RequestParam(defaultValue = "") String reason, Model model, HttpServletResponse response) {
        return acting(postId, reason, "", model, response, () -> {
            if (forum == null) {
                throw Refusal.invalid("forum", "moderation.move.chooseForum");
            }
            return facilitation.move(currentActor.require(), postId, forum, reason);
        });
    }

    /**
     * Runs a moderation command, then goes back where the facilitator came from: the forum's console (its
     * moderation queue) or the post's moderation page. Only those two: {@code back} is never a URL.
     */
    private String acting(long postId, String reason, String back, Model model, HttpServletResponse response,
                          Supplier<Post> command) {
        try {
            var post = command.get();
            return "console".equals(back)
                    ? "redirect:/forums/" + post.forumId() + "/console#queue"
                    : "redirect:/posts/" + post.id() + "/moderate";
        } catch (Refusal refusal) {
            response.setStatus(refusal.status().value());
            return moderatePage(postId, reason, FieldErrors.none().add(refusal), model);
        }
    }

    private String moderatePage(long postId, String reason, FieldErrors errors, Model model) {
        var actor = currentActor.require();
        var post = discussion.require(actor, postId);
        var place = jams.requireFacilitation(actor, post.forumId());
        model.addAttribute("post", post);
        model.addAttribute("place", place);
        model.addAttribute("forums", jams.forums(actor, place.jam().id()).stream()
                .filter(forum -> forum.id() != place.forum().id()).toList());
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        return "facilitation/moderate";
    }
}
