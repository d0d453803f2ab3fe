import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * How soon a catalogue change is searchable, end to end on a running server: catalogue a title with a made-up word
 * through the staff form (librarian API token), then search that word through the public API every 5 ms until it is
 * found. The baseline, measured in the same run, is one search round trip for a title that is already there.
 * Usage: java bench/SearchFreshness.java BASE_URL TOKEN [ROUNDS]; prints one JSON line (milliseconds).
 */
public class SearchFreshness {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        HttpClient http = HttpClient.newHttpClient();
        List<Double> visible = new ArrayList<>();
        List<Double> roundTrip = new ArrayList<>();
        long run = System.currentTimeMillis() % 1_000_000;
        for (int i = 0; i < rounds; i++) {
            String word = "qzx" + run + "w" + i;
            String form = "title=" + URLEncoder.encode("Freshness probe " + word, StandardCharsets.UTF_8)
                    + "&format=BOOK&language=eng";
            HttpResponse<String> saved = http.send(HttpRequest.newBuilder(URI.create(base + "/staff/catalog/records/new"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            long committed = System.nanoTime();
            if (saved.statusCode() >= 400) {
                throw new IllegalStateException("cataloguing failed: HTTP " + saved.statusCode());
            }
            while (!found(http, base, word)) {
                if (System.nanoTime() - committed > 30_000_000_000L) {
                    throw new IllegalStateException(word + " not searchable after 30 s");
                }
                Thread.sleep(5);
            }
            visible.add((System.nanoTime() - committed) / 1e6);
            long start = System.nanoTime();
            if (!found(http, base, word)) {
                throw new IllegalStateException(word + " vanished");
            }
            roundTrip.add((System.nanoTime() - start) / 1e6);
        }
        System.out.printf(Locale.ROOT, "{\"rounds\":%d,\"changeVisibleMs\":{\"p50\":%.1f,\"p95\":%.1f,\"max\":%.1f},"
                        + "\"baselineSearchRoundTripMs\":{\"p50\":%.1f,\"max\":%.1f}}%n", rounds,
                percentile(visible, 50), percentile(visible, 95), Collections.max(visible),
                percentile(roundTrip, 50), Collections.max(roundTrip));
    }

    private static boolean found(HttpClient http, String base, String word) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/search?q=" + word))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 && response.body().startsWith("{\"total\":1,");
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
