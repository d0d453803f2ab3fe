package org.carrel.jar;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.carrel.testing.CarrelJar;
import org.carrel.testing.CarrelJar.Finished;
import org.carrel.testing.CarrelJar.Server;
import org.carrel.testing.MarcFiles;
import org.carrel.testing.TempFolders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The admin commands on the real jar: exit codes 0, 1 and 2, and no demo data written by a command. */
class CommandsIT {

    private static final Duration LIMIT = Duration.ofSeconds(90);

    private final java.nio.file.Path data = TempFolders.create("carrel-commands-");
    private final Map<String, String> env = Map.of("CARREL_DATA_DIR", data.toString());

    @AfterEach
    void removeData() {
        TempFolders.deleteQuietly(data);
    }

    @Test
    void helpListsTheCommandsAndAnUnknownCommandIsWrongUsage() {
        Finished help = CarrelJar.run(env, LIMIT, "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.stdout()).contains("create-admin", "create-api-token", "create-sip-terminal");

        Finished unknown = CarrelJar.run(env, LIMIT, "frobnicate");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.stderr()).contains("Unknown command: frobnicate");
    }

    @Test
    void createAdminReadsThePasswordFromTheEnvironmentAndRefusesAWeakOne() {
        Map<String, String> strong = Map.of("CARREL_DATA_DIR", data.toString(),
                "CARREL_ADMIN_PASSWORD", "district-it-secret");
        Finished created = CarrelJar.run(strong, LIMIT, "create-admin", "--username", "Ops");
        assertThat(created.exitCode()).as(created.stderr()).isZero();
        assertThat(created.stdout()).contains("District admin 'ops' is ready to sign in.");

        Map<String, String> weak = Map.of("CARREL_DATA_DIR", data.toString(), "CARREL_ADMIN_PASSWORD", "short");
        Finished refused = CarrelJar.run(weak, LIMIT, "create-admin", "--username", "other");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).contains("Use at least 10 characters.");

        assertThat(CarrelJar.run(env, LIMIT, "create-admin").exitCode()).isEqualTo(2);

        try (Server server = CarrelJar.startServer(env, "--carrel.demo=false")) {
            HttpResponse<String> schools = server.get("/api/v1/schools");
            assertThat(schools.body()).as("a command never writes the demo district").isEqualTo("[]");
        }
    }

    @Test
    void importMarcReportsProblemsEndsWithTheJsonCountsAndExportMarcWritesThemBack() throws Exception {
        java.nio.file.Path file = data.resolve("books.mrc");
        java.nio.file.Files.write(file, MarcFiles.twoGoodOneBroken());

        Finished imported = CarrelJar.run(env, LIMIT, "import-marc", file.toString(), "--json");
        assertThat(imported.exitCode()).as(imported.stderr()).isEqualTo(1);
        List<String> lines = imported.stdout().lines().toList();
        assertThat(lines.get(lines.size() - 1))
                .isEqualTo("{\"read\":3,\"added\":2,\"overlaid\":0,\"merged\":0,\"skipped\":0,\"rejected\":1,\"items\":0}");
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("record 2").contains("rejected"));

        Finished again = CarrelJar.run(env, LIMIT, "import-marc", file.toString(), "--dry-run", "--json");
        assertThat(again.stdout().lines().reduce((a, b) -> b).orElseThrow()).contains("\"skipped\":2");

        java.nio.file.Path out = data.resolve("export.xml");
        Finished exported = CarrelJar.run(env, LIMIT, "export-marc", "--out", out.toString(), "--format", "marcxml");
        assertThat(exported.exitCode()).as(exported.stderr()).isZero();
        assertThat(java.nio.file.Files.readString(out)).contains("Kitchen Chemistry", "Garden Physics");

        assertThat(CarrelJar.run(env, LIMIT, "import-marc").exitCode()).as("no file is wrong usage").isEqualTo(2);
        assertThat(CarrelJar.run(env, LIMIT, "import-marc", file.toString(), "--on-match", "maybe").exitCode())
                .isEqualTo(2);
        assertThat(CarrelJar.run(env, LIMIT, "import-marc", data.resolve("missing.mrc").toString()).exitCode())
                .isEqualTo(1);
        assertThat(CarrelJar.run(env, LIMIT, "export-marc", "--out", out.toString(), "--school", "NOPE").exitCode())
                .isEqualTo(1);
    }

    @Test
    void reindexRebuildsTheIndexThatTheServerThenSearches() throws Exception {
        java.nio.file.Path file = data.resolve("books.mrc");
        java.nio.file.Files.write(file, MarcFiles.twoGoodOneBroken());
        CarrelJar.run(env, LIMIT, "import-marc", file.toString());
        assertThat(data.resolve("search/stale")).as("a command that changed the catalogue marks the index").exists();

        Finished reindexed = CarrelJar.run(env, LIMIT, "reindex", "--json");
        assertThat(reindexed.exitCode()).as(reindexed.stderr()).isZero();
        assertThat(reindexed.stdout().strip()).matches("\\{\"records\":2,\"items\":0,\"seconds\":[0-9.]+,\"sizeBytes\":[1-9][0-9]*}");
        assertThat(data.resolve("search/stale")).doesNotExist();
        assertThat(CarrelJar.run(env, LIMIT, "reindex", "--full").exitCode()).isEqualTo(2);

        try (Server server = CarrelJar.startServer(env, "--carrel.demo=false")) {
            HttpResponse<String> found = server.get("/api/v1/search?q=chemistry");
            assertThat(found.statusCode()).isEqualTo(200);
            assertThat(found.body()).startsWith("{\"total\":1,").contains("Kitchen Chemistry");
            Finished busy = CarrelJar.run(env, LIMIT, "reindex");
            assertThat(busy.exitCode()).isEqualTo(1);
            assertThat(busy.stderr()).contains("in use by");
        }
    }
}
