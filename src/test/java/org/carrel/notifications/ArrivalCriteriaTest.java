package org.carrel.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.carrel.search.GradeBand;
import org.carrel.search.RecordProfile;
import org.junit.jupiter.api.Test;

/** Reading what a teacher types, and matching records' profiles against it; no Spring. */
class ArrivalCriteriaTest {

    @Test
    void aDeweyRangeHoldsItsEndsAndTheirSubdivisionsOnly() {
        DeweyRange range = DeweyRange.parse(" 590 \u2013 599 ").value();

        assertThat(range.text()).isEqualTo("590-599");
        assertThat(List.of("590", "590.1", "598.2", "599", "599.97")).allMatch(range::contains);
        assertThat(List.of("589.99", "600", "500", "5")).noneMatch(range::contains);
        assertThat(range.contains(null)).isFalse();
    }

    @Test
    void aSingleDeweyClassHoldsItsSubdivisionsButNotItsNeighbours() {
        DeweyRange owls = DeweyRange.parse("598.20").value();

        assertThat(owls.text()).isEqualTo("598.2");
        assertThat(List.of("598.2", "598.29", "598.2973")).allMatch(owls::contains);
        assertThat(List.of("598", "598.3", "598.19", "599.2")).noneMatch(owls::contains);
    }

    @Test
    void badDeweyRangesAreRefusedWithTheirReason() {
        for (String wrong : List.of("59", "5900", "590-59", "birds", "590-", "590 599", "598.2.1")) {
            assertThat(DeweyRange.parse(wrong).problem()).as(wrong).isEqualTo("notices.subscriptions.dewey.invalid");
        }
        assertThat(DeweyRange.parse("599-590").problem()).isEqualTo("notices.subscriptions.dewey.order");
        assertThat(DeweyRange.parse("598.3-598.2").problem()).isEqualTo("notices.subscriptions.dewey.order");
    }

    @Test
    void gradesAreReadAsBandsOfTheCatalogue() {
        assertThat(GradeRange.parse("3-5").value().bands()).containsExactly(GradeBand.GRADES_3_5);
        assertThat(GradeRange.parse("k - 2").value().text()).isEqualTo("K-2");
        assertThat(GradeRange.parse("K-2").value().bands()).containsExactly(GradeBand.K_2);
        assertThat(GradeRange.parse("4").value().bands()).containsExactly(GradeBand.GRADES_3_5);
        assertThat(GradeRange.parse("2-4").value().bands()).containsExactlyInAnyOrder(GradeBand.K_2,
                GradeBand.GRADES_3_5);
        assertThat(GradeRange.parse("PK").value().bands()).containsExactly(GradeBand.PRE_K);
        for (String wrong : List.of("0", "13", "3-13", "grade 4", "3 to 5", "A-C")) {
            assertThat(GradeRange.parse(wrong).problem()).as(wrong).isEqualTo("notices.subscriptions.grades.invalid");
        }
        assertThat(GradeRange.parse("5-3").problem()).isEqualTo("notices.subscriptions.grades.order");
    }

    @Test
    void criteriaNameEachProblemByItsField() {
        ArrivalCriteria.Read read = ArrivalCriteria.read(" , ", "600-500", "K-14", "x".repeat(201));

        assertThat(read.ok()).isFalse();
        assertThat(read.problems()).containsEntry("subjects", "notices.subscriptions.subjects.noWords")
                .containsEntry("dewey", "notices.subscriptions.dewey.order")
                .containsEntry("grades", "notices.subscriptions.grades.invalid")
                .containsEntry("keywords", "notices.subscriptions.keywords.tooLong").hasSize(4);
        assertThat(ArrivalCriteria.read("", " ", null, "").criteria().isEmpty()).isTrue();
    }

    @Test
    void criteriaAreWrittenBackTidyAndAsTheAddressOfTheirPage() {
        ArrivalCriteria criteria = ArrivalCriteria.read(" Birds ;  Food  chains", "590 - 599", "3-5", " owls  ")
                .criteria();

        assertThat(criteria).isEqualTo(new ArrivalCriteria("Birds, Food chains", "590-599", "3-5", "owls"));
        assertThat(criteria.query()).isEqualTo("subject=Birds%2C+Food+chains&dewey=590-599&grades=3-5&keywords=owls");
        assertThat(ArrivalCriteria.ANY.query()).isEmpty();
    }

    @Test
    void everyGivenPartMustMatchAndARecordWithoutALevelMatchesNoGrades() {
        RecordProfile owls = new RecordProfile(Set.of(GradeBand.GRADES_3_5), "598.97",
                List.of(Set.copyOf(RecordProfile.words("Owls -- North America")),
                        Set.copyOf(RecordProfile.words("Birds of prey"))),
                Set.copyOf(RecordProfile.words("Owls of North America Owls Birds of prey night hunters")));
        RecordProfile noLevel = new RecordProfile(Set.of(), "598.97", owls.headings(), owls.words());

        assertThat(filter("birds", "590-599", "3-5", "owl").matches(owls)).isTrue();
        assertThat(filter("Insects, Birds", null, null, null).matches(owls)).as("one subject of several").isTrue();
        assertThat(filter("north birds", null, null, null).matches(owls)).as("words of one heading").isFalse();
        assertThat(filter(null, "500-597", null, null).matches(owls)).isFalse();
        assertThat(filter(null, null, "K-2", null).matches(owls)).isFalse();
        assertThat(filter(null, null, "4", null).matches(owls)).isTrue();
        assertThat(filter(null, null, "3-5", null).matches(noLevel)).isFalse();
        assertThat(filter(null, "598", null, null).matches(noLevel)).isTrue();
        assertThat(filter(null, null, null, "hunter night").matches(owls)).as("stems, any order").isTrue();
        assertThat(filter(null, null, null, "owls day").matches(owls)).isFalse();
        assertThat(ArrivalCriteria.ANY.filter().matches(noLevel)).isTrue();
    }

    private static ArrivalCriteria.Filter filter(String subjects, String dewey, String grades, String keywords) {
        ArrivalCriteria.Read read = ArrivalCriteria.read(subjects, dewey, grades, keywords);
        assertThat(read.problems()).isEmpty();
        return read.criteria().filter();
    }
}
