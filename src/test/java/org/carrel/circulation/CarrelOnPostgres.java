package org.carrel.circulation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on PostgreSQL, as {@link org.carrel.testing.CarrelTest} is on H2: a new schema of the
 * database named by {@code CARREL_TEST_POSTGRES_URL} ({@link PostgresSchema}), migrated by the application itself and
 * dropped when the context closes. Skipped, with the reason printed, when the variable is unset; failing, not
 * skipped, when it is set and the database cannot be reached. Test classes with this annotation and the same
 * imports share one context (one schema).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresSchema.Required.class)
@SpringBootTest(properties = {
        "carrel.data-dir=${java.io.tmpdir}/carrel-test-data",
        "carrel.search.dir=memory",
        "carrel.demo=false"})
@ContextConfiguration(initializers = PostgresSchema.class)
@interface CarrelOnPostgres {
}
