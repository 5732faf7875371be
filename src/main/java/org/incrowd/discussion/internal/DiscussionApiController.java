package org.incrowd.discussion.internal;

import java.util.List;
import org.incrowd.discussion.Editing;
import org.incrowd.discussion.IdeaOrder;
import org.incrowd.discussion.ForumPage;
import org.incrowd.discussion.Post;
import org.incrowd.discussion.PostDraft;
import org.incrowd.discussion.Posting;
import org.incrowd.discussion.Reacting;
import org.incrowd.discussion.Reading;
import org.incrowd.discussion.ReactionKind;
import org.incrowd.discussion.Revision;
import org.incrowd.discussion.ThreadPage;
import org.incrowd.identity.CurrentActor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Threads, posts and reactions through the API; the same service and rules as the pages. */
@RestController
@RequestMapping("/api/v1")
class DiscussionApiController {

    /** A client's key for one write: the same key again gets the first answer's post (IETF's draft header). */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final Reading reading;
    private final Posting posting;
    private final Editing editing;
    private final Reacting reacting;
    private final CurrentActor currentActor;

    DiscussionApiController(Reading reading, Posting posting, Editing editing, Reacting reacting,
                            CurrentActor currentActor) {
        this.reading = reading;
        this.posting = posting;
        this.editing = editing;
        this.reacting = reacting;
        this.currentActor = currentActor;
    }

    record ReactionRequest(ReactionKind kind) {
    }

    @GetMapping("/forums/{forumId}/threads")
    ForumPage threads(@PathVariable long forumId, @RequestParam(defaultValue = "0") int page,
                      @RequestParam(defaultValue = IdeaOrder.NEWEST) String order) {
        return reading.ideas(currentActor.require(), forumId, page, order);
    }

    @PostMapping("/forums/{forumId}/threads")
    @ResponseStatus(HttpStatus.CREATED)
    Post startThread(@PathVariable long forumId, @RequestBody PostDraft draft,
                     @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        var actor = currentActor.require();
        var keyed = draft.withRequestKey(key);
        return OnceByKey.write(() -> posting.startThread(actor, forumId, keyed),
                () -> posting.written(actor, keyed.requestKey()));
    }

    @GetMapping("/threads/{ideaId}")
    ThreadPage thread(@PathVariable long ideaId, @RequestParam(defaultValue = "0") int page) {
        return reading.thread(currentActor.require(), ideaId, page);
    }

    @GetMapping("/jams/{jamId}/activity")
    List<Post> activity(@PathVariable long jamId, @RequestParam(defaultValue = "20") int limit) {
        return reading.latestInJam(currentActor.require(), jamId, limit);
    }

    @GetMapping("/posts/{postId}")
    Post post(@PathVariable long postId) {
        return reading.require(currentActor.require(), postId);
    }

    @PostMapping("/posts/{postId}/replies")
    @ResponseStatus(HttpStatus.CREATED)
    Post reply(@PathVariable long postId, @RequestBody PostDraft draft,
               @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        var actor = currentActor.require();
        var keyed = draft.withRequestKey(key);
        return OnceByKey.write(() -> posting.reply(actor, postId, keyed),
                () -> posting.written(actor, keyed.requestKey()));
    }

    @PatchMapping("/posts/{postId}")
    Post edit(@PathVariable long postId, @RequestBody PostDraft draft) {
        return editing.edit(currentActor.require(), postId, draft);
    }

    @GetMapping("/posts/{postId}/history")
    List<Revision> history(@PathVariable long postId) {
        return editing.history(currentActor.require(), postId);
    }

    @PutMapping("/posts/{postId}/reaction")
    Post react(@PathVariable long postId, @RequestBody ReactionRequest request) {
        return reacting.react(currentActor.require(), postId, request == null ? null : request.kind());
    }

    @DeleteMapping("/posts/{postId}/reaction")
    Post withdraw(@PathVariable long postId) {
        return reacting.withdrawReaction(currentActor.require(), postId);
    }

    @PostMapping("/posts/{postId}/helpful")
    Post helpful(@PathVariable long postId) {
        return reacting.markHelpful(currentActor.require(), postId);
    }

    @DeleteMapping("/posts/{postId}/helpful")
    Post notHelpful(@PathVariable long postId) {
        return reacting.unmarkHelpful(currentActor.require(), postId);
    }
}
