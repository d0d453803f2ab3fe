package org.carrel.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.carrel.catalog.marc.BasicDescription;
import org.carrel.catalog.marc.Description;
import org.carrel.catalog.marc.RecordBuilder;
import org.junit.jupiter.api.Test;

/** What a record is about as the index files it, for matching outside the index; no Spring. */
class RecordProfileTest {

    @Test
    void deweyNumbersAreReadWithTheirDecimalsAndTheFacetKeepsTheHundreds() {
        assertThat(RecordProfile.deweyNumber("598.97 HAR")).isEqualTo("598.97");
        assertThat(RecordProfile.deweyNumber("J 598.2 H")).isEqualTo("598.2");
        assertThat(RecordProfile.deweyNumber("REF 030 WOR")).isEqualTo("030");
        assertThat(RecordProfile.deweyNumber("641.5/973 SMI")).as("a segmentation mark").isEqualTo("641.5973");
        assertThat(RecordProfile.deweyNumber("598/.2")).isEqualTo("598.2");
        assertThat(RecordProfile.deweyNumber("599")).isEqualTo("599");
        assertThat(RecordProfile.deweyNumber("598. HAR")).isEqualTo("598");
        for (String none : new String[] {"FIC WHI", "E SEU", "5982", "B LIN", "", null}) {
            assertThat(RecordProfile.deweyNumber(none)).as(none).isNull();
        }
        assertThat(RecordDocuments.deweyClass("598.97 HAR")).isEqualTo("500");
        assertThat(RecordDocuments.deweyClass("599/HAR")).isEqualTo("500");
        assertThat(RecordDocuments.deweyClass("FIC WHI")).isNull();
    }

    @Test
    void aRecordsProfileHasItsGradeBandsDeweyHeadingsAndWords() {
        Description d = Description.of(RecordBuilder.build(new BasicDescription("Owls of North America",
                "night hunters", "Harris, Mark", List.of(), "Press", 2024,
                List.of("Owls -- North America", "Birds of prey"), "Meet the owls that hunt at night.", null,
                "Grades 3-5", "598.97 HAR", "BOOK", "eng"), LocalDate.of(2026, 11, 1)));

        RecordProfile profile = RecordProfile.of(d, null);

        assertThat(profile.gradeBands()).containsExactly(GradeBand.GRADES_3_5);
        assertThat(profile.dewey()).isEqualTo("598.97");
        assertThat(RecordProfile.of(d, "J 599.2 HAR").dewey()).as("a copy's own call number first")
                .isEqualTo("599.2");
        assertThat(profile.headings()).containsExactly(Set.of("owl", "north", "america"),
                Set.of("bird", "of", "prei"));
        assertThat(profile.words()).contains("owl", "hunter", "night", "meet", "bird");
        assertThat(RecordProfile.words("Owls")).containsExactly("owl");
        assertThat(GradeBand.ofGrades(2, 4)).containsExactly(GradeBand.K_2, GradeBand.GRADES_3_5);
    }
}
