package org.carrel.jar;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.carrel.testing.CarrelJar;
import org.carrel.testing.CarrelJar.Finished;
import org.carrel.testing.CarrelJar.Server;
import org.carrel.testing.TempFolders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * DESIGN.md, privacy and security 7: what the server acknowledged survives {@code kill -9}. On the embedded H2
 * database this holds only with {@code WRITE_DELAY=0}; without it H2 loses acknowledged commits by the thousand.
 */
class DurabilityIT {

    private static final int SCHOOLS = 200;

    private final Path data = TempFolders.create("carrel-durability-");
    private final JsonMapper json = JsonMapper.builder().build();

    @AfterEach
    void removeData() {
        TempFolders.deleteQuietly(data);
    }

    @Test
    void everyAcknowledgedSchoolSurvivesKillDashNine() {
        Map<String, String> env = Map.of("CARREL_DATA_DIR", data.toString());
        String token = createApiToken(env);

        try (Server server = CarrelJar.startServer(env, "--carrel.demo=false")) {
            IntStream.rangeClosed(1, SCHOOLS).forEach(n -> {
                HttpResponse<String> created = server.send(HttpRequest.newBuilder(server.uri("/api/v1/schools"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"code":"%s","name":"Durability %d","lowestGrade":"K","highestGrade":"5"}"""
                                .formatted(code(n), n))));
                assertThat(created.statusCode()).as("POST school %d: %s", n, created.body()).isEqualTo(201);
            });
            server.killHard();
        }

        try (Server restarted = CarrelJar.startServer(env, "--carrel.demo=false")) {
            HttpResponse<String> list = restarted.send(HttpRequest.newBuilder(restarted.uri("/api/v1/schools"))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET());
            assertThat(list.statusCode()).as("GET /api/v1/schools: %s", list.body()).isEqualTo(200);
            Set<String> expected = new TreeSet<>();
            IntStream.rangeClosed(1, SCHOOLS).forEach(n -> expected.add(code(n)));
            assertThat(codesIn(json.readTree(list.body()))).as("school codes after kill -9 and restart")
                    .containsAll(expected);
        }
    }

    /** {@code create-api-token} prints the token once, on a line of its own starting with {@code carrel_}. */
    private static String createApiToken(Map<String, String> env) {
        Finished run = CarrelJar.run(env, Duration.ofSeconds(120),
                "create-api-token", "--name", "durability", "--role", "district-admin");
        assertThat(run.exitCode()).as("create-api-token exit status; stderr: %s", run.stderr()).isZero();
        return run.stdout().lines().map(String::strip).filter(line -> line.startsWith("carrel_")).findFirst()
                .orElseThrow(() -> new AssertionError("no carrel_ token line in: " + run.stdout()));
    }

    /** Every {@code code} in the answer, whether it is a bare array or an object wrapping one (paging). */
    private static Set<String> codesIn(JsonNode node) {
        Set<String> codes = new TreeSet<>();
        if (node.isObject() && node.has("code") && node.get("code").isString()) {
            codes.add(node.get("code").asString());
        }
        if (node.isContainer()) {
            node.forEach(child -> codes.addAll(codesIn(child)));
        }
        return codes;
    }

    private static String code(int n) {
        return "D%03d".formatted(n);
    }
}
