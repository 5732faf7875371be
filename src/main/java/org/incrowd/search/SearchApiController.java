package org.incrowd.search;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.incrowd.identity.CurrentActor;
import org.incrowd.search.index.SearchHit;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Search for scripts: the same parameters and rules as the page. */
@RestController
@RequestMapping("/api/v1")
class SearchApiController {

    private final PostSearch search;
    private final CurrentActor currentActor;

    SearchApiController(PostSearch search, CurrentActor currentActor) {
        this.search = search;
        this.currentActor = currentActor;
    }

    /**
     * A found post; {@code snippetHtml} is escaped HTML with {@code <mark>} around the matching words. Replies have
     * no {@code title}; {@code threadTitle} is their idea's.
     */
    record Result(long postId, long jamId, String jam, long forumId, String forum, long threadId, boolean idea,
                  String title, String threadTitle, String author, String snippetHtml, List<String> tags, String url,
                  java.time.Instant createdAt) {
        static Result of(FoundPost found) {
            SearchHit hit = found.hit();
            return new Result(hit.postId(), hit.jamId(), found.jamTitle(), hit.forumId(), found.forumTitle(),
                    hit.threadId(), hit.idea(), hit.title(), found.threadTitle(), found.author(), hit.snippetHtml(),
                    hit.tags(), found.url(), hit.createdAt());
        }
    }

    /** {@code stopped}: the search ran out of time, so the results may be incomplete. */
    record Results(long total, int page, int pages, boolean complete, boolean stopped, List<Result> results) {
    }

    @Operation(summary = "Search the posts of the Jams you may see",
            description = "q uses Lucene's simple syntax (\"phrase\", -word, prefix*, word~1; at most 32 words, 4 of them "
                    + "with * or ~); filters jam, forum, tag, phase, "
                    + "type (participant type), country, from and to (yyyy-mm-dd, UTC, inclusive); sort relevance or "
                    + "newest; page from 1. Each person may run 2 searches at once and 60 a minute (then 429).")
    @GetMapping("/search")
    Results search(SearchForm form) {
        var page = search.search(currentActor.require(), form);
        return new Results(page.total(), page.page(), page.pages(), page.complete(), page.stopped(),
                page.results().stream().map(Result::of).toList());
    }

    @Operation(summary = "Ideas in a forum's Jam similar to a draft, most alike first (at most five)")
    @GetMapping("/search/similar")
    List<Result> similar(@RequestParam long forum, @RequestParam String text) {
        return search.similarIdeas(currentActor.require(), forum, text).stream().map(Result::of).toList();
    }
}
