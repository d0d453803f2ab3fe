package org.carrel.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.util.QueryBuilder;
import org.carrel.catalog.Copies;
import org.carrel.catalog.marc.CallNumbers;
import org.carrel.catalog.marc.Isbn;

/**
 * Lucene queries from a {@link UserQuery}: each part must match, a keyword word in the weighted keyword field and a
 * phrase or prefix in one of the searched fields (the best field counts), and a few optional clauses put the exact
 * title, the exact author and the title phrase first. Filters never change the ranking.
 */
final class QueryFactory {

    /** The fields a keyword phrase or prefix is looked for in, weighted as in the keyword field. */
    private static final Map<String, Float> KEYWORD_FIELDS = WeightedText.WEIGHTS.entrySet().stream().collect(
            Collectors.toUnmodifiableMap(Map.Entry::getKey, field -> field.getValue() / (float) WeightedText.SCALE));
    /** A keyword's weight, so that a word of a title weighs about as much as in a title search. */
    private static final float KEYWORD_BOOST = 4f;
    private static final float EXACT_TITLE_BOOST = 20f;
    private static final float EXACT_AUTHOR_BOOST = 12f;
    private static final float TITLE_PHRASE_BOOST = 4f;

    private QueryFactory() {
    }

    /**
     * A search's query: what must match ({@code core}, which also counts the hits) and the same with the boosts that
     * rank (exact title, exact author, title phrase; popularity is added by {@link PopularTopDocs}). {@code phrases}
     * when matching reads word positions, because a phrase must match.
     */
    record Ranking(Query core, Query full, boolean phrases) {
    }

    /** The request's query in its parts, or null when nothing was asked for. */
    static Ranking ranking(UserQuery user, SearchField field, boolean staff) {
        if (field == SearchField.ISBN) {
            Query isbn = isbn(user.positiveText());
            return isbn == null ? null : new Ranking(isbn, isbn, false);
        }
        if (field == SearchField.CALL_NUMBER) {
            String key = CallNumbers.sortKey(user.positiveText());
            Query browse = key.isEmpty() ? null
                    : TermRangeQuery.newStringRange(IndexFields.CALL_NUMBER_SORT, key, null, true, true);
            return browse == null ? null : new Ranking(browse, browse, false);
        }
        Map<String, Float> fields = fields(field);
        BooleanQuery.Builder core = new BooleanQuery.Builder();
        BooleanQuery.Builder alternatives = null;
        boolean any = false;
        for (UserQuery.Clause clause : user.clauses()) {
            Query part = clause(clause, fields, staff && field == SearchField.KEYWORD, field == SearchField.KEYWORD);
            if (part == null) {
                continue;
            }
            if (clause.excluded()) {
                core.add(part, Occur.MUST_NOT);
                continue;
            }
            if (alternatives != null || clause.orWithNext()) {
                alternatives = alternatives == null ? new BooleanQuery.Builder() : alternatives;
                alternatives.add(part, Occur.SHOULD);
                if (!clause.orWithNext()) {
                    core.add(alternatives.build(), Occur.MUST);
                    alternatives = null;
                }
            } else {
                core.add(part, Occur.MUST);
            }
            any = true;
        }
        if (alternatives != null) {
            core.add(alternatives.build(), Occur.MUST);
        }
        if (!any) {
            return null;
        }
        Query matching = core.build();
        BooleanQuery.Builder ranked = new BooleanQuery.Builder().add(matching, Occur.MUST);
        String whole = Analyzers.exact(user.positiveText());
        if (!whole.isEmpty() && (field == SearchField.KEYWORD || field == SearchField.TITLE)) {
            ranked.add(new BoostQuery(new TermQuery(new Term(IndexFields.TITLE_EXACT, whole)), EXACT_TITLE_BOOST),
                    Occur.SHOULD);
            Query phrase = titlePairs(user.positiveText());
            if (phrase != null) {
                ranked.add(new BoostQuery(phrase, TITLE_PHRASE_BOOST), Occur.SHOULD);
            }
        }
        if (!whole.isEmpty() && (field == SearchField.KEYWORD || field == SearchField.AUTHOR)) {
            ranked.add(new BoostQuery(new TermQuery(new Term(IndexFields.AUTHOR_EXACT, whole)), EXACT_AUTHOR_BOOST),
                    Occur.SHOULD);
        }
        boolean phrases = user.clauses().stream().anyMatch(clause -> clause.phrase() && !clause.excluded());
        return new Ranking(matching, ranked.build(), phrases);
    }

    /**
     * The words as a title phrase: each two neighbouring words must be neighbours in the title. Read from the
     * title's word pairs, which needs no positions; null for fewer than two words.
     */
    private static Query titlePairs(String text) {
        List<String> words = Analyzers.words(Analyzers.ENGLISH, text);
        if (words.size() < 2) {
            return null;
        }
        List<Query> pairs = new ArrayList<>();
        for (int i = 1; i < words.size(); i++) {
            pairs.add(new TermQuery(new Term(IndexFields.TITLE_PAIRS, words.get(i - 1) + " " + words.get(i))));
        }
        if (pairs.size() == 1) {
            return pairs.get(0);
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        pairs.forEach(pair -> all.add(pair, Occur.MUST));
        return all.build();
    }

    private static Map<String, Float> fields(SearchField field) {
        return switch (field) {
            case TITLE -> Map.of(IndexFields.TITLE, 1f);
            case AUTHOR -> Map.of(IndexFields.AUTHOR, 1f);
            case SUBJECT -> Map.of(IndexFields.SUBJECT, 1f);
            case SERIES -> Map.of(IndexFields.SERIES, 1f);
            default -> KEYWORD_FIELDS;
        };
    }

    /**
     * One word, prefix or phrase matched in any of {@code fields}; null when it has no searchable word. A keyword
     * search reads a word in the weighted keyword field, and a phrase or prefix in each field.
     */
    private static Query clause(UserQuery.Clause clause, Map<String, Float> fields, boolean staff, boolean keyword) {
        List<Query> parts = new ArrayList<>();
        if (keyword && !clause.phrase() && !clause.prefix()) {
            for (boolean spanish : new boolean[] {false, true}) {
                Query words = weighted(clause.text(), spanish);
                if (words != null) {
                    parts.add(new BoostQuery(words, KEYWORD_BOOST));
                }
            }
        } else {
            for (Map.Entry<String, Float> field : fields.entrySet()) {
                Query query = text(field.getKey(), clause);
                if (query != null) {
                    parts.add(field.getValue() == 1f ? query : new BoostQuery(query, field.getValue()));
                }
            }
        }
        if (keyword && !clause.phrase()) {
            Query isbn = isbn(clause.text());
            if (isbn != null) {
                parts.add(new BoostQuery(isbn, 10f));
            }
        }
        if (staff && !clause.phrase()) {
            String barcode = Copies.normaliseBarcode(clause.text());
            if (!barcode.isEmpty()) {
                parts.add(new BoostQuery(new TermQuery(new Term(IndexFields.BARCODE, barcode)), 10f));
            }
            Query notes = text(IndexFields.ITEM_NOTES, clause);
            if (notes != null) {
                parts.add(new BoostQuery(notes, 0.5f));
            }
        }
        return parts.isEmpty() ? null : new DisjunctionMaxQuery(parts, 0.1f);
    }

    /** All the words of {@code text} in the weighted keyword field, English- or Spanish-stemmed; null for none. */
    private static Query weighted(String text, boolean spanish) {
        List<String> words = Analyzers.words(spanish ? Analyzers.SPANISH : Analyzers.ENGLISH, text);
        if (words.size() == 1) {
            return new TermQuery(new Term(IndexFields.TEXT, WeightedText.term(words.get(0), spanish)));
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        words.forEach(word -> all.add(new TermQuery(new Term(IndexFields.TEXT, WeightedText.term(word, spanish))),
                Occur.MUST));
        return words.isEmpty() ? null : all.build();
    }

    private static Query text(String field, UserQuery.Clause clause) {
        Analyzer analyzer = field.equals(IndexFields.SPANISH) ? Analyzers.SPANISH : Analyzers.ENGLISH;
        if (clause.prefix()) {
            List<String> words = Analyzers.words(Analyzers.PLAIN, clause.text());
            return words.size() == 1 && words.get(0).length() >= UserQuery.MIN_PREFIX
                    ? new PrefixQuery(new Term(field, words.get(0))) : null;
        }
        QueryBuilder builder = new QueryBuilder(analyzer);
        return clause.phrase() ? builder.createPhraseQuery(field, clause.text())
                : builder.createBooleanQuery(field, clause.text(), Occur.MUST);
    }

    /** Both forms of an ISBN, or null when the text is none. */
    static Query isbn(String text) {
        return Isbn.parse(text.replace("\"", "")).map(isbn -> {
            BooleanQuery.Builder forms = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(IndexFields.ISBN, isbn.isbn13())), Occur.SHOULD);
            isbn.isbn10().ifPresent(ten -> forms.add(new TermQuery(new Term(IndexFields.ISBN, ten)), Occur.SHOULD));
            return (Query) forms.build();
        }).orElse(null);
    }

    /** The request's filters as non-scoring clauses added to {@code query} (all records when it is null). */
    static Query filtered(Query query, SearchFilters filters) {
        BooleanQuery.Builder all = new BooleanQuery.Builder().add(query == null ? new MatchAllDocsQuery() : query,
                query == null ? Occur.FILTER : Occur.MUST);
        facet(all, Facets.SCHOOL, filters.schools());
        if (filters.availableAt() != null && !filters.availableAt().isBlank()) {
            facet(all, Facets.AVAILABLE, Set.of(filters.availableAt()));
        }
        facet(all, Facets.FORMAT, filters.formats());
        facet(all, Facets.GRADE_BAND, filters.gradeBands());
        facet(all, Facets.SUBJECT, filters.subjects());
        facet(all, Facets.LANGUAGE, filters.languages());
        facet(all, Facets.DEWEY, filters.deweyClasses());
        range(all, IndexFields.LEXILE, filters.lexileMin(), filters.lexileMax());
        range(all, IndexFields.GUIDED, ReadingBands.guided(filters.guidedFrom()), ReadingBands.guided(filters.guidedTo()));
        range(all, IndexFields.YEAR, filters.yearFrom(), filters.yearTo());
        return all.build();
    }

    private static void facet(BooleanQuery.Builder all, String dim, Set<String> values) {
        if (values.isEmpty()) {
            return;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String value : values) {
            Term term = DrillDownQuery.term(RecordDocuments.FACETS.getDimConfig(dim).indexFieldName, dim, value);
            any.add(new IndexOrDocValuesQuery(new TermQuery(term),
                    SortedSetDocValuesField.newSlowExactQuery(term.field(), term.bytes())), Occur.SHOULD);
        }
        all.add(any.build(), Occur.FILTER);
    }

    private static void range(BooleanQuery.Builder all, String field, Integer from, Integer to) {
        if (from != null || to != null) {
            all.add(IntPoint.newRangeQuery(field, from == null ? Integer.MIN_VALUE : from,
                    to == null ? Integer.MAX_VALUE : to), Occur.FILTER);
        }
    }
}
