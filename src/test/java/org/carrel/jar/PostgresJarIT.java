package org.carrel.jar;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.carrel.testing.CarrelJar;
import org.carrel.testing.CarrelJar.Server;
import org.carrel.testing.Skips;
import org.carrel.testing.TempFolders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar on PostgreSQL, as a district runs it: migrations apply to an empty schema, health is UP and the
 * sign-in page answers. Runs when {@code CARREL_TEST_POSTGRES_URL} names a database (CI sets it); each run works in
 * a schema of its own, dropped afterwards.
 */
class PostgresJarIT {

    private static final String URL = System.getenv("CARREL_TEST_POSTGRES_URL");

    private final String schema = "carrel_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final Path data = TempFolders.create("carrel-postgres-");

    @BeforeEach
    void freshSchema() throws SQLException {
        Skips.skipUnless(URL != null && !URL.isBlank(),
                "CARREL_TEST_POSTGRES_URL is not set: the jar is not tried on PostgreSQL in this run");
        execute("create schema " + schema);
    }

    @AfterEach
    void dropSchema() throws SQLException {
        TempFolders.deleteQuietly(data);
        if (URL != null && !URL.isBlank()) {
            execute("drop schema if exists " + schema + " cascade");
        }
    }

    @Test
    void thePackagedJarStartsOnPostgresql() {
        Map<String, String> env = new HashMap<>();
        env.put("CARREL_DB_URL", URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        env.put("CARREL_DATA_DIR", data.toString());
        // The application's default user name is H2's "sa"; give the URL's user (and password) explicitly.
        env.put("CARREL_DB_USER", parameter("user"));
        env.put("CARREL_DB_PASSWORD", parameter("password"));

        try (Server server = CarrelJar.startServer(env)) {
            assertThat(server.get("/actuator/health").body()).contains("\"status\":\"UP\"");
            assertThat(server.get("/login").statusCode()).isEqualTo(200);
            assertThat(server.output()).as("migrations ran on PostgreSQL").containsIgnoringCase("PostgreSQL");
        }
    }

    private static String parameter(String name) {
        String query = URI.create(URL.substring("jdbc:".length())).getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.toLowerCase(Locale.ROOT).startsWith(name + "=")) {
                    return pair.substring(name.length() + 1);
                }
            }
        }
        return "";
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
