package org.incrowd.search.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.ExitableDirectoryReader;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.incrowd.text.Language;

/**
 * The posts of one node, in a Lucene index on disk, near-real-time: what {@link #add} writes is searchable after the
 * next {@link #refresh} (milliseconds), without a commit; {@link #commit} makes it durable and records how far the
 * index has read, so that a restart continues from there. Safe for one writer thread and any number of readers.
 */
public final class PostIndex implements Closeable {

    /** Data that says how far the index has read its source, stored with each commit. */
    public record Progress(long lastPostId, Instant lastEdit) {
        public static final Progress NONE = new Progress(0, Instant.EPOCH);
    }

    private static final String LAST_POST_ID = "lastPostId";
    private static final String LAST_EDIT = "lastEdit";
    private static final String FORMAT = "format";
    /**
     * The documents' layout; an index committed with another one reports no progress, so the feed builds it anew.
     * 2: the words as written ({@link PostDocuments#WORDS}) for prefixes and fuzzy words.
     */
    private static final String CURRENT_FORMAT = "2";
    /** How long one search may run before it is stopped with what it has found so far. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(1);
    /** A passage of about this length around each match (two at most): enough to judge the post. */
    private static final int SNIPPET_CHARS = 160;
    /** Every Jam has more than a handful of ideas; this many words of a draft say what it is about. */
    private static final int SIMILAR_TERMS = 40;

    private final Directory directory;
    private final Analyzer analyzer;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Duration timeLimit;

    private PostIndex(Directory directory, Duration timeLimit) throws IOException {
        this.directory = directory;
        this.timeLimit = timeLimit;
        this.analyzer = PostDocuments.analyzer();
        var config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64);
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, null);
    }

    /** Opens the index in {@code folder}, creating it if missing. */
    public static PostIndex open(Path folder) {
        return open(folder, DEFAULT_TIME_LIMIT);
    }

    /** Opens the index in {@code folder}, creating it if missing; each search may run for {@code timeLimit}. */
    public static PostIndex open(Path folder, Duration timeLimit) {
        try {
            return new PostIndex(FSDirectory.open(folder), timeLimit);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index in " + folder, e);
        }
    }

    // ---- writing (one thread) ------------------------------------------------------------------------------------

    /** Adds the posts, replacing earlier versions of the same posts. */
    public void add(Collection<IndexedPost> posts) {
        try {
            for (IndexedPost post : posts) {
                writer.updateDocument(PostDocuments.key(post.id()), PostDocuments.document(post));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void remove(long postId) {
        try {
            writer.deleteDocuments(PostDocuments.key(postId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void removeAll() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes what was added or removed so far visible to searches. */
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the index durable, recording how far it has read. */
    public void commit(Progress progress) {
        writer.setLiveCommitData(Map.of(LAST_POST_ID, Long.toString(progress.lastPostId()),
                LAST_EDIT, progress.lastEdit().toString(), FORMAT, CURRENT_FORMAT).entrySet());
        try {
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How far the last commit had read; {@link Progress#NONE} for a new index or one of an older format. */
    public Progress committedProgress() {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return Progress.NONE;
            }
            Map<String, String> data = new HashMap<>();
            writer.getLiveCommitData().forEach(entry -> data.put(entry.getKey(), entry.getValue()));
            if (data.isEmpty()) {
                try (var reader = DirectoryReader.open(directory)) {
                    data.putAll(reader.getIndexCommit().getUserData());
                }
            }
            return data.containsKey(LAST_POST_ID) && CURRENT_FORMAT.equals(data.get(FORMAT))
                    ? new Progress(Long.parseLong(data.get(LAST_POST_ID)), Instant.parse(data.get(LAST_EDIT)))
                    : Progress.NONE;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Posts searchable now. */
    public int size() {
        return withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }

    // ---- reading (any thread) ------------------------------------------------------------------------------------

    /**
     * Runs a reader's search; one that would cost too much is refused, one that runs out of time returns what it
     * found so far, marked as {@link SearchHits#stopped()}.
     *
     * @throws QueryTooCostly for too many words, or too many prefixes and fuzzy words
     */
    public SearchHits search(SearchQuery query) {
        if (query.jams().isEmpty()) {
            return SearchHits.none();
        }
        Query words = query.hasWords() ? new MultilingualQueryParser(analyzer).parse(query.words()) : null;
        if (query.hasWords() && words == null) {
            return SearchHits.none(); // only stop words or punctuation
        }
        Sort sort = query.order() == SearchQuery.Order.NEWEST || words == null ? NEWEST : RELEVANCE;
        return find(words, filters(query), sort, query.offset(), query.limit(), true);
    }

    /**
     * Ideas in a Jam that say much of what {@code draft} says, best first: the draft's words, analysed in its
     * language, as one BM25 query in which the rarer words weigh more; at least two of them must match (when the
     * draft has two), so that one common word does not make two ideas "similar".
     */
    public List<SearchHit> similarIdeas(String draft, Language language, long jamId, int limit) {
        var terms = terms(draft, language);
        if (terms.isEmpty()) {
            return List.of();
        }
        var like = new BooleanQuery.Builder().setMinimumNumberShouldMatch(Math.min(2, terms.size()));
        String field = PostDocuments.textField(language);
        terms.forEach(term -> like.add(new TermQuery(new Term(field, term)), Occur.SHOULD));
        var filters = List.<Query>of(LongField.newExactQuery(PostDocuments.JAM, jamId),
                new TermQuery(new Term(PostDocuments.KIND, PostDocuments.IDEA)));
        return find(like.build(), filters, RELEVANCE, 0, limit, false).hits();
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Sort NEWEST = new Sort(
            LongField.newSortField(PostDocuments.CREATED, true, SortedNumericSelector.Type.MAX));
    /** Equal scores (common with short posts) show the newer post first. */
    private static final Sort RELEVANCE = new Sort(SortField.FIELD_SCORE,
            LongField.newSortField(PostDocuments.CREATED, true, SortedNumericSelector.Type.MAX));

    private List<Query> filters(SearchQuery query) {
        var filters = new ArrayList<Query>();
        filters.add(LongField.newSetQuery(PostDocuments.JAM, query.jams().stream().mapToLong(Long::longValue).toArray()));
        if (query.jam() != null) {
            filters.add(LongField.newExactQuery(PostDocuments.JAM, query.jam()));
        }
        if (query.forum() != null) {
            filters.add(LongField.newExactQuery(PostDocuments.FORUM, query.forum()));
        }
        keyword(filters, PostDocuments.TAG, query.tag());
        keyword(filters, PostDocuments.PHASE, query.phase());
        keyword(filters, PostDocuments.TYPE, query.participantType());
        keyword(filters, PostDocuments.COUNTRY, query.country());
        if (query.ideasOnly()) {
            keyword(filters, PostDocuments.KIND, PostDocuments.IDEA);
        }
        if (query.from() != null || query.to() != null) {
            long from = query.from() == null ? Long.MIN_VALUE : query.from().toEpochMilli();
            long to = query.to() == null ? Long.MAX_VALUE : query.to().toEpochMilli() - 1; // "to" is exclusive
            filters.add(LongField.newRangeQuery(PostDocuments.CREATED, from, to));
        }
        return filters;
    }

    private static void keyword(List<Query> filters, String field, String value) {
        if (value != null && !value.isBlank()) {
            filters.add(new TermQuery(new Term(field, PostDocuments.normalise(value))));
        }
    }

    /**
     * Finds the posts that match {@code words} (null: every post) and pass every filter, and highlights the words. A
     * {@code bounded} search is stopped after {@link #timeLimit}, also while it expands prefixes and fuzzy words into
     * the index's words (the reader is wrapped so that its term enumeration checks the clock). The words are expanded
     * once, for finding and highlighting alike; a search out of time is not highlighted.
     */
    private SearchHits find(Query words, List<Query> filters, Sort sort, int offset, int limit, boolean bounded) {
        return withSearcher(searcher -> {
            IndexSearcher running = searcher;
            QueryTimeout timeout = null;
            if (bounded) {
                timeout = new QueryTimeoutImpl(timeLimit.toMillis());
                running = new IndexSearcher(ExitableDirectoryReader.wrap((DirectoryReader) searcher.getIndexReader(),
                        timeout));
                running.setTimeout(timeout);
            }
            Query highlight;
            TopDocs top;
            try {
                highlight = words == null ? null : running.rewrite(words);
                var all = new BooleanQuery.Builder().add(highlight == null ? new MatchAllDocsQuery() : highlight,
                        Occur.MUST);
                filters.forEach(filter -> all.add(filter, Occur.FILTER));
                // Exact totals in the same pass: every match is visited for the score sort anyway.
                top = running.search(all.build(),
                        new TopFieldCollectorManager(sort, Math.max(1, offset + limit), null, Integer.MAX_VALUE));
            } catch (ExitableDirectoryReader.ExitingReaderException outOfTime) {
                return new SearchHits(0, List.of(), true);
            }
            boolean stopped = running.timedOut() || timeout != null && timeout.shouldExit();
            if (stopped) {
                highlight = null;
            }
            long total = top.totalHits.value();
            if (offset >= top.scoreDocs.length) {
                return new SearchHits(total, List.of(), stopped);
            }
            ScoreDoc[] page = java.util.Arrays.copyOfRange(top.scoreDocs, offset, top.scoreDocs.length);
            var pageDocs = new TopDocs(top.totalHits, page);
            var highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                    .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                    .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                            BreakIterator.getSentenceInstance(Locale.ROOT), SNIPPET_CHARS, 0.5f))
                    .withMaxLength(10_000).build();
            String[] fields = PostDocuments.textFields();
            int[] passages = new int[fields.length];
            java.util.Arrays.fill(passages, 2);
            Map<String, String[]> snippets = highlighter.highlightFields(fields,
                    highlight == null ? new MatchNoDocsQuery() : highlight, pageDocs, passages);
            var storedFields = searcher.storedFields();
            var hits = new ArrayList<SearchHit>(page.length);
            for (int i = 0; i < page.length; i++) {
                var doc = storedFields.document(page[i].doc);
                hits.add(PostDocuments.hit(doc, snippet(snippets, i)));
            }
            return new SearchHits(total, hits, stopped);
        });
    }

    private static String snippet(Map<String, String[]> snippets, int index) {
        for (String[] values : snippets.values()) {
            if (values[index] != null) {
                return values[index];
            }
        }
        return "";
    }

    /** The distinct analysed words of a text, in order of first appearance, at most {@link #SIMILAR_TERMS}. */
    private LinkedHashSet<String> terms(String text, Language language) {
        var terms = new LinkedHashSet<String>();
        try (TokenStream stream = analyzer.tokenStream(PostDocuments.textField(language), text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && terms.size() < SIMILAR_TERMS) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    private interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
