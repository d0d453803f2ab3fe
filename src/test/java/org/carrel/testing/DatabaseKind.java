package org.carrel.testing;

/** The databases Carrel runs on, as the data-access tests see them. */
public enum DatabaseKind {
    H2("H2"),
    POSTGRESQL("PostgreSQL");

    /** Environment variable with a JDBC URL of a PostgreSQL database the tests may create schemas in. */
    public static final String POSTGRES_URL_VARIABLE = "CARREL_TEST_POSTGRES_URL";

    private final String displayName;

    DatabaseKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
