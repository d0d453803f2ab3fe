package org.carrel.search;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;

/**
 * The keyword field {@link IndexFields#TEXT}: every searched word of a record once, with a frequency that weighs
 * where it occurs (a title word counts 4 times, an author's 2.5, a subject's or series' 1.5, the call number's and
 * the Spanish-stemmed text's 1, the summary's 0.6, the notes' 0.4). Scored with BM25 on these weighted frequencies
 * (BM25F), a keyword search reads one list of documents per word instead of one per field, which lets Lucene skip
 * the documents that cannot make the page; frequencies are stored ten times larger and {@code k1} is ten times larger
 * to match, so the weights may have a decimal.
 *
 * <p>Spanish-stemmed words are kept apart by a prefix that no analyzer produces, so a Spanish stem matches only a
 * Spanish stem.
 */
final class WeightedText {

    /** Field weights, times {@link #SCALE}. */
    static final Map<String, Integer> WEIGHTS = Map.of(IndexFields.TITLE, 40, IndexFields.AUTHOR, 25,
            IndexFields.SUBJECT, 15, IndexFields.SERIES, 15, IndexFields.CALL_NUMBER_TEXT, 10, IndexFields.SPANISH, 10,
            IndexFields.SUMMARY, 6, IndexFields.NOTES, 4);
    static final int SCALE = 10;
    private static final String SPANISH_PREFIX = "es ";

    /** BM25's defaults, with {@code k1} scaled as the frequencies are. */
    static final Similarity SIMILARITY = new PerFieldSimilarityWrapper() {
        private final Similarity text = new BM25Similarity(1.2f * SCALE, 0.75f);
        private final Similarity others = new BM25Similarity();

        @Override
        public Similarity get(String field) {
            return IndexFields.TEXT.equals(field) ? text : others;
        }
    };

    private static final FieldType TYPE = type();

    private static FieldType type() {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.freeze();
        return type;
    }

    private WeightedText() {
    }

    /** The term of {@code word} (already analyzed) in the field: as it is, or prefixed when Spanish-stemmed. */
    static String term(String word, boolean spanish) {
        return spanish ? SPANISH_PREFIX + word : word;
    }

    /** Collects the words of a record's fields and their weights. */
    static final class Builder {
        private final Map<String, Integer> frequencies = new LinkedHashMap<>();

        /** Adds {@code words}, the field {@code field}'s terms of one of its values. */
        Builder add(String field, List<String> words) {
            boolean spanish = field.equals(IndexFields.SPANISH);
            int weight = WEIGHTS.get(field);
            for (String word : words) {
                frequencies.merge(term(word, spanish), weight, Integer::sum);
            }
            return this;
        }

        /** The field, or null when no word was added. */
        Field field() {
            return frequencies.isEmpty() ? null : new Field(IndexFields.TEXT, new Terms(frequencies), TYPE);
        }
    }

    /** Each term once, with its weighted frequency. */
    private static final class Terms extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final TermFrequencyAttribute frequency = addAttribute(TermFrequencyAttribute.class);
        private final List<Map.Entry<String, Integer>> entries;
        private Iterator<Map.Entry<String, Integer>> next;

        Terms(Map<String, Integer> frequencies) {
            this.entries = List.copyOf(frequencies.entrySet());
        }

        @Override
        public void reset() {
            next = entries.iterator();
        }

        @Override
        public boolean incrementToken() {
            if (next == null || !next.hasNext()) {
                return false;
            }
            clearAttributes();
            Map.Entry<String, Integer> entry = next.next();
            term.setEmpty().append(entry.getKey());
            frequency.setTermFrequency(entry.getValue());
            return true;
        }
    }
}
