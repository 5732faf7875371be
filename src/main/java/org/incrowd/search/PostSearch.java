package org.incrowd.search;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.incrowd.meaning.PostVectors;
import java.util.stream.Collectors;
import org.incrowd.discussion.PostText;
import org.incrowd.identity.Actor;
import org.incrowd.discussion.Bylines;
import org.incrowd.text.Language;
import org.incrowd.text.LanguageDetection;
import org.incrowd.jam.Forum;
import org.incrowd.jam.Jam;
import org.incrowd.discussion.PostFeed;
import org.incrowd.jam.JamService;
import org.incrowd.search.index.QueryTooCostly;
import org.incrowd.search.index.SearchHit;
import org.incrowd.search.index.SearchHits;
import org.incrowd.search.index.SearchQuery;
import org.incrowd.shared.FieldErrors;
import org.incrowd.shared.Refusal;
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
    private final Bylines bylines;
    private final SearchAllowance allowance;
    private final LanguageDetection languages = new LanguageDetection(Language.ENGLISH);

    private final PostVectors vectors;
    private final QueryMeanings queryMeanings;

    PostSearch(PostIndexFeed feed, JamService jams, PostFeed discussion, Bylines bylines,
               SearchAllowance allowance, PostVectors vectors, QueryMeanings queryMeanings) {
        this.feed = feed;
        this.vectors = vectors;
        this.queryMeanings = queryMeanings;
        this.jams = jams;
        this.discussion = discussion;
        this.bylines = bylines;
        this.allowance = allowance;
    }

    /**
     * The reader's search, within their {@link SearchAllowance}.
     *
     * @throws Refusal for a bad parameter, too costly a search or too many searches (see {@link #refused})
     */
    SearchPage search(Actor actor, SearchForm form) {
        var visible = jams.visibleTo(actor);
        var query = form.toQuery(visible.stream().map(Jam::id).collect(Collectors.toSet()));
        var forums = forumsOf(actor, visible);
        boolean searched = query.hasWords() || query.jam() != null || query.forum() != null || query.tag() != null
                || query.phase() != null || query.participantType() != null || query.country() != null
                || query.from() != null || query.to() != null;
        SearchHits hits = searched ? allowance.run(actor.personId(), () -> run(withMeaning(query)))
                : SearchHits.none();
        int page = query.offset() / query.limit() + 1;
        int pages = (int) Math.min(SearchForm.MAX_PAGE, (hits.total() + query.limit() - 1) / query.limit());
        return new SearchPage(form, searched, hits.total(), found(actor, hits.hits(), visible, forums), page, pages,
                visible, forums, feed.caughtUp(), hits.stopped(), FieldErrors.none());
    }

    /** The search form as sent, with why it was refused. */
    SearchPage refused(Actor actor, SearchForm form, Refusal refusal) {
        var visible = jams.visibleTo(actor);
        return SearchPage.refused(form, visible, forumsOf(actor, visible), FieldErrors.none().add(refusal),
                feed.caughtUp());
    }

    /**
     * What the filter form offers: the forums of the Jams the reader may see. {@code visible} was checked for this
     * reader already; checking each Jam again cost queries per Jam on every search.
     */
    private List<Forum> forumsOf(Actor actor, List<Jam> visible) {
        return visible.stream().flatMap(jam -> jams.forumsOf(jam.id()).stream()).toList();
    }

    /**
     * The best match is hybrid: the words' sentence vector ({@link QueryMeanings}) goes with them, unless they are in
     * a language the model does not cover (then words only, as before). Sorting by date needs no vector.
     */
    private SearchQuery withMeaning(SearchQuery query) {
        if (query.order() != SearchQuery.Order.RELEVANCE || !query.hasWords()) {
            return query;
        }
        String read = readWords(query.plainWords());
        return read.isEmpty() ? query : queryMeanings.of(read).map(query::withMeaning).orElse(query);
    }

    /**
     * The words of a query that the model reads: an id, a code or a misspelling it can only spell out letter by letter
     * would give a vector that means nothing (and is close to every other such string), so it is left to the words.
     */
    private String readWords(String words) {
        var encoder = vectors.encoder();
        return java.util.Arrays.stream(words.split("\\s+"))
                .filter(word -> !word.isEmpty() && encoder.reads(word.replaceAll("[^\\p{L}\\p{N}]", "")))
                .collect(Collectors.joining(" "));
    }

    private Language detect(String text) {
        synchronized (languages) { // the statistical detector is not made for concurrent use
            return languages.detect(text);
        }
    }

    private SearchHits run(SearchQuery query) {
        try {
            return feed.index().search(query);
        } catch (QueryTooCostly tooCostly) {
            throw Refusal.invalid("q", tooCostly.reason() == QueryTooCostly.Reason.WORDS
                    ? "search.invalid.tooManyWords" : "search.invalid.tooManyPatterns", tooCostly.limit());
        }
    }

    /** Up to five ideas in the forum's Jam that resemble the draft in words or meaning, most alike first. */
    List<FoundPost> similarIdeas(Actor actor, long forumId, String draft) {
        var place = jams.requireForum(actor, forumId);
        if (draft == null || draft.isBlank()) {
            return List.of();
        }
        String text = draft.length() > MAX_DRAFT_LENGTH ? draft.substring(0, MAX_DRAFT_LENGTH) : draft;
        Language language = detect(text);
        float[] meaning = vectors.encoder().covers(language) ? vectors.encoder().encode(text) : null;
        var hits = feed.index().similarIdeas(text, language, meaning, place.jam().id(), SIMILAR_IDEAS);
        return found(actor, hits, List.of(place.jam()), jams.forums(actor, place.jam().id()));
    }

    /**
     * Hits as readers see them, with their authors' bylines (a pseudonym or no one where the forum hides names) and, for replies, their idea's title. A post hidden on another node
     * may still be in this node's index for a moment: the database has the last word. Three queries per page of hits
     * (hidden, texts, bylines), none per hit.
     */
    private List<FoundPost> found(Actor reader, List<SearchHit> hits, List<Jam> visible, List<Forum> forums) {
        if (hits.isEmpty()) {
            return List.of();
        }
        var ids = new HashSet<Long>();
        hits.forEach(hit -> {
            ids.add(hit.postId());
            ids.add(hit.threadId());
        });
        var hidden = discussion.hiddenAmong(ids);
        Map<Long, PostText> texts = new HashMap<>();
        discussion.texts(ids).forEach(text -> texts.put(text.id(), text));
        var bylinesById = bylines.ofPosts(reader, hits.stream().map(SearchHit::postId).toList());
        Map<Long, Jam> jamsById = new HashMap<>();
        visible.forEach(jam -> jamsById.put(jam.id(), jam));
        Map<Long, String> forumTitles = new HashMap<>();
        forums.forEach(forum -> forumTitles.put(forum.id(), forum.title()));
        return hits.stream().filter(hit -> !hidden.contains(hit.postId())).map(hit -> {
            var jam = jamsById.get(hit.jamId());
            var text = texts.get(hit.postId());
            var byline = text == null ? null : bylinesById.get(hit.postId());
            var thread = hit.idea() || hidden.contains(hit.threadId()) ? null : texts.get(hit.threadId());
            return new FoundPost(hit, jam == null ? null : jam.title(), forumTitles.get(hit.forumId()), url(hit),
                    byline == null ? null : byline.name(), thread == null ? null : thread.title(),
                    jam == null ? null : jam.timeZone());
        }).toList();
    }

    /** Ideas open their thread; a reply is found in its thread by discussion's own link to a post. */
    private static String url(SearchHit hit) {
        return hit.idea() ? "/threads/" + hit.postId() : "/posts/" + hit.postId();
    }
}
