package org.carrel.patrons;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.carrel.district.District;
import org.carrel.district.SchoolForm;
import org.carrel.testing.CarrelTest;
import org.carrel.testing.Skips;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The real OneRoster packages of {@code CARREL_SHARED_DATA/oneroster} (the Moodle plugin's fixtures: 1.1 full and
 * minimal sets, two 1.2 sets), each as a folder and as a zip: every user line becomes a patron once a school is named
 * for their department (whose parent school is not in the packages), the only lines refused are terms that lie
 * outside every school year (the packages' own defect), and a second run changes nothing. CI sets the variable;
 * elsewhere the test is skipped with that reason.
 */
@CarrelTest
class SharedRosterImportTest {

    @Autowired
    RosterImport imports;
    @Autowired
    PatronStore store;
    @Autowired
    District district;

    private Path folder;

    @BeforeEach
    void sharedData() {
        String shared = System.getenv("CARREL_SHARED_DATA");
        Skips.skipUnless(shared != null && !shared.isBlank(),
                "real OneRoster imports skipped: set CARREL_SHARED_DATA to the shared data folder (CI does)");
        folder = Path.of(shared, "oneroster", "catalyst-moodle-enrol_oneroster");
        if (district.school("ORT").isEmpty()) {
            assertThat(district.createSchool(new SchoolForm("ORT", "OneRoster Test High", "9", "12", "HIGH", null,
                    null, null, null, null, null), "test").saved()).isTrue();
        }
    }

    @Test
    void everyPackageImportsEveryUserAndARerunChangesNothing() throws Exception {
        List<Path> packages;
        try (Stream<Path> listing = Files.list(folder)) {
            packages = listing.sorted().toList();
        }
        assertThat(packages).hasSize(8);
        RosterImport.Options options = new RosterImport.Options("ORT", false, false, false);
        for (Path roster : packages) {
            Set<String> users = users(roster);
            RosterReport first = imports.run(roster, options, "test");
            // The packages' terms start before their school year (or have none): those lines, and only those, are
            // refused; every user is imported.
            assertThat(first.rejected()).as(roster.getFileName().toString()).allSatisfy(problem -> {
                assertThat(problem.file()).isEqualTo("academicSessions.csv");
                assertThat(problem.reason()).startsWith("bad date: the ").endsWith("lies in no school year of its"
                        + " schools");
            });
            assertThat(first.added() + first.updated() + first.unchanged()).as(roster + " users")
                    .isEqualTo(users.size());
            assertThat(store.rostered().keySet()).as(roster.toString()).containsAll(users);
            RosterReport again = imports.run(roster, options, "test");
            assertThat(List.of(again.added(), again.updated(), again.deactivated())).as(roster.toString())
                    .containsExactly(0, 0, 0);
        }
    }

    /** The sourcedIds of the users a package's users.csv holds (not those marked to be deleted). */
    private static Set<String> users(Path roster) throws IOException {
        byte[] bytes;
        if (Files.isDirectory(roster)) {
            bytes = Files.readAllBytes(roster.resolve("users.csv"));
        } else {
            try {
                bytes = RosterFiles.open(roster).file("users.csv").orElseThrow().getValue();
            } catch (RosterFiles.Unreadable e) {
                throw new IOException(e);
            }
        }
        Set<String> ids = new HashSet<>();
        for (RosterCsv.Line line : RosterCsv.read("users.csv", bytes, Set.of("sourcedId")).lines()) {
            if (!line.get("status").toLowerCase(Locale.ROOT).equals("tobedeleted")) {
                ids.add(line.get("sourcedId"));
            }
        }
        return ids;
    }
}
