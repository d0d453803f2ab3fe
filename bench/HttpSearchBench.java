package org.carrel.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.carrel.bench.BenchMix.Query;

/**
 * The same query mix over HTTP, against a running server: {@code GET /api/v1/search} (JSON) on 1 and then 2 threads,
 * and type-ahead both as the search box's htmx request sends it ({@code GET /catalog/suggest?q=}, "suggest") and
 * through the API ({@code GET /api/v1/search/suggestions?q=}, "suggest_api"). Keep-alive connections
 * of {@link LightHttp}, one per thread, HTTP/1.1 as Tomcat serves it. Prints one JSON object.
 *
 * <p>With {@code --server-pid}, the server's CPU time per query too (the client's own work not counted).
 *
 * <p>Usage: {@code HttpSearchBench BASE_URL FILE.queries --schools OAK=1,MAPLE=2,... [--server-pid PID]
 * [--seconds 20] [--warmup 2000] [--warmup-seconds 30]}
 */
public final class HttpSearchBench {

    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");

    public static void main(String[] args) throws Exception {
        String base = args[0].replaceAll("/+$", "");
        List<Query> queries = BenchMix.searches(Path.of(args[1]));
        List<String> prefixes = BenchMix.prefixes(Path.of(args[1]));
        Map<String, String> schools = BenchMix.schools(BenchMix.option(args, "schools", ""));
        double seconds = Double.parseDouble(BenchMix.option(args, "seconds", "20"));
        int warmup = Integer.parseInt(BenchMix.option(args, "warmup", "2000"));
        double warmupSeconds = Double.parseDouble(BenchMix.option(args, "warmup-seconds", "30"));

        java.util.function.IntFunction<BenchMix.Probe> probes = thread -> {
            LightHttp http = new LightHttp(base);
            return query -> {
                LightHttp.Response response = http.get(path(query, schools), "Accept: application/json");
                if (response.status() != 200) {
                    throw new IllegalStateException("HTTP " + response.status());
                }
                Matcher total = TOTAL.matcher(response.body());
                if (!total.find()) {
                    throw new IllegalStateException("no total in " + abbreviated(response.body()));
                }
                return Long.parseLong(total.group(1));
            };
        };
        BenchMix.Probe probe = probes.apply(0);
        StringBuilder json = new StringBuilder("{\"check\":").append(BenchMix.check(queries, probe));
        String serverPid = BenchMix.option(args, "server-pid", "");
        json.append(",\"warmup\":").append(BenchMix.warmUp(queries, probe, warmup, warmupSeconds,
                serverPid.isEmpty() ? null : Long.valueOf(serverPid)));
        LongSupplier cpu = serverPid.isEmpty() ? null : () -> BenchMix.processCpuNanos(Long.parseLong(serverPid));
        json.append(",\"runs\":[").append(BenchMix.run(queries, 1, seconds, probes::apply, cpu)).append(',')
                .append(BenchMix.run(queries, 2, seconds, probes::apply, cpu)).append(']');
        LightHttp client = new LightHttp(base);
        json.append(",\"suggest\":").append(suggest(client, "/catalog/suggest?q=", prefixes, warmup));
        json.append(",\"suggest_api\":")
                .append(suggest(client, "/api/v1/search/suggestions?limit=8&q=", prefixes, warmup));
        System.out.println(json.append('}'));
    }

    /** The API request for one line of the mix; school codes become the ids the API takes. */
    static String path(Query query, Map<String, String> schools) {
        StringBuilder path = new StringBuilder("/api/v1/search?q=").append(encoded(query.text()));
        if (!query.school().isEmpty()) {
            path.append("&school=").append(encoded(schools.getOrDefault(query.school(), query.school())));
        }
        if (!query.available().isEmpty()) {
            path.append("&available=").append(encoded(schools.getOrDefault(query.available(), query.available())));
        }
        if (!query.format().isEmpty()) {
            path.append("&format=").append(encoded(query.format()));
        }
        if (!query.gradeBand().isEmpty()) {
            path.append("&gradeBand=").append(encoded(query.gradeBand()));
        }
        return path.toString();
    }

    /** Type-ahead at {@code url} + prefix on one thread over the prefixes, after a warm-up; errors counted, not timed. */
    private static String suggest(LightHttp client, String path, List<String> prefixes, int warmup) {
        List<Long> nanos = new ArrayList<>();
        long errors = 0;
        String firstError = null;
        long until = Long.MAX_VALUE;
        for (int i = 0; System.nanoTime() < until; i++) {
            if (i == warmup) {
                until = System.nanoTime() + 5_000_000_000L;
            }
            long began = System.nanoTime();
            try {
                LightHttp.Response response = client.get(path + encoded(prefixes.get(i % prefixes.size())),
                        "HX-Request: true");
                if (response.status() != 200) {
                    throw new IllegalStateException("HTTP " + response.status());
                }
                if (i >= warmup) {
                    nanos.add(System.nanoTime() - began);
                }
            } catch (Exception e) {
                errors++;
                firstError = firstError == null ? e.toString() : firstError;
                if (errors > 20 && nanos.isEmpty()) {
                    break;
                }
            }
        }
        return "{\"queries\":" + nanos.size() + ",\"errors\":" + errors
                + (firstError == null ? "" : ",\"first_error\":" + BenchMix.quote(firstError)) + ","
                + BenchMix.percentiles(nanos.stream().mapToLong(Long::longValue).toArray()) + "}";
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String abbreviated(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "...";
    }
}
