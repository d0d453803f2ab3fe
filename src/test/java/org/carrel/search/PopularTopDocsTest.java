package org.carrel.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.junit.jupiter.api.Test;

/**
 * Ranking with popularity while letting Lucene skip gives exactly the page that scoring every match gives: same
 * records, same order, same scores, on random records spread over several segments sorted as the index is.
 */
class PopularTopDocsTest {

    private static final String[] WORDS = {"day", "night", "dog", "cat", "moon", "sun", "river", "secret", "lost",
            "house", "garden", "dragon", "school", "friend", "winter"};

    @Test
    void givesThePageThatScoringEveryMatchGives() throws IOException {
        Random random = new Random(11);
        try (Directory directory = new ByteBuffersDirectory()) {
            IndexWriterConfig config = new IndexWriterConfig(Analyzers.ENGLISH)
                    .setIndexSort(new Sort(new SortField(IndexFields.COPIES, SortField.Type.LONG, true)))
                    .setMergePolicy(NoMergePolicy.INSTANCE);
            try (IndexWriter writer = new IndexWriter(directory, config)) {
                for (int i = 0; i < 6000; i++) {
                    StringBuilder text = new StringBuilder();
                    for (int w = 1 + random.nextInt(12); w > 0; w--) {
                        text.append(WORDS[Math.min(WORDS.length - 1, (int) (random.nextGaussian() * 4 + 7) & 15)])
                                .append(' ');
                    }
                    Document doc = new Document();
                    doc.add(new TextField("t", text.toString(), Field.Store.NO));
                    // Most titles have a copy or two, a few have many.
                    long copies = (long) (Math.pow(random.nextDouble(), 6) * 40);
                    doc.add(new NumericDocValuesField(IndexFields.COPIES, copies));
                    writer.addDocument(doc);
                    if (i % 1000 == 999) {
                        writer.commit();
                    }
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                assertThat(reader.leaves()).hasSizeGreaterThan(4);
                IndexSearcher searcher = new IndexSearcher(reader);
                int compared = 0;
                for (int q = 0; q < 60; q++) {
                    Query query = query(random);
                    for (int wanted : new int[] {1, 7, 20, 100}) {
                        ScoreDoc[] skipping = searcher.search(query, new PopularTopDocs(wanted));
                        ScoreDoc[] everything = everyMatch(searcher, query, wanted);
                        assertThat(skipping).as(query + " top " + wanted).hasSameSizeAs(everything);
                        for (int i = 0; i < everything.length; i++) {
                            assertThat(skipping[i].doc).as(query + " top " + wanted + " #" + i)
                                    .isEqualTo(everything[i].doc);
                            assertThat(skipping[i].score).isEqualTo(everything[i].score);
                        }
                        compared += everything.length;
                    }
                }
                assertThat(compared).isGreaterThan(5000);
            }
        }
    }

    @Test
    void popularityGrowsWithCopiesAndStaysUnderItsWeight() {
        assertThat(PopularTopDocs.popularity(5)).isGreaterThan(PopularTopDocs.popularity(1));
        assertThat(PopularTopDocs.popularity(0)).isPositive();
        assertThat(PopularTopDocs.popularity(1_000_000)).isLessThanOrEqualTo(PopularTopDocs.WEIGHT);
    }

    /** One to three words, required or not, one maybe boosted, as the keyword queries are built. */
    private static Query query(Random random) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        int words = 1 + random.nextInt(3);
        for (int i = 0; i < words; i++) {
            Query term = new TermQuery(new Term("t", Analyzers.words(Analyzers.ENGLISH,
                    WORDS[random.nextInt(WORDS.length)]).get(0)));
            query.add(random.nextBoolean() ? new BoostQuery(term, 1 + random.nextInt(8)) : term,
                    i == 0 || random.nextBoolean() ? Occur.MUST : Occur.SHOULD);
        }
        return query.build();
    }

    /** Every match scored, popularity added, best first and earlier documents first among equals. */
    private static ScoreDoc[] everyMatch(IndexSearcher searcher, Query query, int wanted) throws IOException {
        ScoreDoc[] all = searcher.search(query, new TopScoreDocCollectorManager(Math.max(1, searcher.getIndexReader()
                .maxDoc()), null, Integer.MAX_VALUE, false)).scoreDocs;
        List<ScoreDoc> scored = new ArrayList<>();
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        for (ScoreDoc hit : all) {
            LeafReaderContext leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(hit.doc, leaves));
            NumericDocValues copies = DocValues.getNumeric(leaf.reader(), IndexFields.COPIES);
            long held = copies.advanceExact(hit.doc - leaf.docBase) ? copies.longValue() : 0;
            scored.add(new ScoreDoc(hit.doc, hit.score + PopularTopDocs.popularity(held)));
        }
        scored.sort(Comparator.comparingDouble((ScoreDoc hit) -> -hit.score).thenComparingInt(hit -> hit.doc));
        return scored.subList(0, Math.min(wanted, scored.size())).toArray(ScoreDoc[]::new);
    }
}
