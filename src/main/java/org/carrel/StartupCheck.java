package org.carrel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Checks, before Spring starts, the two things a district IT person most often gets wrong, so that start-up fails
 * with one sentence instead of a stack trace: a data folder that cannot be written and a database that cannot be
 * reached. Reads the same properties as the application (application.properties, environment, arguments).
 */
record StartupCheck(Path dataDir, String dbUrl, String dbUser, String dbPassword) {

    sealed interface Outcome {
        record Passed() implements Outcome {}

        record Failed(String sentence) implements Outcome {}
    }

    static StartupCheck fromEnvironment(String[] args) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        try {
            env.getPropertySources().addLast(new ResourcePropertySource(new ClassPathResource("application.properties")));
        } catch (IOException e) {
            throw new IllegalStateException("application.properties is missing from the jar", e);
        }
        Path dataDir = Path.of(env.getRequiredProperty("carrel.data-dir")).toAbsolutePath().normalize();
        // H2 refuses implicitly relative paths; from here on the application sees the absolute one.
        System.setProperty("carrel.data-dir", dataDir.toString());
        return new StartupCheck(dataDir, env.getRequiredProperty("spring.datasource.url"),
                env.getProperty("spring.datasource.username", ""), env.getProperty("spring.datasource.password", ""));
    }

    Outcome run() {
        String folderProblem = dataFolderProblem();
        if (folderProblem != null) {
            return new Outcome.Failed(folderProblem);
        }
        String databaseProblem = databaseProblem();
        return databaseProblem == null ? new Outcome.Passed() : new Outcome.Failed(databaseProblem);
    }

    private String dataFolderProblem() {
        try {
            Files.createDirectories(dataDir);
            Path probe = Files.createTempFile(dataDir, ".write-check", ".tmp");
            Files.delete(probe);
            return null;
        } catch (IOException | SecurityException e) {
            return "the data folder " + dataDir + " is not writable (" + describe(e) + "); set CARREL_DATA_DIR to a "
                    + "folder Carrel may write to.";
        }
    }

    private String databaseProblem() {
        DriverManager.setLoginTimeout(10);
        try (Connection ignored = DriverManager.getConnection(dbUrl, dbUser, dbPassword)) {
            return null;
        } catch (SQLException e) {
            String reason = describe(e);
            if (reason.contains("already in use") || reason.contains("Locked by another process")
                    || reason.contains("The file is locked")) {
                return "the embedded database in " + dataDir + " is in use by another Carrel process; stop it first.";
            }
            return "the database at " + withoutSecrets(dbUrl) + " cannot be reached (" + reason + "); check "
                    + "CARREL_DB_URL, CARREL_DB_USER and CARREL_DB_PASSWORD.";
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String firstLine = message.lines().findFirst().orElse(message).strip();
        return firstLine.length() > 200 ? firstLine.substring(0, 200) + "..." : firstLine;
    }

    /** A JDBC URL may carry a password; never print it. */
    static String withoutSecrets(String url) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        return base.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }
}
