package org.incrowd.notify.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.incrowd.discussion.Reading;
import org.incrowd.identity.Actor;
import org.incrowd.identity.CurrentActor;
import org.incrowd.jam.JamService;
import org.incrowd.notify.internal.Follows.State;
import org.incrowd.notify.internal.Follows.Target;
import org.incrowd.shared.Refusal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Follow and mute buttons for threads and forums (a fragment the discussion pages load), and the names suggested
 * while typing a mention. Whoever may read a thread or forum may follow or mute it; only the Jam's members, staff
 * and organisers are offered its members' names.
 */
@Controller
public class FollowController {

    private final Follows follows;
    private final Mentions mentions;
    private final Reading reading;
    private final JamService jams;
    private final CurrentActor currentActor;
    private final Clock clock;

    FollowController(Follows follows, Mentions mentions, Reading reading, JamService jams, CurrentActor currentActor,
                     Clock clock) {
        this.follows = follows;
        this.mentions = mentions;
        this.reading = reading;
        this.jams = jams;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** A choice for a place as the buttons show it. */
    public record Choice(Target target, long id, State state) {

        public String path() {
            return (target == Target.THREAD ? "/threads/" : "/forums/") + id + "/follow";
        }

        public String key() {
            return target.name().toLowerCase() + "-" + id;
        }
    }

    @GetMapping("/threads/{ideaId}/follow")
    String thread(@PathVariable long ideaId, Model model) {
        return buttons(Target.THREAD, requireThread(currentActor.require(), ideaId), model);
    }

    @PostMapping("/threads/{ideaId}/follow")
    String followThread(@PathVariable long ideaId, @RequestParam String state, Model model,
                        HttpServletRequest request) {
        var actor = currentActor.require();
        long id = requireThread(actor, ideaId);
        follows.set(actor.personId(), Target.THREAD, id, state(state), clock.instant());
        return isHtmx(request) ? buttons(Target.THREAD, id, model) : "redirect:/threads/" + id;
    }

    @GetMapping("/forums/{forumId}/follow")
    String forum(@PathVariable long forumId, Model model) {
        return buttons(Target.FORUM, jams.requireForum(currentActor.require(), forumId).forum().id(), model);
    }

    @PostMapping("/forums/{forumId}/follow")
    String followForum(@PathVariable long forumId, @RequestParam String state, Model model,
                       HttpServletRequest request) {
        var actor = currentActor.require();
        long id = jams.requireForum(actor, forumId).forum().id();
        follows.set(actor.personId(), Target.FORUM, id, state(state), clock.instant());
        return isHtmx(request) ? buttons(Target.FORUM, id, model) : "redirect:/forums/" + id;
    }

    /** Up to 8 members' names starting with {@code q}, as a list (an HTML fragment, like every page's answer). */
    @GetMapping("/jams/{jamId}/mentions")
    String mentionable(@PathVariable long jamId, @RequestParam(defaultValue = "") String q, Model model) {
        var actor = currentActor.require();
        jams.require(actor, jamId);
        if (!jams.isMember(jamId, actor.personId()) && !jams.isOrganiserOrStaff(actor, jamId)) {
            throw Refusal.forbidden("mention.membersOnly");
        }
        model.addAttribute("names", mentions.suggestions(jamId, q));
        return "notify/mentionNames";
    }

    private long requireThread(Actor actor, long ideaId) {
        var idea = reading.require(actor, ideaId);
        if (!idea.isIdea()) {
            throw Refusal.notFound("post.notFound");
        }
        return idea.id();
    }

    private String buttons(Target target, long id, Model model) {
        model.addAttribute("choice", new Choice(target, id, follows.stateOf(currentActor.require().personId(), target, id)));
        return "notify/follow";
    }

    private static State state(String value) {
        try {
            return State.valueOf(value);
        } catch (IllegalArgumentException unknown) {
            throw Refusal.invalid("state", "follow.state.invalid");
        }
    }

    private static boolean isHtmx(HttpServletRequest request) {
        return request.getHeader("HX-Request") != null;
    }
}
