package org.incrowd.search.index;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.incrowd.text.Language;

/**
 * How a post becomes a Lucene document and back. The text goes into one field per language ({@code text_de}, ...),
 * each analysed by that language's analyzer (stemming, stop words, Chinese word segmentation), so a query is analysed
 * once per language and each post is matched in its own. Offsets are kept in the postings so that highlighting needs
 * no second analysis.
 */
final class PostDocuments {

    static final String KEY = "key";
    static final String ID = "id";
    static final String JAM = "jam";
    static final String FORUM = "forum";
    static final String THREAD = "thread";
    static final String KIND = "kind";
    static final String TITLE = "title";
    static final String LANGUAGE = "language";
    static final String TAG = "tag";
    static final String TYPE = "type";
    static final String COUNTRY = "country";
    static final String PHASE = "phase";
    static final String CREATED = "created";
    static final String IDEA = "idea";
    static final String REPLY = "reply";
    /**
     * Every word of the post as written (lower case, accents folded), not stemmed: what {@code prefix*} and
     * {@code word~1} are matched against, so that "urbaniz*" finds "urbanization" although English stemming indexes
     * it as "urban".
     */
    static final String WORDS = "words";
    /** The post's sentence vector, for nearest-neighbour search (HNSW); unit length, so the dot product is cosine. */
    static final String VECTOR = "vector";

    private static final FieldType TEXT = textType();
    private static final FieldType WORDS_TYPE = wordsType();
    private static final Map<Language, String> TEXT_FIELDS = new EnumMap<>(Language.class);

    static {
        for (Language language : Language.values()) {
            TEXT_FIELDS.put(language, "text_" + language.code());
        }
    }

    private PostDocuments() {
    }

    static String textField(Language language) {
        return TEXT_FIELDS.get(language);
    }

    static String[] textFields() {
        return TEXT_FIELDS.values().toArray(String[]::new);
    }

    /** Each language's analyzer for its text field; keyword fields are not analysed. */
    static Analyzer analyzer() {
        var perField = new java.util.HashMap<String, Analyzer>();
        TEXT_FIELDS.forEach((language, field) -> perField.put(field, language.newAnalyzer()));
        perField.put(WORDS, new WordsAnalyzer());
        return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), perField);
    }

    static Term key(long postId) {
        return new Term(KEY, Long.toString(postId));
    }

    /** Filter values are matched without regard to case. */
    static String normalise(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }

    static Document document(IndexedPost post) {
        var doc = new Document();
        doc.add(new StringField(KEY, Long.toString(post.id()), Field.Store.NO));
        doc.add(new LongField(ID, post.id(), Field.Store.YES));
        doc.add(new LongField(JAM, post.jamId(), Field.Store.YES));
        doc.add(new LongField(FORUM, post.forumId(), Field.Store.YES));
        doc.add(new StoredField(THREAD, post.threadId()));
        doc.add(new KeywordField(KIND, post.idea() ? IDEA : REPLY, Field.Store.YES));
        if (post.title() != null) {
            doc.add(new StoredField(TITLE, post.title()));
        }
        doc.add(new StoredField(LANGUAGE, post.language().code()));
        doc.add(new Field(textField(post.language()), post.text(), TEXT));
        doc.add(new Field(WORDS, post.text(), WORDS_TYPE));
        for (String tag : post.tags()) {
            doc.add(new KeywordField(TAG, normalise(tag), Field.Store.YES));
        }
        keyword(doc, TYPE, post.participantType());
        keyword(doc, COUNTRY, post.country());
        keyword(doc, PHASE, post.phase());
        doc.add(new LongField(CREATED, post.createdAt().toEpochMilli(), Field.Store.YES));
        if (post.vector() != null) {
            doc.add(new KnnFloatVectorField(VECTOR, post.vector(), VectorSimilarityFunction.DOT_PRODUCT));
        }
        return doc;
    }

    static SearchHit hit(Document doc, String snippetHtml) {
        return new SearchHit(doc.getField(ID).numericValue().longValue(), doc.getField(JAM).numericValue().longValue(),
                doc.getField(FORUM).numericValue().longValue(), doc.getField(THREAD).numericValue().longValue(),
                IDEA.equals(doc.get(KIND)), doc.get(TITLE), snippetHtml, Arrays.asList(doc.getValues(TAG)),
                doc.get(TYPE), doc.get(COUNTRY), doc.get(PHASE),
                Instant.ofEpochMilli(doc.getField(CREATED).numericValue().longValue()));
    }

    private static void keyword(Document doc, String field, String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new KeywordField(field, normalise(value), Field.Store.YES));
        }
    }

    private static FieldType wordsType() {
        var type = new FieldType();
        type.setTokenized(true);
        type.setIndexOptions(IndexOptions.DOCS);
        type.setOmitNorms(true);
        type.freeze();
        return type;
    }

    /** Words as written, in any language: lower case, accents folded, nothing dropped or stemmed. */
    private static final class WordsAnalyzer extends Analyzer {

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            var tokenizer = new StandardTokenizer();
            return new TokenStreamComponents(tokenizer, new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer)));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    }

    private static FieldType textType() {
        var type = new FieldType();
        type.setTokenized(true);
        type.setStored(true);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }
}
