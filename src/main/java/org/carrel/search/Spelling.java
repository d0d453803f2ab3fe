package org.carrel.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * "Did you mean": each word of the query that no title, author, subject or series contains is replaced by the
 * closest word that one does (at most two edits away). When the query found nothing, words that do occur are also
 * replaced by a clearly more common neighbour, which catches a misspelling that happens to be a rare real word.
 */
final class Spelling {

    private static final int MIN_LENGTH = 3;

    private Spelling() {
    }

    /** The corrected query, or null when every word looks right. */
    static String correct(IndexReader reader, UserQuery query, boolean foundNothing) throws IOException {
        DirectSpellChecker checker = new DirectSpellChecker();
        checker.setMinQueryLength(MIN_LENGTH);
        boolean changed = false;
        List<String> parts = new ArrayList<>();
        for (UserQuery.Clause clause : query.clauses()) {
            if (clause.excluded()) {
                continue;
            }
            List<String> words = new ArrayList<>();
            for (String word : Analyzers.words(Analyzers.PLAIN, clause.text())) {
                String better = clause.prefix() ? null : better(checker, reader, word, foundNothing);
                changed |= better != null;
                words.add(better == null ? word : better);
            }
            String text = String.join(" ", words);
            parts.add(clause.phrase() ? '"' + text + '"' : text + (clause.prefix() ? "*" : ""));
        }
        return changed ? String.join(" ", parts) : null;
    }

    private static String better(DirectSpellChecker checker, IndexReader reader, String word, boolean foundNothing)
            throws IOException {
        if (word.length() < MIN_LENGTH || word.chars().anyMatch(Character::isDigit)) {
            return null;
        }
        Term term = new Term(IndexFields.SPELL, word);
        boolean known = reader.docFreq(term) > 0;
        if (known && !foundNothing) {
            return null;
        }
        SuggestWord[] suggestions = checker.suggestSimilar(term, 1, reader,
                known ? SuggestMode.SUGGEST_MORE_POPULAR : SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
        return suggestions.length == 0 ? null : suggestions[0].string;
    }
}
