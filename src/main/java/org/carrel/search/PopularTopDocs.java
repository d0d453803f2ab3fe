package org.carrel.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;

/**
 * The best hits of a search by relevance plus popularity: {@code weight * h / (h + pivot)} for a record with
 * {@code h - 1} copies held, so popular titles come first among matches about as relevant.
 *
 * <p>Popularity is added here rather than as a query clause so that Lucene can still skip the matches that cannot
 * make the page: the index is sorted with the most held records first, so no later document of a segment is more
 * popular than the current one, and a match can only enter the page if its relevance beats the page's lowest score
 * minus the current popularity. That bound only rises, and it is what the scorer is told. (As a clause, popularity
 * can add its maximum anywhere, and a broad search of a million records scored every match.) Ties go to the earlier
 * document, the more held. One per search.
 */
final class PopularTopDocs implements CollectorManager<PopularTopDocs.Best, ScoreDoc[]> {

    static final float WEIGHT = 2f;
    static final float PIVOT = 4f;

    private static final Comparator<ScoreDoc> WORST_FIRST = Comparator.comparingDouble((ScoreDoc hit) -> hit.score)
            .thenComparing(Comparator.comparingInt((ScoreDoc hit) -> hit.doc).reversed());

    private final int wanted;

    PopularTopDocs(int wanted) {
        this.wanted = Math.max(1, wanted);
    }

    /** A record's popularity score for {@code copies} held. */
    static float popularity(long copies) {
        float held = copies + 1f;
        return WEIGHT * held / (held + PIVOT);
    }

    @Override
    public Best newCollector() {
        return new Best(wanted);
    }

    @Override
    public ScoreDoc[] reduce(Collection<Best> collectors) {
        List<ScoreDoc> all = new ArrayList<>();
        collectors.forEach(best -> all.addAll(best.queue));
        all.sort(WORST_FIRST.reversed());
        return all.subList(0, Math.min(wanted, all.size())).toArray(ScoreDoc[]::new);
    }

    static final class Best implements Collector {
        private final int wanted;
        private final PriorityQueue<ScoreDoc> queue;

        Best(int wanted) {
            this.wanted = wanted;
            this.queue = new PriorityQueue<>(wanted, WORST_FIRST);
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            NumericDocValues copies = DocValues.getNumeric(context.reader(), IndexFields.COPIES);
            int base = context.docBase;
            return new LeafCollector() {
                private Scorable scorer;
                /** What the scorer was told last; scores are never negative, so nothing below 0 is worth telling. */
                private float told = 0;

                @Override
                public void setScorer(Scorable scorer) {
                    this.scorer = scorer;
                }

                @Override
                public void collect(int doc) throws IOException {
                    float popularity = popularity(copies.advanceExact(doc) ? copies.longValue() : 0);
                    float score = scorer.score() + popularity;
                    if (queue.size() < wanted) {
                        queue.add(new ScoreDoc(base + doc, score));
                    } else if (score > queue.peek().score) {
                        queue.poll();
                        queue.add(new ScoreDoc(base + doc, score));
                    }
                    if (queue.size() == wanted) {
                        // Later documents of this segment are at most as popular as this one.
                        float least = Math.nextDown(queue.peek().score - popularity);
                        if (least > told) {
                            scorer.setMinCompetitiveScore(least);
                            told = least;
                        }
                    }
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.TOP_SCORES;
        }
    }
}
