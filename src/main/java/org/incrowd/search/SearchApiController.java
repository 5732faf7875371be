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

    /** A found post; {@code snippetHtml} is escaped HTML with {@code <mark>} around the matching words. */
    record Result(long postId, long jamId, String jam, long forumId, String forum, long threadId, boolean idea,
                  String title, String snippetHtml, List<String> tags, String url, java.time.Instant createdAt) {
        static Result of(FoundPost found) {
            SearchHit hit = found.hit();
            return new Result(hit.postId(), hit.jamId(), found.jamTitle(), hit.forumId(), found.forumTitle(),
                    hit.threadId(), hit.idea(), hit.title(), hit.snippetHtml(), hit.tags(), found.url(),
                    hit.createdAt());
        }
    }

    record Results(long total, int page, int pages, boolean complete, List<Result> results) {
    }

    @Operation(summary = "Search the posts of the Jams you may see",
            description = "q uses Lucene's simple syntax (\"phrase\", -word, prefix*); filters jam, forum, tag, phase, "
                    + "type (participant type), country, from and to (yyyy-mm-dd, UTC, inclusive); sort relevance or "
                    + "newest; page from 1.")
    @GetMapping("/search")
    Results search(SearchForm form) {
        var page = search.search(currentActor.require(), form);
        return new Results(page.total(), page.page(), page.pages(), page.complete(),
                page.results().stream().map(Result::of).toList());
    }

    @Operation(summary = "Ideas in a forum's Jam similar to a draft, most alike first (at most five)")
    @GetMapping("/search/similar")
    List<Result> similar(@RequestParam long forum, @RequestParam String text) {
        return search.similarIdeas(currentActor.require(), forum, text).stream().map(Result::of).toList();
    }
}
