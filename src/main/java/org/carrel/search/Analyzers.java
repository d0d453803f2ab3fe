package org.carrel.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * How catalogue text becomes searchable words. Every analyzer lower-cases and folds diacritics to ASCII, so a child
 * typing {@code sueno} finds {@code sueño}. Most text fields are stemmed for English ({@code dinosaurs} finds
 * {@code dinosaur}); Spanish-language records also get a field stemmed for Spanish; the spelling and exact-match
 * fields are not stemmed.
 */
final class Analyzers {

    /** Lower-cased, folded, English-stemmed. */
    static final Analyzer ENGLISH = analyzer(Stemming.ENGLISH);
    /** Lower-cased, folded, Spanish-stemmed. */
    static final Analyzer SPANISH = analyzer(Stemming.SPANISH);
    /** Lower-cased and folded only. */
    static final Analyzer PLAIN = analyzer(Stemming.NONE);

    /**
     * The steps of {@link #ENGLISH} after {@link #PLAIN}'s, on one word that PLAIN made: {@code stem} of each PLAIN
     * word gives the ENGLISH words of the same text (both steps work a word at a time).
     */
    private static final Analyzer STEM = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            KeywordTokenizer source = new KeywordTokenizer();
            return new TokenStreamComponents(source, new PorterStemFilter(new EnglishPossessiveFilter(source)));
        }
    };
    /**
     * Stems already worked out (a few megabytes at most). A catalogue's common words are far fewer; when the map is
     * full it starts afresh.
     */
    private static final Map<String, String> STEMS = new ConcurrentHashMap<>();
    private static final int STEMS_KEPT = 50_000;

    /** Leading articles dropped from exact keys, English and Spanish. */
    private static final Set<String> ARTICLES = Set.of("the", "a", "an", "el", "la", "los", "las", "un", "una");

    private enum Stemming { ENGLISH, SPANISH, NONE }

    private Analyzers() {
    }

    private static Analyzer analyzer(Stemming stemming) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                source.setMaxTokenLength(64);
                TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(source));
                stream = switch (stemming) {
                    case ENGLISH -> new PorterStemFilter(new EnglishPossessiveFilter(stream));
                    case SPANISH -> new SpanishLightStemFilter(stream);
                    case NONE -> stream;
                };
                return new TokenStreamComponents(source, stream);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    /** The words of {@code text} as {@code analyzer} makes them. */
    static List<String> words(Analyzer analyzer, String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    /** {@code word}, one of {@link #PLAIN}'s, as {@link #ENGLISH} makes it. */
    static String stem(String word) {
        String stem = STEMS.get(word);
        if (stem == null) {
            List<String> stems = words(STEM, word);
            stem = stems.size() == 1 && !stems.get(0).equals(word) ? stems.get(0) : word;
            if (STEMS.size() >= STEMS_KEPT) {
                STEMS.clear();
            }
            STEMS.put(word, stem);
        }
        return stem;
    }

    /**
     * A title or name reduced to compare whole values: plain words joined by single spaces, a leading article
     * dropped ("The Giver" and "giver" are the same title).
     */
    static String exact(String text) {
        return exact(words(PLAIN, text == null ? "" : text));
    }

    /** {@link #exact(String)} of a text whose {@link #PLAIN} words are {@code words}. */
    static String exact(List<String> words) {
        if (words.size() > 1 && ARTICLES.contains(words.get(0))) {
            words = words.subList(1, words.size());
        }
        return String.join(" ", words);
    }
}
