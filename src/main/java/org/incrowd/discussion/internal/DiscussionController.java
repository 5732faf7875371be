package org.incrowd.discussion.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.incrowd.discussion.Editing;
import org.incrowd.discussion.IdeaOrder;
import org.incrowd.discussion.Post;
import org.incrowd.discussion.PostDraft;
import org.incrowd.jam.IdentityModes;
import org.incrowd.discussion.PostNotes;
import org.incrowd.discussion.Posting;
import org.incrowd.discussion.Reacting;
import org.incrowd.discussion.Reading;
import org.incrowd.discussion.ReactionKind;
import org.incrowd.discussion.ThreadPage;
import org.incrowd.identity.Actor;
import org.incrowd.identity.CurrentActor;
import org.incrowd.jam.JamService;
import org.incrowd.jam.Place;
import org.incrowd.jam.PlaceNotice;
import org.incrowd.shared.Ui;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Forum and thread pages. Every form works without JavaScript (post, then redirect back to the post); with htmx,
 * reactions swap just their own bar. A refused post re-shows the page with the text as typed.
 */
@Controller
class DiscussionController {

    private final Reading reading;
    private final Posting posting;
    private final Editing editing;
    private final Reacting reacting;
    private final JamService jams;
    private final CurrentActor currentActor;
    private final java.util.List<PlaceNotice> notices;
    private final java.util.List<PostNotes> postNotes;
    private final IdentityModes modes;

    DiscussionController(Reading reading, Posting posting, Editing editing, Reacting reacting,
                         JamService jams, CurrentActor currentActor,
                         java.util.List<PlaceNotice> notices, java.util.List<PostNotes> postNotes,
                         IdentityModes modes) {
        this.modes = modes;
        this.reading = reading;
        this.posting = posting;
        this.editing = editing;
        this.reacting = reacting;
        this.jams = jams;
        this.currentActor = currentActor;
        this.notices = java.util.List.copyOf(notices);
        this.postNotes = java.util.List.copyOf(postNotes);
    }

    @GetMapping("/forums/{forumId}")
    String forum(@PathVariable long forumId, @RequestParam(defaultValue = "0") int page,
                 @RequestParam(defaultValue = IdeaOrder.NEWEST) String order, Model model) {
        return forumPage(forumId, page, order, model, new PostDraft("", "", ""), FieldErrors.none());
    }

    /** A page of a forum's ideas alone, as the forum page's live list fetches it again. */
    @GetMapping("/forums/{forumId}/ideas")
    String ideas(@PathVariable long forumId, @RequestParam(defaultValue = "0") int page,
                 @RequestParam(defaultValue = IdeaOrder.NEWEST) String order, Model model) {
        var actor = currentActor.currentOrGuest();
        var place = jams.requireForum(actor, forumId);
        ((Ui) model.getAttribute("ui")).speakPlainly(jams.isPlainLanguage(place.jam().id()));
        addIdeas(actor, place, page, order, model);
        return "discussion/ideas";
    }

    @PostMapping("/forums/{forumId}/threads")
    String startThread(@PathVariable long forumId, PostDraft draft, Model model, HttpServletResponse response) {
        try {
            var actor = currentActor.require();
            var idea = OnceByKey.write(() -> posting.startThread(actor, forumId, draft),
                    () -> posting.written(actor, draft.requestKey()));
            return "redirect:/threads/" + idea.id();
        } catch (Refusal refusal) {
            response.setStatus(refusal.status().value());
            return forumPage(forumId, 0, IdeaOrder.NEWEST, model, draft, errorsOf(refusal));
        }
    }

    @GetMapping("/threads/{ideaId}")
    String thread(@PathVariable long ideaId, @RequestParam(defaultValue = "0") int page,
                  @RequestParam(required = false) Long replyTo, Model model) {
        return threadPage(ideaId, page, model, replyTo, new PostDraft("", "", ""), FieldErrors.none());
    }

    /** A page of a thread's replies alone, as the thread page's live replies fetch it again. */
    @GetMapping("/threads/{ideaId}/replies")
    String replies(@PathVariable long ideaId, @RequestParam(defaultValue = "0") int page, Model model) {
        var actor = currentActor.currentOrGuest();
        var thread = reading.thread(actor, ideaId, page);
        var place = jams.requireForum(actor, thread.idea().forumId());
        ((Ui) model.getAttribute("ui")).speakPlainly(jams.isPlainLanguage(place.jam().id()));
        addReplies(actor, place, thread, model);
        model.addAttribute("canFacilitate", jams.mayFacilitate(actor, place));
        return "discussion/replies";
    }

    /** Where a post stands in its thread: lets a link to one post (a search result) leave the paging to this. */
    @GetMapping("/posts/{postId}")
    String post(@PathVariable long postId) {
        var actor = currentActor.currentOrGuest();
        var post = reading.require(actor, postId);
        int page = reading.pageOf(actor, post.threadId(), post.id());
        return "redirect:/threads/" + post.threadId() + (page > 0 ? "?page=" + page : "") + "#post-" + post.id();
    }

    @PostMapping("/posts/{postId}/replies")
    String reply(@PathVariable long postId, PostDraft draft, Model model, HttpServletResponse response) {
        var actor = currentActor.require();
        try {
            var reply = OnceByKey.write(() -> posting.reply(actor, postId, draft),
                    () -> posting.written(actor, draft.requestKey()));
            int page = reading.pageOf(actor, reply.threadId(), reply.id());
            return "redirect:/threads/" + reply.threadId() + "?page=" + page + "#post-" + reply.id();
        } catch (Refusal refusal) {
            var parent = reading.require(actor, postId);
            response.setStatus(refusal.status().value());
            return threadPage(parent.threadId(), 0, model, postId, draft, errorsOf(refusal));
        }
    }

    @PostMapping("/posts/{postId}/reaction")
    String react(@PathVariable long postId, @RequestParam(defaultValue = "") String kind, Model model,
                 HttpServletRequest request) {
        var actor = currentActor.require();
        return reacting(actor, postId, model, request, () -> switch (kind) {
            case "WITHDRAW" -> reacting.withdrawReaction(actor, postId);
            default -> reacting.react(actor, postId, parseKind(kind));
        });
    }

    @PostMapping("/posts/{postId}/helpful")
    String helpful(@PathVariable long postId, @RequestParam(defaultValue = "true") boolean helpful, Model model,
                   HttpServletRequest request) {
        var actor = currentActor.require();
        return reacting(actor, postId, model, request,
                () -> helpful ? reacting.markHelpful(actor, postId) : reacting.unmarkHelpful(actor, postId));
    }

    @GetMapping("/posts/{postId}/edit")
    String editPage(@PathVariable long postId, Model model) {
        var actor = currentActor.require();
        var post = editing.editable(actor, postId);
        model.addAttribute("post", post);
        model.addAttribute("draft", new PostDraft(post.title(), post.body(), String.join(", ", post.tags())));
        model.addAttribute("errors", FieldErrors.none());
        model.addAttribute("authorNotice", modes.noticeFor(actor, post.forumId()));
        return "discussion/edit";
    }

    @PostMapping("/posts/{postId}/edit")
    String edit(@PathVariable long postId, PostDraft draft, Model model, HttpServletResponse response) {
        var actor = currentActor.require();
        try {
            var post = editing.edit(actor, postId, draft);
            return "redirect:/threads/" + post.threadId() + "#post-" + post.id();
        } catch (Refusal refusal) {
            response.setStatus(refusal.status().value());
            var post = reading.require(actor, postId);
            model.addAttribute("post", post);
            model.addAttribute("draft", draft);
            model.addAttribute("errors", errorsOf(refusal));
            model.addAttribute("authorNotice", modes.noticeFor(actor, post.forumId()));
            return "discussion/edit";
        }
    }

    @GetMapping("/posts/{postId}/history")
    String history(@PathVariable long postId, Model model) {
        var actor = currentActor.require();
        var post = reading.require(actor, postId);
        model.addAttribute("post", post);
        model.addAttribute("revisions", editing.history(actor, postId));
        model.addAttribute("zone", jams.requireForum(actor, post.forumId()).jam().timeZone());
        return "discussion/history";
    }

    /**
     * Runs a reaction. Without JavaScript the browser goes back to the post (refusals show the error page); with
     * htmx only the reaction bar is swapped, and a refusal comes back inside it as a message, because htmx does not
     * swap error responses and the click would otherwise seem to do nothing.
     */
    private String reacting(Actor actor, long postId, Model model, HttpServletRequest request,
                            java.util.function.Supplier<org.incrowd.discussion.Post> reaction) {
        boolean htmx = request.getHeader("HX-Request") != null;
        try {
            var post = reaction.get();
            if (!htmx) {
                return "redirect:/threads/" + post.threadId() + "#post-" + post.id();
            }
            model.addAttribute("post", post);
            model.addAttribute("canPost", true);
            ((Ui) model.getAttribute("ui")).speakPlainly(jams.isPlainLanguage(
                    jams.requireForum(actor, post.forumId()).jam().id()));
        } catch (Refusal refusal) {
            if (!htmx) {
                throw refusal;
            }
            var post = reading.require(actor, postId);
            model.addAttribute("post", post);
            var place = jams.requireForum(actor, post.forumId());
            model.addAttribute("canPost", jams.mayPost(actor, place));
            ((Ui) model.getAttribute("ui")).speakPlainly(jams.isPlainLanguage(place.jam().id()));
            model.addAttribute("problem", ((Ui) model.getAttribute("ui")).t(refusal.messageKey(), refusal.arguments()));
        }
        return "discussion/reactions";
    }

    private String forumPage(long forumId, int page, String order, Model model, PostDraft draft,
                             FieldErrors errors) {
        var actor = currentActor.currentOrGuest();
        var place = jams.requireForum(actor, forumId);
        model.addAttribute("staff", jams.staff(java.util.List.of(place.forum())).getOrDefault(forumId, java.util.List.of()));
        addIdeas(actor, place, page, order, model);
        model.addAttribute("canPost", jams.mayPost(actor, place));
        addFacilitation(actor, place, model);
        model.addAttribute("draft", draft);
        model.addAttribute("errors", errors);
        model.addAttribute("authorNotice", modes.noticeFor(actor, place.forum().id()));
        return "discussion/forum";
    }

    private String threadPage(long ideaId, int page, Model model, Long replyTo, PostDraft draft, FieldErrors errors) {
        var actor = currentActor.currentOrGuest();
        var thread = reading.thread(actor, ideaId, page);
        var place = jams.requireForum(actor, thread.idea().forumId());
        addReplies(actor, place, thread, model);
        addFacilitation(actor, place, model);
        // Replying to a post of another thread, or to an unknown post, falls back to replying to the idea.
        var target = thread.idea();
        if (replyTo != null) {
            try {
                target = reading.require(actor, replyTo);
            } catch (Refusal unknownPost) {
                target = thread.idea();
            }
        }
        model.addAttribute("replyTo", target.threadId() == ideaId ? target : thread.idea());
        model.addAttribute("draft", draft);
        model.addAttribute("errors", errors);
        model.addAttribute("authorNotice", modes.noticeFor(actor, place.forum().id()));
        return "discussion/thread";
    }

    /** What a page of a forum's ideas shows, on the forum page and alone. */
    private void addIdeas(Actor actor, Place place, int page, String order, Model model) {
        var ideas = reading.ideas(actor, place.forum().id(), page, order);
        model.addAttribute("place", place);
        model.addAttribute("ideas", ideas);
        model.addAttribute("ideaMarks", marksFor(place, ideas.ideas(), actor, (Ui) model.getAttribute("ui")));
    }

    /** What a page of a thread's replies shows, on the thread page and alone (but whether the reader facilitates). */
    private void addReplies(Actor actor, Place place, ThreadPage thread, Model model) {
        model.addAttribute("place", place);
        model.addAttribute("thread", thread);
        model.addAttribute("canPost", jams.mayPost(actor, place));
        model.addAttribute("actorId", actor.personId());
        model.addAttribute("postNotes", notesFor(place, thread, actor, (Ui) model.getAttribute("ui")));
    }

    /** Whether the reader facilitates here (moderation links), and the notices other modules show in this place. */
    private void addFacilitation(Actor actor, Place place, Model model) {
        model.addAttribute("canFacilitate", jams.mayFacilitate(actor, place));
        var ui = (Ui) model.getAttribute("ui");
        ui.speakPlainly(jams.isPlainLanguage(place.jam().id()));
        model.addAttribute("notices", notices.stream().map(notice -> notice.render(place, actor, ui)).toList());
    }

    /** What other modules note under the page's posts, several notes per post in the order of the beans. */
    private java.util.Map<Long, java.util.List<gg.jte.Content>> notesFor(Place place, ThreadPage thread, Actor actor,
                                                                       Ui ui) {
        var posts = new java.util.ArrayList<Post>(thread.replies().size() + 1);
        posts.add(thread.idea());
        posts.addAll(thread.replies());
        var byPost = new java.util.HashMap<Long, java.util.List<gg.jte.Content>>();
        for (var source : postNotes) {
            source.notes(place, posts, actor, ui).forEach((postId, note) ->
                    byPost.computeIfAbsent(postId, id -> new java.util.ArrayList<>()).add(note));
        }
        return byPost;
    }

    /** What other modules mark on the ideas of a forum's page, in the order of the beans. */
    private java.util.Map<Long, java.util.List<gg.jte.Content>> marksFor(Place place, java.util.List<Post> ideas,
                                                                       Actor actor, Ui ui) {
        var byIdea = new java.util.HashMap<Long, java.util.List<gg.jte.Content>>();
        for (var source : postNotes) {
            source.marks(place, ideas, actor, ui).forEach((ideaId, mark) ->
                    byIdea.computeIfAbsent(ideaId, id -> new java.util.ArrayList<>()).add(mark));
        }
        return byIdea;
    }

    private static FieldErrors errorsOf(Refusal refusal) {
        return refusal.field() != null ? refusal.errors() : FieldErrors.none().add(refusal);
    }

    private static ReactionKind parseKind(String kind) {
        for (ReactionKind value : ReactionKind.values()) {
            if (value.name().equals(kind)) {
                return value;
            }
        }
        throw Refusal.invalid("kind", "reaction.kind.invalid");
    }

}
