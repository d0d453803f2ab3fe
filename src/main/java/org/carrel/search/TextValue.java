package org.carrel.search;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;

/**
 * A text of a record analyzed once, for every field that indexes it: its {@link Analyzers#PLAIN} words (spelling,
 * exact keys) and their {@link Analyzers#ENGLISH} stems (the searched fields, the weighted keyword field, the title's
 * word pairs). Indexing the stems gives the same terms and positions as indexing the text with ENGLISH.
 */
final class TextValue {

    static final TextValue NONE = new TextValue(List.of(), List.of());

    /** Words with positions, as {@link TextField} indexes them. */
    static final FieldType SEARCHED = TextField.TYPE_NOT_STORED;
    /** Words with frequencies and no positions: the title's word pairs. */
    static final FieldType COUNTED = type(IndexOptions.DOCS_AND_FREQS);
    /** Words only, for the records that hold them: the spelling dictionary. */
    static final FieldType LISTED = type(IndexOptions.DOCS);

    private final List<String> plain;
    private final List<String> stems;

    private TextValue(List<String> plain, List<String> stems) {
        this.plain = plain;
        this.stems = stems;
    }

    private static FieldType type(IndexOptions options) {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(options);
        type.setOmitNorms(options == IndexOptions.DOCS);
        type.freeze();
        return type;
    }

    static TextValue of(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        List<String> plain = Analyzers.words(Analyzers.PLAIN, text);
        List<String> stems = new ArrayList<>(plain.size());
        plain.forEach(word -> stems.add(Analyzers.stem(word)));
        return new TextValue(plain, stems);
    }

    /** This text followed by {@code next}, as the two joined by a space would analyze. */
    TextValue then(TextValue next) {
        if (next.plain.isEmpty()) {
            return this;
        }
        if (plain.isEmpty()) {
            return next;
        }
        return new TextValue(concat(plain, next.plain), concat(stems, next.stems));
    }

    boolean isEmpty() {
        return plain.isEmpty();
    }

    List<String> plain() {
        return plain;
    }

    List<String> stems() {
        return stems;
    }

    /** Each two neighbouring stems as one term, separated by a space ("fox day"). */
    List<String> pairs() {
        List<String> pairs = new ArrayList<>(Math.max(0, stems.size() - 1));
        for (int i = 1; i < stems.size(); i++) {
            pairs.add(stems.get(i - 1) + " " + stems.get(i));
        }
        return pairs;
    }

    /** The field {@code name} of {@code type} holding {@code words}, in order, one position apart. */
    static Field field(String name, List<String> words, FieldType type) {
        return new Field(name, new Words(words), type);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> both = new ArrayList<>(first.size() + second.size());
        both.addAll(first);
        both.addAll(second);
        return both;
    }

    /** Words already analyzed, one token each. */
    private static final class Words extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final List<String> words;
        private Iterator<String> next;

        Words(List<String> words) {
            this.words = words;
        }

        @Override
        public void reset() {
            next = words.iterator();
        }

        @Override
        public boolean incrementToken() {
            if (next == null || !next.hasNext()) {
                return false;
            }
            clearAttributes();
            term.setEmpty().append(next.next());
            return true;
        }
    }
}
