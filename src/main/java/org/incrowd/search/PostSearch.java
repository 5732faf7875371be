package org.incrowd.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.incrowd.identity.Actor;
import org.incrowd.text.Language;
import org.incrowd.text.LanguageDetection;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Jam;
import org.incrowd.discussion.PostFeed;
import org.incrowd.jam.JamService;
import org.incrowd.search.index.SearchHit;
import org.incrowd.search.index.SearchHits;
import org.springframework.stereotype.Service;

/**
 * Searching on a reader's behalf: the index is asked only about the Jams {@link JamService#visibleTo} the reader, so
 * nothing from a Jam they may not see is ever found, and the hits get their Jam, forum and link.
 */
@Service
class PostSearch {

    static final int SIMILAR_IDEAS = 5;
    /** A draft longer than any post gives no better suggestions. */
    private static final int MAX_DRAFT_LENGTH = 10_200;

    private final PostIndexFeed feed;
    private final JamService jams;
    private final PostFeed discussion;
    private final LanguageDetection languages = new LanguageDetection(Language.ENGLISH);

    PostSearch(PostIndexFeed feed, JamService jams, PostFeed discussion) {
        this.feed = feed;
        this.jams = jams;
        this.discussion = discussion;
    }

    SearchPage search(Actor actor, SearchForm form) {
        var visible = jams.visibleTo(actor);
        var query = form.toQuery(visible.stream().map(Jam::id).collect(Collectors.toSet()));
        var forums = visible.stream().flatMap(jam -> jams.forums(actor, jam.id()).stream()).toList();
        boolean searched = query.hasWords() || query.jam() != null || query.forum() != null || query.tag() != null
                || query.phase() != null || query.participantType() != null || query.country() != null
                || query.from() != null || query.to() != null;
        SearchHits hits = searched ? feed.index().search(query) : SearchHits.none();
        int page = query.offset() / query.limit() + 1;
        int pages = (int) Math.min(SearchForm.MAX_PAGE, (hits.total() + query.limit() - 1) / query.limit());
        return new SearchPage(form, searched, hits.total(), found(hits.hits(), visible, forums), page, pages,
                visible, forums, feed.caughtUp());
    }

    /** Up to five ideas in the forum's Jam that resemble the draft, most alike first. */
    List<FoundPost> similarIdeas(Actor actor, long forumId, String draft) {
        var place = jams.requireForum(actor, forumId);
        if (draft == null || draft.isBlank()) {
            return List.of();
        }
        String text = draft.length() > MAX_DRAFT_LENGTH ? draft.substring(0, MAX_DRAFT_LENGTH) : draft;
        Language language;
        synchronized (languages) { // the statistical detector is not made for concurrent use
            language = languages.detect(text);
        }
        var hits = feed.index().similarIdeas(text, language, place.jam().id(), SIMILAR_IDEAS);
        return found(hits, List.of(place.jam()), jams.forums(actor, place.jam().id()));
    }

    /**
     * Hits as readers see them. A post hidden on another node may still be in this node's index for a moment: the
     * database has the last word, one query per page of hits.
     */
    private List<FoundPost> found(List<SearchHit> hits, List<Jam> visible, List<Forum> forums) {
        var hidden = discussion.hiddenAmong(hits.stream().map(SearchHit::postId).toList());
        Map<Long, String> jamTitles = new HashMap<>();
        visible.forEach(jam -> jamTitles.put(jam.id(), jam.title()));
        Map<Long, String> forumTitles = new HashMap<>();
        forums.forEach(forum -> forumTitles.put(forum.id(), forum.title()));
        return hits.stream().filter(hit -> !hidden.contains(hit.postId())).map(hit -> new FoundPost(hit, jamTitles.get(hit.jamId()), forumTitles.get(hit.forumId()),
                url(hit))).toList();
    }

    /** Ideas open their thread; a reply is found in its thread by discussion's own link to a post. */
    private static String url(SearchHit hit) {
        return hit.idea() ? "/threads/" + hit.postId() : "/posts/" + hit.postId();
    }
}
