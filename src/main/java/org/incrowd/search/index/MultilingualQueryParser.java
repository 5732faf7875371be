package org.incrowd.search.index;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;

/**
 * Lucene's forgiving simple syntax (never a syntax error: {@code "phrase"}, {@code -word}, {@code prefix*},
 * {@code word~1}) over the text field of every language, all words required. A word that one language drops as a stop
 * word ("the", "die") must not exclude that language's posts: there it is satisfied by any post in the language, at
 * no score, instead of being demanded in the other languages only.
 * <p>
 * Prefixes and fuzzy words are matched against the words as written ({@link PostDocuments#WORDS}), once, not against
 * each language's stems. What a search may cost is bounded here, where its parts are known: at most
 * {@link #MAX_WORDS} words, of which at most {@link #MAX_PATTERNS} expand into other words, each fuzzy word by one
 * or two edits that keep its first letter, into at most {@link #MAX_EXPANSIONS} words of the index.
 */
final class MultilingualQueryParser extends SimpleQueryParser {

    static final int MAX_WORDS = 32;
    static final int MAX_PATTERNS = 4;
    static final int MAX_EXPANSIONS = 20;
    /** Letters a fuzzy word keeps: misspellings rarely start wrong, and the index is scanned from there only. */
    private static final int FUZZY_KEEPS_LETTERS = 1;

    private final String[] fields;
    private int words;
    private int patterns;

    MultilingualQueryParser(Analyzer analyzer) {
        super(analyzer, weights());
        this.fields = PostDocuments.textFields();
        setDefaultOperator(BooleanClause.Occur.MUST);
    }

    private static Map<String, Float> weights() {
        var weights = new LinkedHashMap<String, Float>();
        for (String field : PostDocuments.textFields()) {
            weights.put(field, 1f);
        }
        return weights;
    }

    @Override
    protected Query newDefaultQuery(String text) {
        countWord(false);
        var perLanguage = new BooleanQuery.Builder();
        boolean anyTerm = false;
        for (String field : fields) {
            Query query = createBooleanQuery(field, text, getDefaultOperator());
            if (query != null) {
                perLanguage.add(query, BooleanClause.Occur.SHOULD);
                anyTerm = true;
            } else {
                perLanguage.add(new BoostQuery(new FieldExistsQuery(field), 0f), BooleanClause.Occur.SHOULD);
            }
        }
        return anyTerm ? perLanguage.build() : null;
    }

    @Override
    protected Query newPhraseQuery(String text, int slop) {
        countWord(false);
        return super.newPhraseQuery(text, slop);
    }

    @Override
    protected Query newPrefixQuery(String text) {
        countWord(true);
        return new PrefixQuery(new Term(PostDocuments.WORDS, asWritten(text)));
    }

    @Override
    protected Query newFuzzyQuery(String text, int fuzziness) {
        countWord(true);
        return new FuzzyQuery(new Term(PostDocuments.WORDS, asWritten(text)), Math.clamp(fuzziness, 0, 2),
                FUZZY_KEEPS_LETTERS, MAX_EXPANSIONS, true);
    }

    private String asWritten(String text) {
        return getAnalyzer().normalize(PostDocuments.WORDS, text).utf8ToString();
    }

    private void countWord(boolean pattern) {
        if (++words > MAX_WORDS) {
            throw new QueryTooCostly(QueryTooCostly.Reason.WORDS, MAX_WORDS);
        }
        if (pattern && ++patterns > MAX_PATTERNS) {
            throw new QueryTooCostly(QueryTooCostly.Reason.PATTERNS, MAX_PATTERNS);
        }
    }
}
