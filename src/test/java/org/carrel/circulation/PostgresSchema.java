package org.carrel.circulation;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.carrel.testing.DatabaseKind;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Points a Spring test context at a new schema {@code carrel_circ_<random>} of the PostgreSQL database in
 * {@code CARREL_TEST_POSTGRES_URL} and drops the schema when the context closes. The URL's user and password are
 * given to the pool explicitly: the application's default user name is H2's {@code sa}.
 */
class PostgresSchema implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static String url() {
        String url = System.getenv(DatabaseKind.POSTGRES_URL_VARIABLE);
        return url == null || url.isBlank() ? null : url.strip();
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String url = url();
        String schema = "carrel_circ_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(url, "create schema " + schema);
        TestPropertyValues.of(
                "spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                "spring.datasource.username=" + parameter(url, "user"),
                "spring.datasource.password=" + parameter(url, "password")).applyTo(context);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                execute(url, "drop schema if exists " + schema + " cascade");
            }
        });
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            int query = url.indexOf('?');
            throw new IllegalStateException("PostgreSQL at " + (query < 0 ? url : url.substring(0, query))
                    + " cannot be reached (" + e.getMessage() + "); unset " + DatabaseKind.POSTGRES_URL_VARIABLE
                    + " to skip the PostgreSQL suite", e);
        }
    }

    private static String parameter(String url, String name) {
        String query = URI.create(url.substring("jdbc:".length())).getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.toLowerCase(Locale.ROOT).startsWith(name + "=")) {
                    return pair.substring(name.length() + 1);
                }
            }
        }
        return "";
    }

    /** Skips a PostgreSQL test class, visibly, when no URL is given (before its Spring context is started). */
    static class Required implements ExecutionCondition {
        private static final Set<String> ANNOUNCED = ConcurrentHashMap.newKeySet();

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (url() != null) {
                return ConditionEvaluationResult.enabled("PostgreSQL available");
            }
            String reason = "PostgreSQL suite skipped: set " + DatabaseKind.POSTGRES_URL_VARIABLE + " to run it";
            if (ANNOUNCED.add(context.getRequiredTestClass().getName())) {
                System.out.println("[SKIPPED] " + context.getRequiredTestClass().getSimpleName() + ": " + reason);
            }
            return ConditionEvaluationResult.disabled(reason);
        }
    }
}
