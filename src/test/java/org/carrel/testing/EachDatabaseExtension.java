package org.carrel.testing;

import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The engine behind {@link OnEachDatabase}: one invocation per database, each with a resolver for the database's
 * {@link JdbcClient}, {@link DataSource} and {@link TestDatabase}. Databases live in the test class's extension
 * store (closed, and a PostgreSQL schema dropped, when the class is done).
 */
class EachDatabaseExtension implements TestTemplateInvocationContextProvider {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EachDatabaseExtension.class);

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(m -> m.isAnnotationPresent(OnEachDatabase.class)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return Stream.of(new Invocation(DatabaseKind.H2), new Invocation(DatabaseKind.POSTGRESQL));
    }

    static String postgresUrl() {
        String url = System.getenv(DatabaseKind.POSTGRES_URL_VARIABLE);
        return url == null || url.isBlank() ? null : url.strip();
    }

    /** The class-wide database of this kind, created and migrated on first use. */
    static TestDatabase database(ExtensionContext context, DatabaseKind kind) {
        return classContextOf(context).getStore(NAMESPACE).computeIfAbsent(kind, k -> kind == DatabaseKind.H2 ? TestDatabase.h2()
                : TestDatabase.postgres(postgresUrl()), TestDatabase.class);
    }

    /** The test class's context: above the invocation and the template method, so one database serves the class. */
    private static ExtensionContext classContextOf(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    private record Invocation(DatabaseKind kind) implements TestTemplateInvocationContext {

        @Override
        public String getDisplayName(int invocationIndex) {
            return "[" + kind.displayName() + "]";
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new Availability(kind), new Wipe(kind), new Resolver(kind));
        }
    }

    /** Skips PostgreSQL, visibly, when no URL is given; H2 always runs. */
    private record Availability(DatabaseKind kind) implements ExecutionCondition {
        /** Printed once per test class, since Maven's console counts skipped tests without saying why. */
        private static final java.util.Set<String> ANNOUNCED = java.util.concurrent.ConcurrentHashMap.newKeySet();

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (kind == DatabaseKind.POSTGRESQL && postgresUrl() == null) {
                String reason = "PostgreSQL suite skipped: set " + DatabaseKind.POSTGRES_URL_VARIABLE + " to run it";
                if (ANNOUNCED.add(context.getRequiredTestClass().getName())) {
                    System.out.println("[SKIPPED] " + context.getRequiredTestClass().getSimpleName() + ": " + reason);
                }
                return ConditionEvaluationResult.disabled(reason);
            }
            return ConditionEvaluationResult.enabled(kind.displayName() + " available");
        }
    }

    private record Wipe(DatabaseKind kind) implements BeforeEachCallback {
        @Override
        public void beforeEach(ExtensionContext context) {
            database(context, kind).wipe();
        }
    }

    private record Resolver(DatabaseKind kind) implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            Class<?> type = parameter.getParameter().getType();
            return type == JdbcClient.class || type == DataSource.class || type == TestDatabase.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            TestDatabase database = database(context, kind);
            Class<?> type = parameter.getParameter().getType();
            return type == JdbcClient.class ? database.jdbc() : type == DataSource.class ? database.dataSource() : database;
        }
    }
}
