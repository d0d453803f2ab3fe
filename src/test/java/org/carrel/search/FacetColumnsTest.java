package org.carrel.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * The in-memory facet codes count every value, also of documents whose values do not all fit in their row: one
 * with more values than a row has slots, and values numbered beyond what a slot holds.
 */
class FacetColumnsTest {

    /** More subjects than a row of {@link FacetColumns#WIDTH} slots holds, with the group codes beside them. */
    private static final int MANY = 12;
    /** So many distinct subjects that the last ones are numbered beyond what a slot holds. */
    private static final int DISTINCT = 70_000;

    @Test
    void countsEveryValueAlsoOfDocumentsWithMoreThanARowHolds() throws IOException {
        Map<String, Integer> all = new HashMap<>();
        Map<String, Integer> even = new HashMap<>();
        try (Directory directory = new ByteBuffersDirectory();
             IndexWriter writer = new IndexWriter(directory,
                     new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
            for (int i = 0; i < DISTINCT; i++) {
                add(writer, i, new String[] {"s" + i}, all, even);
            }
            writer.commit();
            for (int i = 0; i < 50; i++) {
                String[] subjects = new String[1 + i % MANY];
                for (int s = 0; s < subjects.length; s++) {
                    subjects[s] = "many " + s;
                }
                add(writer, i, subjects, all, even);
            }
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                assertThat(reader.leaves()).hasSize(2);
                IndexSearcher searcher = new IndexSearcher(reader);
                FacetColumns.View view = new FacetColumns().view(reader);
                assertThat(view.codes().values().length).isGreaterThan(Character.MAX_VALUE);
                assertThat(all).hasSizeGreaterThan(DISTINCT);
                assertThat(mismatches(all, counts(searcher, view, new MatchAllDocsQuery()))).isEmpty();
                assertThat(mismatches(even, counts(searcher, view, new TermQuery(new Term("parity", "even")))))
                        .isEmpty();
            }
        }
    }

    private static void add(IndexWriter writer, int i, String[] subjects, Map<String, Integer> all,
                            Map<String, Integer> even) throws IOException {
        Document doc = new Document();
        String parity = i % 2 == 0 ? "even" : "odd";
        doc.add(new StringField("parity", parity, Field.Store.NO));
        Map<String, String> single = Map.of(Facets.FORMAT, i % 3 == 0 ? "DVD" : "BOOK", Facets.SCHOOL,
                Integer.toString(1 + i % 4), Facets.LANGUAGE, "eng", Facets.DECADE, Integer.toString(1950 + i % 7 * 10),
                Facets.DEWEY, Integer.toString(i % 10 * 100), Facets.GRADE_BAND, i % 2 == 0 ? "K_2" : "GRADES_3_5");
        single.forEach((dim, value) -> facet(doc, dim, value, parity, all, even));
        for (String subject : subjects) {
            facet(doc, Facets.SUBJECT, subject, parity, all, even);
        }
        writer.addDocument(RecordDocuments.FACETS.build(doc));
    }

    private static void facet(Document doc, String dim, String value, String parity, Map<String, Integer> all,
                              Map<String, Integer> even) {
        doc.add(new SortedSetDocValuesFacetField(dim, value));
        all.merge(dim + "/" + value, 1, Integer::sum);
        if (parity.equals("even")) {
            even.merge(dim + "/" + value, 1, Integer::sum);
        }
    }

    /** The values counted wrongly, each with what was expected and what was counted (a short failure message). */
    private static Map<String, String> mismatches(Map<String, Integer> expected, Map<String, Integer> counted) {
        Map<String, String> wrong = new TreeMap<>();
        Set<String> values = new HashSet<>(expected.keySet());
        values.addAll(counted.keySet());
        for (String value : values) {
            if (!Objects.equals(expected.get(value), counted.get(value))) {
                wrong.put(value, "expected " + expected.get(value) + ", counted " + counted.get(value));
            }
        }
        return wrong;
    }

    /** Every value with a hit, as dim/label to count. */
    private static Map<String, Integer> counts(IndexSearcher searcher, FacetColumns.View view, Query query)
            throws IOException {
        FacetColumns.Tally tally = searcher.search(query, new FacetColumns.Counting(view));
        Map<String, Integer> counts = new HashMap<>();
        for (int dim = 0; dim < Facets.ALL.size(); dim++) {
            for (int number : view.codes().byDim()[dim]) {
                if (tally.counts()[number] > 0) {
                    counts.put(Facets.ALL.get(dim) + "/" + view.codes().labels()[number], tally.counts()[number]);
                }
            }
        }
        return counts;
    }
}
