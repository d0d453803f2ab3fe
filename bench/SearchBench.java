package org.carrel.search;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

import org.carrel.bench.BenchMix;
import org.apache.lucene.store.FSDirectory;
import org.carrel.bench.BenchMix.Query;

/**
 * The search engine measured at its own door, without Spring or HTTP: opens the index and the type-ahead
 * suggester of a data folder ({@code <data>/search}) read-only, checks and warms up the query mix, runs it for a while on 1 and then 2 threads, times
 * type-ahead on the mix's prefixes, and reports the heap in use after a full collection. Run it with the heap the
 * server gets ({@code -Xmx512m}). Prints one JSON object.
 *
 * <p>In package {@code org.carrel.search} because {@link SearchEngine} and {@link Suggestions} are
 * package-private.
 *
 * <p>Usage: {@code SearchBench SEARCH_DIR FILE.queries --schools OAK=1,MAPLE=2,... [--seconds 20] [--warmup 2000] [--warmup-seconds 30]}
 */
public final class SearchBench {

    public static void main(String[] args) throws Exception {
        Path searchDir = Path.of(args[0]);
        List<Query> queries = BenchMix.searches(Path.of(args[1]));
        List<String> prefixes = BenchMix.prefixes(Path.of(args[1]));
        Map<String, String> schools = BenchMix.schools(BenchMix.option(args, "schools", ""));
        double seconds = Double.parseDouble(BenchMix.option(args, "seconds", "20"));
        int warmup = Integer.parseInt(BenchMix.option(args, "warmup", "2000"));
        double warmupSeconds = Double.parseDouble(BenchMix.option(args, "warmup-seconds", "30"));

        long heapBefore = BenchMix.heapUsedMb();
        long start = System.nanoTime();
        SearchEngine engine = SearchEngine.open(searchDir);
        Suggestions suggestions = new Suggestions(FSDirectory.open(searchDir.resolve(SearchIndex.SUGGEST_FOLDER)));
        long opened = System.nanoTime();
        StringBuilder json = new StringBuilder("{\"open_ms\":").append((opened - start) / 1_000_000);
        try {
            BenchMix.Probe probe = query -> engine.search(request(query, schools)).total();
            json.append(",\"check\":").append(BenchMix.check(queries, probe));
            json.append(",\"warmup\":")
                    .append(BenchMix.warmUp(queries, probe, warmup, warmupSeconds, ProcessHandle.current().pid()));
            LongSupplier cpu = () -> BenchMix.processCpuNanos(ProcessHandle.current().pid());
            json.append(",\"runs\":[").append(BenchMix.run(queries, 1, seconds, thread -> probe, cpu)).append(',')
                    .append(BenchMix.run(queries, 2, seconds, thread -> probe, cpu)).append(']');
            json.append(",\"suggest\":").append(suggest(suggestions, prefixes, warmup));
            json.append(",\"heap_used_mb\":").append(BenchMix.heapUsedMb())
                    .append(",\"heap_before_open_mb\":").append(heapBefore)
                    .append(",\"heap_max_mb\":").append(Runtime.getRuntime().maxMemory() / (1024 * 1024));
        } finally {
            suggestions.close();
            engine.close();
        }
        System.out.println(json.append('}'));
    }

    /** A public keyword search for one line of the mix, first page of 20; school codes become school ids. */
    static SearchRequest request(Query query, Map<String, String> schools) {
        Set<String> school = query.school().isEmpty() ? Set.of() : Set.of(id(schools, query.school()));
        String available = query.available().isEmpty() ? null : id(schools, query.available());
        Set<String> formats = query.format().isEmpty() ? Set.of() : Set.of(query.format());
        Set<String> gradeBands = query.gradeBand().isEmpty() ? Set.of() : Set.of(query.gradeBand());
        SearchFilters filters = new SearchFilters(school, available, formats, gradeBands, null, null, null, null,
                Set.of(), Set.of(), null, null, Set.of());
        return new SearchRequest(query.text(), SearchField.KEYWORD, filters, 1, 20, false);
    }

    private static String id(Map<String, String> schools, String code) {
        String id = schools.get(code);
        if (id == null) {
            throw new IllegalArgumentException("no id for school " + code + " in --schools " + schools);
        }
        return id;
    }

    /** Type-ahead as the search box asks for it (8 completions), warmed up, on one thread, over the prefixes. */
    private static String suggest(Suggestions suggestions, List<String> prefixes, int warmup) {
        for (int i = 0; i < warmup; i++) {
            suggestions.lookup(prefixes.get(i % prefixes.size()), 8);
        }
        List<Long> nanos = new ArrayList<>();
        long empty = 0;
        long until = System.nanoTime() + 5_000_000_000L;
        for (int i = 0; System.nanoTime() < until || i < prefixes.size(); i++) {
            long began = System.nanoTime();
            empty += suggestions.lookup(prefixes.get(i % prefixes.size()), 8).isEmpty() ? 1 : 0;
            nanos.add(System.nanoTime() - began);
        }
        return "{\"queries\":" + nanos.size() + ",\"empty\":" + empty + ","
                + BenchMix.percentiles(nanos.stream().mapToLong(Long::longValue).toArray()) + "}";
    }
}
