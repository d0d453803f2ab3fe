package org.carrel.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a data-access test once per database Carrel supports: "[H2]" always, "[PostgreSQL]" when the environment
 * variable {@code CARREL_TEST_POSTGRES_URL} names a PostgreSQL database (skipped with a reason otherwise; failing,
 * not skipped, when it is set but unreachable, so CI cannot silently lose the PostgreSQL suite).
 *
 * <p>The test method (or its {@code @BeforeEach}) may declare a {@link org.springframework.jdbc.core.simple.JdbcClient},
 * a {@link javax.sql.DataSource} or a {@link TestDatabase} parameter. Each database is migrated with the real Flyway
 * migrations once per test class, and every table is emptied before each test method.
 *
 * <pre>{@code
 * @OnEachDatabase
 * void findsASchoolByCode(JdbcClient jdbc) { ... }
 * }</pre>
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(EachDatabaseExtension.class)
public @interface OnEachDatabase {
}
