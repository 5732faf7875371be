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
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.MergePolicy;
import org.incrowd.shared.BackgroundPriority;
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
     * 2: the words as written ({@link PostDocuments#WORDS}) for prefixes and fuzzy words. 3: sentence vectors
     * ({@link PostDocuments#VECTOR}).
     */
    private static final String CURRENT_FORMAT = "3";
    /** How long one search may run before it is stopped with what it has found so far. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(1);
    /** A passage of about this length around each match (two at most): enough to judge the post. */
    private static final int SNIPPET_CHARS = 160;
    /** Every Jam has more than a handful of ideas; this many words of a draft say what it is about. */
    private static final int SIMILAR_TERMS = 40;
    /**
     * Reciprocal rank fusion's constant: a post's fused score is the sum over the two lists (words, meaning) of
     * 1 / (k + its rank). 60 is the value of Cormack, Clarke and Büttcher (SIGIR 2009), robust across collections: it
     * keeps the first ranks of one list from outweighing a post that both lists rank well, and needs no calibration of
     * BM25 scores against cosines, which are on unrelated scales.
     */
    static final int FUSION_K = 60;
    /** Each list is this deep (or the page's end, if deeper) before fusion: what a reader pages through and more. */
    private static final int LEG_DEPTH = 100;
    /**
     * A search finds by meaning only posts at least this close to its words (cosine): a word or two against a post
     * about it scores 0.4-0.5 ("bicycle" and a post on cargo bikes 0.40), against an unrelated post under 0.25; with
     * no floor every query would "find" the whole Jam. See ADR 0058.
     */
    public static final float SEARCH_MEANING_FLOOR = 0.30f;
    /**
     * Ideas are suggested by meaning when at least this close to the draft (cosine): a duplicate worded differently
     * scores 0.42-0.57, another idea on the same place (the canteen) about 0.3. See ADR 0058.
     */
    public static final float SIMILAR_MEANING_FLOOR = 0.40f;
    /** A word being typed at the end of the words: three letters or more, not in a phrase, not excluded. */
    private static final java.util.regex.Pattern TYPING = java.util.regex.Pattern.compile(
            "(^|\\s)([\\p{L}\\p{N}]{3,})$");

    /** Segments below this size are merged as if this size (Lucene's floor): small, see the constructor. */
    private static final double FLOOR_SEGMENT_MB = 2;

    private final Directory directory;
    private final Analyzer analyzer;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Duration timeLimit;

    private PostIndex(Directory directory, Duration timeLimit) throws IOException {
        this.directory = directory;
        this.timeLimit = timeLimit;
        this.analyzer = PostDocuments.analyzer();
        // A small floor: Lucene's 16 MB default counts a segment of one new post as large as one of ten thousand
        // posts and merges them together, inserting those posts' vectors into a new graph again and again. With
        // 2 MB (Lucene 9's default) small segments merge among themselves, cheaply. See ADR 58, addendum.
        var config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64).setMergePolicy(new TieredMergePolicy().setFloorSegmentMB(FLOOR_SEGMENT_MB))
                .setMergeScheduler(new BackgroundMerges());
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, null);
    }

    /**
     * Lucene's merges on threads of the lowest scheduling priority (ADR 59): a merge rebuilds vector graphs, seconds of
     * a core, and no request waits for it; searches read the segments as they are until it ends.
     */
    private static final class BackgroundMerges extends ConcurrentMergeScheduler {
        @Override
        protected synchronized MergeThread getMergeThread(MergeSource source, MergePolicy.OneMerge merge) {
            var thread = new MergeThread(source, merge) {
                @Override
                public void run() {
                    BackgroundPriority.lowerCurrentThread();
                    super.run();
                }
            };
            thread.setDaemon(true);
            thread.setName("Lucene Merge Thread #" + mergeThreadCounter++);
            return thread;
        }
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
        boolean bestMatch = query.order() == SearchQuery.Order.RELEVANCE;
        Query words = query.hasWords() ? parse(query.words(), bestMatch) : null;
        var filters = filters(query);
        Meaning meaning = bestMatch && query.meaning() != null && query.hasWords()
                ? new Meaning(query.meaning(), SEARCH_MEANING_FLOOR, excluded(words)) : null;
        if (query.hasWords() && words == null && meaning == null) {
            return SearchHits.none(); // only stop words or punctuation
        }
        Sort sort = !bestMatch || !query.hasWords() ? NEWEST : RELEVANCE;
        return find(query.hasWords() ? words : null, !query.hasWords(), meaning, filters, sort, query.offset(),
                query.limit(), true);
    }

    /**
     * The words as a query. For the best match, the last word is also a prefix while it is being typed ("remote wor"
     * finds "work"), when the query has room for one more pattern.
     */
    private Query parse(String words, boolean typing) {
        var last = TYPING.matcher(words);
        if (typing && last.find() && words.chars().filter(c -> c == '"').count() % 2 == 0) {
            String word = last.group(2);
            try {
                return new MultilingualQueryParser(analyzer).parse(
                        words.substring(0, last.start(2)) + "(" + word + " | " + word + "*)");
            } catch (QueryTooCostly tooMany) {
                // the reader's own patterns come first: the word is matched as written
            }
        }
        return new MultilingualQueryParser(analyzer).parse(words);
    }

    /**
     * The words a reader excluded ({@code -word}): posts found by meaning must not contain them either. Those are the
     * prohibited clauses reached through required ones (the parser nests "a -b" as a, and "not b" beside every post).
     */
    private static List<Query> excluded(Query words) {
        var excluded = new ArrayList<Query>();
        collectExcluded(words, excluded);
        return excluded;
    }

    private static void collectExcluded(Query query, List<Query> excluded) {
        if (query instanceof BooleanQuery bool) {
            for (var clause : bool.clauses()) {
                if (clause.occur() == Occur.MUST_NOT) {
                    excluded.add(clause.query());
                } else if (clause.occur() == Occur.MUST || clause.occur() == Occur.FILTER) {
                    collectExcluded(clause.query(), excluded);
                }
            }
        }
    }

    /** The nearest-neighbour half of a hybrid search: a vector, how close a post must be, words it must not have. */
    private record Meaning(float[] vector, float floor, List<Query> excluded) {
    }

    /**
     * Ideas in a Jam that say much of what {@code draft} says, best first: the draft's words, analysed in its
     * language, as one BM25 query in which the rarer words weigh more; at least two of them must match (when the
     * draft has two), so that one common word does not make two ideas "similar".
     */
    public List<SearchHit> similarIdeas(String draft, Language language, long jamId, int limit) {
        return similarIdeas(draft, language, null, jamId, limit);
    }

    /**
     * Ideas in a Jam like the draft, by its words (as above) and, given the draft's sentence vector {@code meaning},
     * by meaning too: the ideas nearest to it (at least {@link #SIMILAR_MEANING_FLOOR}), the two lists fused by
     * reciprocal rank, so that a duplicate worded differently is suggested.
     */
    public List<SearchHit> similarIdeas(String draft, Language language, float[] meaning, long jamId, int limit) {
        var terms = terms(draft, language);
        if (terms.isEmpty() && meaning == null) {
            return List.of();
        }
        Query like = null;
        if (!terms.isEmpty()) {
            var builder = new BooleanQuery.Builder().setMinimumNumberShouldMatch(Math.min(2, terms.size()));
            String field = PostDocuments.textField(language);
            terms.forEach(term -> builder.add(new TermQuery(new Term(field, term)), Occur.SHOULD));
            like = builder.build();
        }
        var filters = List.<Query>of(LongField.newExactQuery(PostDocuments.JAM, jamId),
                new TermQuery(new Term(PostDocuments.KIND, PostDocuments.IDEA)));
        return find(like, false, meaning == null ? null : new Meaning(meaning, SIMILAR_MEANING_FLOOR, List.of()),
                filters, RELEVANCE, 0, limit, false).hits();
    }

    /** Two ideas and the cosine of their sentence vectors. */
    public record SimilarPair(long first, long second, float similarity) {
    }

    /**
     * The pairs of ideas of a Jam whose sentence vectors are at least {@code atLeast} alike, most alike first, at most
     * {@code max}; {@code first} is the older idea (the lower id). Every pair is compared (n² / 2 dot products of
     * vectors read from the index): exact, and a Jam's ideas number thousands, not millions.
     */
    public List<SimilarPair> similarIdeaPairs(long jamId, float atLeast, int max) {
        return withSearcher(searcher -> {
            var query = new BooleanQuery.Builder()
                    .add(LongField.newExactQuery(PostDocuments.JAM, jamId), Occur.FILTER)
                    .add(new TermQuery(new Term(PostDocuments.KIND, PostDocuments.IDEA)), Occur.FILTER)
                    .add(new org.apache.lucene.search.FieldExistsQuery(PostDocuments.VECTOR), Occur.FILTER).build();
            var weight = searcher.createWeight(searcher.rewrite(query),
                    org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES, 1);
            var ids = new ArrayList<Long>();
            var vectors = new ArrayList<float[]>();
            for (var leaf : searcher.getIndexReader().leaves()) {
                var scorer = weight.scorer(leaf);
                var values = leaf.reader().getFloatVectorValues(PostDocuments.VECTOR);
                if (scorer == null || values == null) {
                    continue;
                }
                var stored = leaf.reader().storedFields();
                var live = leaf.reader().getLiveDocs(); // a scorer also visits replaced and removed documents
                var vectorDocs = values.iterator();
                var docs = scorer.iterator();
                for (int doc = docs.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
                     doc = docs.nextDoc()) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    if (vectorDocs.docID() < doc) {
                        vectorDocs.advance(doc);
                    }
                    if (vectorDocs.docID() == doc) {
                        ids.add(stored.document(doc).getField(PostDocuments.ID).numericValue().longValue());
                        vectors.add(values.vectorValue(vectorDocs.index()).clone());
                    }
                }
            }
            var pairs = new ArrayList<SimilarPair>();
            for (int a = 0; a < ids.size(); a++) {
                for (int b = a + 1; b < ids.size(); b++) {
                    float similarity = dot(vectors.get(a), vectors.get(b));
                    if (similarity >= atLeast) {
                        long x = ids.get(a);
                        long y = ids.get(b);
                        pairs.add(new SimilarPair(Math.min(x, y), Math.max(x, y), similarity));
                    }
                }
            }
            pairs.sort(java.util.Comparator.comparingDouble((SimilarPair pair) -> -pair.similarity())
                    .thenComparingLong(SimilarPair::first).thenComparingLong(SimilarPair::second));
            return pairs.size() > max ? List.copyOf(pairs.subList(0, max)) : pairs;
        });
    }

    /** Ids of posts in the index that have no sentence vector, in these languages (those the encoder covers). */
    public List<Long> withoutVector(java.util.function.Predicate<Language> covered) {
        return withSearcher(searcher -> {
            var query = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST)
                    .add(new org.apache.lucene.search.FieldExistsQuery(PostDocuments.VECTOR), Occur.MUST_NOT).build();
            var ids = new ArrayList<Long>();
            var weight = searcher.createWeight(searcher.rewrite(query),
                    org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES, 1);
            for (var leaf : searcher.getIndexReader().leaves()) {
                var scorer = weight.scorer(leaf);
                if (scorer == null) {
                    continue;
                }
                var stored = leaf.reader().storedFields();
                var live = leaf.reader().getLiveDocs();
                var docs = scorer.iterator();
                for (int doc = docs.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
                     doc = docs.nextDoc()) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    var document = stored.document(doc, java.util.Set.of(PostDocuments.ID, PostDocuments.LANGUAGE));
                    if (covered.test(language(document.get(PostDocuments.LANGUAGE)))) {
                        ids.add(document.getField(PostDocuments.ID).numericValue().longValue());
                    }
                }
            }
            return ids;
        });
    }

    private static Language language(String code) {
        for (Language language : Language.values()) {
            if (language.code().equals(code)) {
                return language;
            }
        }
        return null;
    }

    private static float dot(float[] a, float[] b) {
        float sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
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
     * once, for finding and highlighting alike; a search out of time is not highlighted. {@code words} null finds
     * every post when {@code everything}, else nothing by words. With {@code meaning}, the posts nearest to its vector
     * are found too, under the same filters, and the two lists are fused by reciprocal rank ({@link #FUSION_K}).
     */
    private SearchHits find(Query words, boolean everything, Meaning meaning, List<Query> filters, Sort sort,
                            int offset, int limit, boolean bounded) {
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
            ScoreDoc[] ranked;
            long total;
            int depth = meaning == null ? Math.max(1, offset + limit) : Math.max(LEG_DEPTH, offset + limit);
            try {
                highlight = words == null ? null : running.rewrite(words);
                TopDocs top = new TopDocs(new org.apache.lucene.search.TotalHits(0,
                        org.apache.lucene.search.TotalHits.Relation.EQUAL_TO), new ScoreDoc[0]);
                if (highlight != null || everything) {
                    var all = new BooleanQuery.Builder().add(highlight == null ? new MatchAllDocsQuery() : highlight,
                            Occur.MUST);
                    filters.forEach(filter -> all.add(filter, Occur.FILTER));
                    // Exact totals in the same pass: every match is visited for the score sort anyway.
                    top = running.search(all.build(),
                            new TopFieldCollectorManager(sort, depth, null, Integer.MAX_VALUE));
                }
                ranked = top.scoreDocs;
                total = top.totalHits.value();
                if (meaning != null) {
                    var near = nearest(running, meaning, filters, depth);
                    ranked = fuse(top.scoreDocs, near);
                    total += ranked.length - top.scoreDocs.length; // about: found by meaning only
                }
            } catch (ExitableDirectoryReader.ExitingReaderException outOfTime) {
                return new SearchHits(0, List.of(), true);
            }
            boolean stopped = running.timedOut() || timeout != null && timeout.shouldExit();
            if (stopped) {
                highlight = null;
            }
            if (offset >= ranked.length) {
                return new SearchHits(total, List.of(), stopped);
            }
            ScoreDoc[] page = java.util.Arrays.copyOfRange(ranked, offset, Math.min(ranked.length, offset + limit));
            var pageDocs = new TopDocs(new org.apache.lucene.search.TotalHits(total,
                    org.apache.lucene.search.TotalHits.Relation.EQUAL_TO), page);
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

    /**
     * The posts nearest to the vector that pass the filters (the same as the words', Jam visibility first) and
     * contain no excluded word, at least as close as the floor, nearest first.
     */
    private static ScoreDoc[] nearest(IndexSearcher searcher, Meaning meaning, List<Query> filters, int depth)
            throws IOException {
        var filter = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST);
        filters.forEach(query -> filter.add(query, Occur.FILTER));
        meaning.excluded().forEach(query -> filter.add(query, Occur.MUST_NOT));
        var near = searcher.search(new org.apache.lucene.search.KnnFloatVectorQuery(PostDocuments.VECTOR,
                meaning.vector(), depth, filter.build()), depth).scoreDocs;
        float floor = (1 + meaning.floor()) / 2; // Lucene scores a dot product d as (1 + d) / 2
        return java.util.Arrays.stream(near).filter(doc -> doc.score >= floor).toArray(ScoreDoc[]::new);
    }

    /** Reciprocal rank fusion of two ranked lists: each post scores the sum of 1 / (k + rank) over the lists. */
    static ScoreDoc[] fuse(ScoreDoc[] byWords, ScoreDoc[] byMeaning) {
        var fused = new java.util.LinkedHashMap<Integer, Float>();
        for (int rank = 0; rank < byWords.length; rank++) {
            fused.merge(byWords[rank].doc, 1f / (FUSION_K + rank + 1), Float::sum);
        }
        for (int rank = 0; rank < byMeaning.length; rank++) {
            fused.merge(byMeaning[rank].doc, 1f / (FUSION_K + rank + 1), Float::sum);
        }
        return fused.entrySet().stream().map(entry -> new ScoreDoc(entry.getKey(), entry.getValue()))
                .sorted((a, b) -> Float.compare(b.score, a.score)) // stable: ties keep the words' order
                .toArray(ScoreDoc[]::new);
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
