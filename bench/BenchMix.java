package org.carrel.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

/**
 * What the search benchmarks share: the query mix written by {@code CatalogGenerate} ({@code OUT.queries}), a timed
 * closed-loop run of it on one or more threads with per-query latencies from {@link System#nanoTime()}, and the
 * figures as JSON. Each of the facade, HTTP and PostgreSQL benchmarks runs the same queries in the same order.
 */
public final class BenchMix {

    private BenchMix() {
    }

    /** One line of the query file; empty strings are "no filter"; school and available are school codes. */
    public record Query(String kind, String text, String school, String available, String format,
                        String gradeBand) {

        /** A query in double quotes, searched as a phrase. */
        public boolean isPhrase() {
            return text.length() > 1 && text.startsWith("\"") && text.endsWith("\"");
        }

        /** The words without the quotes of a phrase. */
        public String words() {
            return isPhrase() ? text.substring(1, text.length() - 1) : text;
        }
    }

    /** Runs one query and answers the total number of matching records. Each thread has its own probe. */
    @FunctionalInterface
    public interface Probe {
        long run(Query query) throws Exception;
    }

    /** The searches of a query file, in file order (type-ahead prefixes left out). */
    public static List<Query> searches(Path file) throws IOException {
        return read(file).stream().filter(q -> !q.kind().equals("suggest")).toList();
    }

    /** The type-ahead prefixes of a query file. */
    public static List<String> prefixes(Path file) throws IOException {
        return read(file).stream().filter(q -> q.kind().equals("suggest")).map(Query::text).toList();
    }

    private static List<Query> read(Path file) throws IOException {
        List<Query> queries = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = Arrays.copyOf(line.split("\t", -1), 6);
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cells[i] == null ? "" : cells[i];
            }
            queries.add(new Query(cells[0], cells[1], cells[2], cells[3], cells[4], cells[5]));
        }
        return queries;
    }

    /** "OAK=1,MAPLE=2" as a map from school code to id. */
    public static Map<String, String> schools(String codesToIds) {
        Map<String, String> schools = new LinkedHashMap<>();
        for (String pair : codesToIds.split(",")) {
            String[] codeAndId = pair.split("=", 2);
            if (codeAndId.length == 2) {
                schools.put(codeAndId[0].strip(), codeAndId[1].strip());
            }
        }
        return schools;
    }

    /** The value after {@code --name} in args, or the fallback. */
    public static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--" + name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    /**
     * Runs every query once on one thread and reports, per kind, how many queries there were, how many found nothing
     * and the mean number found: the check that the mix exercises the index rather than empty results.
     */
    public static String check(List<Query> queries, Probe probe) {
        Map<String, long[]> byKind = new LinkedHashMap<>();
        long errors = 0;
        String firstError = null;
        for (Query query : queries) {
            long[] counts = byKind.computeIfAbsent(query.kind(), k -> new long[3]);
            try {
                long total = probe.run(query);
                counts[0]++;
                counts[1] += total == 0 ? 1 : 0;
                counts[2] += total;
            } catch (Exception e) {
                errors++;
                firstError = firstError == null ? query.text() + ": " + e : firstError;
            }
        }
        StringBuilder json = new StringBuilder("{");
        byKind.forEach((kind, counts) -> json.append(json.length() > 1 ? "," : "").append('"').append(kind)
                .append("\":{\"queries\":").append(counts[0]).append(",\"no_hits\":").append(counts[1])
                .append(",\"mean_total\":").append(counts[0] == 0 ? 0 : counts[2] / counts[0]).append('}'));
        json.append(",\"errors\":").append(errors);
        if (firstError != null) {
            json.append(",\"first_error\":").append(quote(firstError));
        }
        return json.append('}').toString();
    }

    /** Longest warm-up: a JIT that is still busy after this is reported as such rather than waited for. */
    static final double MAX_WARMUP_SECONDS = 600;
    /** Warm means the JIT compilers used at most this share of one core over the last window. */
    static final double QUIET_SHARE = 0.01;
    static final double WINDOW_SECONDS = 10;

    /**
     * Runs the mix round and round on one thread, unmeasured, to warm the JIT and caches: at least {@code count}
     * queries and {@code seconds}, then on until the JIT compiler threads of process {@code jitPid} (the engine's
     * own, or the server's) used at most 1% of a core over the last 10 seconds. (A server compiles far more code
     * than the engine alone: after 2,000 queries and 30 s its compiler threads still took a third of its CPU time
     * for more than a minute, and it answered 300 searches a second on 2 threads instead of 525.) Answers what the
     * warm-up took, as JSON.
     */
    public static String warmUp(List<Query> queries, Probe probe, int count, double seconds, Long jitPid) {
        long start = System.nanoTime();
        long until = start + (long) (seconds * 1e9);
        long windowStart = start;
        long jitAtWindow = jitPid == null ? 0 : compilerCpuNanos(jitPid);
        double lastShare = -1;
        int i = 0;
        while (true) {
            try {
                probe.run(queries.get(i++ % queries.size()));
            } catch (Exception ignored) {
                // counted by check() and run(), not here
            }
            long now = System.nanoTime();
            if (i < count || now < until) {
                continue;
            }
            if (jitPid == null || now - start > MAX_WARMUP_SECONDS * 1e9) {
                break;
            }
            if (now - windowStart >= WINDOW_SECONDS * 1e9) {
                long jit = compilerCpuNanos(jitPid);
                lastShare = (jit - jitAtWindow) / (double) (now - windowStart);
                if (lastShare <= QUIET_SHARE) {
                    break;
                }
                windowStart = now;
                jitAtWindow = jit;
            }
        }
        return String.format(Locale.ROOT, "{\"queries\":%d,\"seconds\":%.1f,\"jit_share_last_window\":%s}", i,
                (System.nanoTime() - start) / 1e9, lastShare < 0 ? "null" : String.format(Locale.ROOT, "%.3f",
                        lastShare));
    }

    /** CPU time of the JIT compiler threads (C1, C2) of a process, from /proc (Linux). */
    public static long compilerCpuNanos(long pid) {
        long nanos = 0;
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    if (Files.readString(task.resolve("comm")).contains("CompilerThre")) {
                        nanos += cpuNanos(Files.readString(task.resolve("stat")));
                    }
                } catch (IOException gone) {
                    // a thread that ended while listed
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the threads of process " + pid, e);
        }
        return nanos;
    }

    /** The user and system CPU time in a process's or thread's {@code stat} line. */
    private static long cpuNanos(String stat) {
        // Fields after the command name in parentheses (which may hold spaces): utime and stime are 14 and 15.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        // USER_HZ is 100 on every Linux architecture a server runs on.
        return ticks * 10_000_000L;
    }

    /**
     * A closed loop: each of {@code threads} threads runs the mix from its own starting point, one query after the
     * other with no pause, until {@code seconds} have passed. Answers the figures as a JSON object; queries that
     * failed are counted as errors and left out of the latencies and the queries per second.
     */
    public static String run(List<Query> queries, int threads, double seconds, IntFunction<Probe> probes)
            throws InterruptedException {
        return run(queries, threads, seconds, probes, null);
    }

    /**
     * As {@link #run(List, int, double, IntFunction)}, and also the CPU time the searching process(es) spent per
     * query, read from {@code cpuNanos} before and after: on a machine busy with other work, latencies and queries
     * per second shrink with the cores this run got, but the CPU cost per query does not, and
     * {@code qps_per_core} = 1000 / {@code cpu_ms_per_query} is the throughput one idle core would give.
     */
    public static String run(List<Query> queries, int threads, double seconds, IntFunction<Probe> probes,
                             LongSupplier cpuNanos) throws InterruptedException {
        long[][] latencies = new long[threads][];
        int[][] kinds = new int[threads][];
        int[] done = new int[threads];
        long[] errors = new long[threads];
        AtomicReference<String> firstError = new AtomicReference<>();
        List<String> kindNames = queries.stream().map(Query::kind).distinct().toList();
        int[] kindOf = queries.stream().mapToInt(q -> kindNames.indexOf(q.kind())).toArray();
        Probe[] threadProbes = new Probe[threads];
        for (int t = 0; t < threads; t++) {
            threadProbes[t] = probes.apply(t);
        }
        Thread[] workers = new Thread[threads];
        long cpuBefore = cpuNanos == null ? 0 : cpuNanos.getAsLong();
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Probe probe = threadProbes[t];
            workers[t] = new Thread(() -> {
                long[] own = new long[1 << 16];
                int[] ownKinds = new int[1 << 16];
                int n = 0;
                int at = thread * queries.size() / threads;
                while (System.nanoTime() < deadline) {
                    int index = at++ % queries.size();
                    Query query = queries.get(index);
                    long began = System.nanoTime();
                    try {
                        probe.run(query);
                    } catch (Exception e) {
                        errors[thread]++;
                        firstError.compareAndSet(null, query.text() + ": " + e);
                        continue;
                    }
                    if (n == own.length) {
                        own = Arrays.copyOf(own, n * 2);
                        ownKinds = Arrays.copyOf(ownKinds, n * 2);
                    }
                    own[n] = System.nanoTime() - began;
                    ownKinds[n++] = kindOf[index];
                }
                latencies[thread] = own;
                kinds[thread] = ownKinds;
                done[thread] = n;
            }, "bench-" + t);
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long cpu = cpuNanos == null ? 0 : cpuNanos.getAsLong() - cpuBefore;
        long[] all = new long[Arrays.stream(done).sum()];
        List<List<Long>> byKind = new ArrayList<>();
        kindNames.forEach(k -> byKind.add(new ArrayList<>()));
        for (int t = 0, at = 0; t < threads; t++) {
            System.arraycopy(latencies[t], 0, all, at, done[t]);
            at += done[t];
            for (int i = 0; i < done[t]; i++) {
                byKind.get(kinds[t][i]).add(latencies[t][i]);
            }
        }
        StringBuilder json = new StringBuilder("{\"threads\":").append(threads)
                .append(",\"queries\":").append(all.length)
                .append(",\"seconds\":").append(round(elapsed))
                .append(",\"qps\":").append(Math.round(all.length / elapsed))
                .append(',').append(percentiles(all))
                .append(",\"errors\":").append(Arrays.stream(errors).sum());
        if (cpuNanos != null && all.length > 0) {
            double cpuMs = cpu / 1e6 / all.length;
            json.append(",\"cpu_ms_per_query\":").append(round(cpuMs))
                    .append(",\"qps_per_core\":").append(cpuMs > 0 ? Math.round(1000 / cpuMs) : 0);
        }
        if (firstError.get() != null) {
            json.append(",\"first_error\":").append(quote(firstError.get()));
        }
        json.append(",\"by_kind\":{");
        for (int k = 0; k < kindNames.size(); k++) {
            long[] kind = byKind.get(k).stream().mapToLong(Long::longValue).toArray();
            json.append(k > 0 ? "," : "").append('"').append(kindNames.get(k)).append("\":{\"queries\":")
                    .append(kind.length).append(',').append(percentiles(kind)).append('}');
        }
        return json.append("}}").toString();
    }

    /** {@code "p50_ms":..,"p95_ms":..,"p99_ms":..,"max_ms":..} of latencies in nanoseconds (sorted in place). */
    public static String percentiles(long[] nanos) {
        Arrays.sort(nanos);
        return "\"p50_ms\":" + ms(nanos, 0.50) + ",\"p95_ms\":" + ms(nanos, 0.95) + ",\"p99_ms\":" + ms(nanos, 0.99)
                + ",\"max_ms\":" + (nanos.length == 0 ? "null" : round(nanos[nanos.length - 1] / 1e6));
    }

    /** The nearest-rank percentile in milliseconds; null when there were no queries. */
    private static String ms(long[] sorted, double p) {
        if (sorted.length == 0) {
            return "null";
        }
        int rank = (int) Math.ceil(p * sorted.length) - 1;
        return String.valueOf(round(sorted[Math.max(0, rank)] / 1e6));
    }

    public static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /** CPU time (user + system) a process on this machine has used, from /proc/PID/stat. */
    public static long processCpuNanos(long pid) {
        try {
            return cpuNanos(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the CPU time of process " + pid, e);
        }
    }

    /** The heap in use after a full collection, in MB. */
    public static long heapUsedMb() {
        var memory = java.lang.management.ManagementFactory.getMemoryMXBean();
        memory.gc();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    public static String quote(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }
}
