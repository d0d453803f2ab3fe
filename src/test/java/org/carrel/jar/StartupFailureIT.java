package org.carrel.jar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.carrel.testing.CarrelJar;
import org.carrel.testing.CarrelJar.Finished;
import org.carrel.testing.TempFolders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The two mistakes a district IT person most often makes end the packaged jar with exit status 1 and one sentence
 * on stderr, not a stack trace.
 */
class StartupFailureIT {

    private static final String PREFIX = "Carrel cannot start:";

    private final Path scratch = TempFolders.create("carrel-startup-failure-");

    @AfterEach
    void removeScratch() {
        TempFolders.deleteQuietly(scratch);
    }

    @Test
    void anUnreachableDatabaseEndsStartUpWithOneSentenceWithinTwentySeconds() {
        Finished run = CarrelJar.run(Map.of("CARREL_DB_URL", "jdbc:postgresql://127.0.0.1:1/nowhere",
                "CARREL_DATA_DIR", scratch.resolve("data").toString()), Duration.ofSeconds(60));

        assertThat(run.took()).as("time to give up").isLessThan(Duration.ofSeconds(20));
        assertThat(run.exitCode()).isEqualTo(1);
        String sentence = theOneSentence(run);
        assertThat(sentence).contains("jdbc:postgresql://127.0.0.1:1/nowhere").contains("CARREL_DB_URL");
    }

    @Test
    void aDataFolderThatCannotBeCreatedEndsStartUpWithOneSentenceNamingIt() throws IOException {
        // Tests run as root, so permission bits would not stop a write; a regular file in the path does.
        Path file = Files.createFile(scratch.resolve("a-file"));
        Path dataDir = file.resolve("data");

        Finished run = CarrelJar.run(Map.of("CARREL_DATA_DIR", dataDir.toString()), Duration.ofSeconds(60));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(theOneSentence(run)).contains("data folder " + dataDir).contains("CARREL_DATA_DIR");
    }

    /** Asserts that stderr holds exactly one line starting with the prefix and nothing like a stack trace. */
    private static String theOneSentence(Finished run) {
        List<String> lines = run.stderr().lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).as("stderr").filteredOn(line -> line.startsWith(PREFIX)).hasSize(1);
        assertThat(lines).as("stderr without a stack trace")
                .noneMatch(line -> line.matches("\\s+at .+\\(.*\\)") || line.matches("(Caused by: )?[\\w.$]+(Exception|Error)\\b.*"));
        assertThat(run.stdout()).as("stdout without a stack trace").doesNotContain("\tat ").doesNotContain("Exception");
        return lines.stream().filter(line -> line.startsWith(PREFIX)).findFirst().orElseThrow();
    }
}
