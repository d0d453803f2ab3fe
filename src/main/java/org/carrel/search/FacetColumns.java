package org.carrel.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Exact facet counts from the facet values of each segment held in memory, counted while a query collects its
 * hits.
 *
 * <p>Every facet value ever seen gets a number for the life of the engine. A document's values are held as a few
 * codes: one for its combination of school and availability values, one for format, language, decade and Dewey
 * class, one for grade bands and reading levels (these combinations are few), and one per subject. Each segment's
 * documents are read once from the index's facet doc values into rows of {@link #WIDTH} codes, kept as long as the
 * segment lives, so a refresh reads only new segments. Counting a hit is then eight increments from one row, and a
 * search adds up its codes' values at the end. (Lucene's sorted-set counting decodes every value of every hit: at a
 * million records three quarters of a search's time. Rows of a fixed width count about twice as fast as a list of
 * each document's codes, whose varying lengths the processor mispredicts.)
 */
final class FacetColumns {

    /** The group of each dim in {@link Facets#ALL} order; values of one group form one code, -1 for one per value. */
    private static final int[] GROUP_OF_DIM = groups();
    private static final int GROUPS = 3;
    /**
     * Slots per document. A slot holds {@code code + FIRST_CODE}; an unused slot k holds k, and {@link #MORE} in the
     * last slot says the document has more codes in its segment's {@link Overflow}. So every document is counted with
     * the same eight increments, without a branch on how many values it has, and unused slots count into slots of
     * the count arrays that mean nothing.
     */
    static final int WIDTH = 8;
    private static final int MORE = WIDTH;
    private static final int FIRST_CODE = WIDTH + 1;

    private static int[] groups() {
        Map<String, Integer> groups = Map.of(Facets.SCHOOL, 0, Facets.AVAILABLE, 0, Facets.FORMAT, 1,
                Facets.LANGUAGE, 1, Facets.DECADE, 1, Facets.DEWEY, 1, Facets.GRADE_BAND, 2, Facets.LEXILE, 2,
                Facets.GUIDED, 2);
        return Facets.ALL.stream().mapToInt(dim -> groups.getOrDefault(dim, -1)).toArray();
    }

    private final String field = RecordDocuments.FACETS.getDimConfig(Facets.SCHOOL).indexFieldName;
    private final Map<String, Integer> dimIndex = new HashMap<>();
    private final Map<IndexReader.CacheKey, Column> columns = new ConcurrentHashMap<>();
    // Numbering, changed only by view() (synchronized); searches use the immutable Codes of their view.
    private final Map<String, Integer> numbers = new HashMap<>();
    private final List<String> labels = new ArrayList<>();
    private final List<Integer> dims = new ArrayList<>();
    private final Map<Combination, Integer> codes = new HashMap<>();
    private final List<int[]> codeValues = new ArrayList<>();
    private Codes published = new Codes(new String[0], new int[Facets.ALL.size()][0], new int[0][]);

    FacetColumns() {
        for (int i = 0; i < Facets.ALL.size(); i++) {
            dimIndex.put(Facets.ALL.get(i), i);
        }
    }

    /** What one searcher counts with: the codes of its segments' documents and what each code stands for. */
    record View(Codes codes, Column[] columns) {
    }

    /** Reads the segments of {@code reader} not read before; called when a searcher is opened. */
    synchronized View view(IndexReader reader) throws IOException {
        Column[] leaves = new Column[reader.leaves().size()];
        for (LeafReaderContext leaf : reader.leaves()) {
            IndexReader.CacheHelper cache = leaf.reader().getCoreCacheHelper();
            Column column = cache == null ? null : columns.get(cache.getKey());
            if (column == null) {
                column = read(leaf.reader());
                if (cache != null) {
                    columns.put(cache.getKey(), column);
                    cache.addClosedListener(columns::remove);
                }
            }
            leaves[leaf.ord] = column;
        }
        if (published.values().length != codeValues.size() || published.labels().length != labels.size()) {
            int[][] byDim = new int[Facets.ALL.size()][];
            for (int dim = 0; dim < byDim.length; dim++) {
                int d = dim;
                byDim[dim] = IntStream.range(0, dims.size()).filter(number -> dims.get(number) == d).toArray();
            }
            published = new Codes(labels.toArray(String[]::new), byDim, codeValues.toArray(int[][]::new));
        }
        return new View(published, leaves);
    }

    /** The codes of every document of a segment. */
    private Column read(LeafReader reader) throws IOException {
        SortedSetDocValues docValues = DocValues.getSortedSet(reader, field);
        // Per ord of the segment: its value number and group, or for a value of no group its code.
        int[] numberOfOrd = new int[(int) docValues.getValueCount()];
        int[] groupOfOrd = new int[numberOfOrd.length];
        int[] codeOfOrd = new int[numberOfOrd.length];
        for (int ord = 0; ord < numberOfOrd.length; ord++) {
            int number = number(docValues.lookupOrd(ord).utf8ToString());
            numberOfOrd[ord] = number;
            groupOfOrd[ord] = number < 0 ? -1 : GROUP_OF_DIM[dims.get(number)];
            codeOfOrd[ord] = number < 0 || groupOfOrd[ord] >= 0 ? -1 : code(new int[] {number});
        }
        char[] rows = new char[Math.multiplyExact(reader.maxDoc(), WIDTH)];
        for (int doc = 0; doc < reader.maxDoc(); doc++) {
            for (int slot = 0; slot < WIDTH; slot++) {
                rows[doc * WIDTH + slot] = (char) slot;
            }
        }
        Overflow.Builder overflow = new Overflow.Builder();
        int[] ids = new int[16];
        int[][] grouped = new int[GROUPS][16];
        int[] groupSizes = new int[GROUPS];
        for (int doc = docValues.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docValues.nextDoc()) {
            Arrays.fill(groupSizes, 0);
            int size = 0;
            if (docValues.docValueCount() + GROUPS > ids.length) {
                ids = new int[docValues.docValueCount() + GROUPS];
            }
            for (int i = 0, n = docValues.docValueCount(); i < n; i++) {
                int ord = (int) docValues.nextOrd();
                int group = groupOfOrd[ord];
                if (codeOfOrd[ord] >= 0) {
                    ids[size++] = codeOfOrd[ord];
                } else if (group >= 0) {
                    if (groupSizes[group] == grouped[group].length) {
                        grouped[group] = Arrays.copyOf(grouped[group], groupSizes[group] * 2);
                    }
                    grouped[group][groupSizes[group]++] = numberOfOrd[ord];
                }
            }
            for (int group = 0; group < GROUPS; group++) {
                if (groupSizes[group] > 0) {
                    int[] values = Arrays.copyOf(grouped[group], groupSizes[group]);
                    Arrays.sort(values);
                    ids[size++] = code(values);
                }
            }
            row(rows, doc, ids, size, overflow);
        }
        return new Column(rows, overflow.build());
    }

    /**
     * Writes a document's codes into its row: up to {@link #WIDTH} that fit in a slot; when there are more, or a code
     * too large for a slot, the last slot says so and those codes go to the overflow.
     */
    private static void row(char[] rows, int doc, int[] ids, int size, Overflow.Builder overflow) {
        int slots = 0;
        int[] rest = new int[0];
        boolean more = size > WIDTH;
        for (int i = 0; i < size; i++) {
            int slot = ids[i] + FIRST_CODE;
            if (slot <= Character.MAX_VALUE && slots < (more ? WIDTH - 1 : WIDTH)) {
                rows[doc * WIDTH + slots++] = (char) slot;
            } else {
                rest = Arrays.copyOf(rest, rest.length + 1);
                rest[rest.length - 1] = ids[i];
                more = true;
            }
        }
        if (more) {
            rows[doc * WIDTH + WIDTH - 1] = (char) MORE;
            overflow.add(doc, rest);
        }
    }

    /** The number of a facet value ({@code dim} and label as the facet doc values hold them), -1 for other dims. */
    private int number(String path) {
        Integer known = numbers.get(path);
        if (known != null) {
            return known;
        }
        String[] parts = FacetsConfig.stringToPath(path);
        Integer dim = parts.length == 2 ? dimIndex.get(parts[0]) : null;
        int number = dim == null ? -1 : labels.size();
        if (dim != null) {
            labels.add(parts[1]);
            dims.add(dim);
        }
        numbers.put(path, number);
        return number;
    }

    /** The code of a set of value numbers (sorted). */
    private int code(int[] values) {
        return codes.computeIfAbsent(new Combination(values), combination -> {
            codeValues.add(values);
            return codeValues.size() - 1;
        });
    }

    /** Value numbers as a map key. */
    private record Combination(int[] values) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Combination that && Arrays.equals(values, that.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }
    }

    /** The codes of a segment's documents: row d is {@code rows[d * WIDTH .. (d + 1) * WIDTH)}. */
    record Column(char[] rows, Overflow overflow) {
    }

    /** The codes that did not fit in their documents' rows, by document (few: most records have fewer values). */
    record Overflow(int[] docs, int[] starts, int[] codes) {

        /** Adds the overflow codes of {@code doc} to {@code counts} (indexed by slot value). */
        void count(int doc, int[] counts) {
            int at = Arrays.binarySearch(docs, doc);
            for (int i = starts[at]; i < starts[at + 1]; i++) {
                counts[codes[i] + FIRST_CODE]++;
            }
        }

        /** Documents in increasing order. */
        static final class Builder {
            private final List<Integer> docs = new ArrayList<>();
            private final List<Integer> starts = new ArrayList<>(List.of(0));
            private final List<Integer> codes = new ArrayList<>();

            void add(int doc, int[] rest) {
                docs.add(doc);
                Arrays.stream(rest).forEach(codes::add);
                starts.add(codes.size());
            }

            Overflow build() {
                return new Overflow(docs.stream().mapToInt(Integer::intValue).toArray(),
                        starts.stream().mapToInt(Integer::intValue).toArray(),
                        codes.stream().mapToInt(Integer::intValue).toArray());
            }
        }
    }

    /** The label of each value number, the value numbers of each dim, and the value numbers of each code. */
    record Codes(String[] labels, int[][] byDim, int[][] values) {
    }

    /** The hits of a search and how many of them have each value number. */
    record Tally(long hits, int[] counts) {
    }

    /** Counts the facet values of the hits of one search; use one per search. */
    static final class Counting implements CollectorManager<Counting.Counter, Tally> {
        private final View view;

        Counting(View view) {
            this.view = view;
        }

        @Override
        public Counter newCollector() {
            return new Counter(view);
        }

        @Override
        public Tally reduce(Collection<Counter> collectors) {
            int[][] codeValues = view.codes().values();
            int[] counts = new int[view.codes().labels().length];
            long hits = 0;
            for (Counter counter : collectors) {
                hits += counter.hits;
                for (int code = 0; code < codeValues.length; code++) {
                    int count = counter.evenCounts[code + FIRST_CODE] + counter.oddCounts[code + FIRST_CODE];
                    if (count > 0) {
                        for (int number : codeValues[code]) {
                            counts[number] += count;
                        }
                    }
                }
            }
            return new Tally(hits, counts);
        }

        /** The {@code limit} most frequent values of each dim with a hit, most first, then by label. */
        Map<String, List<FacetCount>> top(Tally tally, int limit) {
            String[] labels = view.codes().labels();
            int[] counts = tally.counts();
            Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
            int[] best = new int[limit];
            for (int dim = 0; dim < Facets.ALL.size(); dim++) {
                int size = 0;
                for (int number : view.codes().byDim()[dim]) {
                    if (counts[number] == 0 || size == limit && !before(labels, counts, number, best[limit - 1])) {
                        continue;
                    }
                    int at = size == limit ? limit - 1 : size++;
                    for (; at > 0 && before(labels, counts, number, best[at - 1]); at--) {
                        best[at] = best[at - 1];
                    }
                    best[at] = number;
                }
                List<FacetCount> values = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    values.add(new FacetCount(labels[best[i]], counts[best[i]]));
                }
                facets.put(Facets.ALL.get(dim), values);
            }
            return facets;
        }

        private static boolean before(String[] labels, int[] counts, int a, int b) {
            return counts[a] != counts[b] ? counts[a] > counts[b] : labels[a].compareTo(labels[b]) < 0;
        }

        static final class Counter implements Collector {
            private static final int BATCH = 512;
            private final View view;
            private final int[] evenCounts;
            private final int[] oddCounts;
            private long hits;
            /** Keeps the reads of a batch's rows from being optimised away. */
            private int sink;

            Counter(View view) {
                this.view = view;
                this.evenCounts = new int[view.codes().values().length + FIRST_CODE];
                this.oddCounts = new int[evenCounts.length];
            }

            /**
             * Counts hits in batches, alternate documents into two arrays, so that neighbouring documents, which often
             * share codes, do not wait on each other's increments.
             */
            @Override
            public LeafCollector getLeafCollector(LeafReaderContext context) {
                Column column = view.columns()[context.ord];
                int[] even = evenCounts;
                int[] odd = oddCounts;
                int[] batch = new int[BATCH];
                char[] rows = column.rows();
                Overflow overflow = column.overflow();
                return new LeafCollector() {
                    private int size;

                    @Override
                    public void setScorer(Scorable scorer) {
                    }

                    @Override
                    public void collect(int doc) {
                        batch[size++] = doc;
                        if (size == BATCH) {
                            count();
                        }
                    }

                    @Override
                    public void finish() {
                        count();
                    }

                    private void count() {
                        hits += size;
                        // A read of each row first: independent loads the processor overlaps, so the increments
                        // that follow find their rows in the cache.
                        int touched = 0;
                        for (int i = 0; i < size; i++) {
                            touched += rows[batch[i] * WIDTH];
                        }
                        sink += touched;
                        for (int i = 0; i + 1 < size; i += 2) {
                            row(batch[i], even);
                            row(batch[i + 1], odd);
                        }
                        if ((size & 1) == 1) {
                            row(batch[size - 1], even);
                        }
                        size = 0;
                    }

                    /** The eight slots of a document's row, and its codes kept aside when the last slot says so. */
                    private void row(int doc, int[] counts) {
                        int at = doc * WIDTH;
                        counts[rows[at]]++;
                        counts[rows[at + 1]]++;
                        counts[rows[at + 2]]++;
                        counts[rows[at + 3]]++;
                        counts[rows[at + 4]]++;
                        counts[rows[at + 5]]++;
                        counts[rows[at + 6]]++;
                        counts[rows[at + 7]]++;
                        if (rows[at + WIDTH - 1] == MORE) {
                            overflow.count(doc, counts);
                        }
                    }
                };
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        }
    }
}
