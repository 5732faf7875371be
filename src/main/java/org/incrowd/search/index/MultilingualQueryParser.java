package org.incrowd.search.index;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.Query;

/**
 * Lucene's forgiving simple syntax (never a syntax error: {@code "phrase"}, {@code -word}, {@code prefix*}) over the
 * text field of every language, all words required. A word that one language drops as a stop word ("the", "die")
 * must not exclude that language's posts: there it is satisfied by any post in the language, at no score, instead of
 * being demanded in the other languages only.
 */
final class MultilingualQueryParser extends SimpleQueryParser {

    private final String[] fields;

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
}
