package org.carrel.patrons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.carrel.district.Grade;
import org.carrel.district.SchoolLevel;
import org.carrel.district.SchoolView;
import org.carrel.patrons.RolloverPreview.Outcome;
import org.junit.jupiter.api.Test;

/** The rollover's rules without a database: promotions, receiving schools, graduation and what is left alone. */
class RolloverPlanTest {

    private static final SchoolView ASPEN = school(1, "Aspen Elementary", "K", "5");
    private static final SchoolView BIRCH = school(2, "Birch Middle", "6", "8");
    private static final SchoolView CHESTNUT = school(3, "Chestnut Middle", "6", "8");
    private static final SchoolView ACADEMY = school(4, "Academy 6-12", "6", "12");
    private static final SchoolView DUNE = school(5, "Dune Upper Elementary", "3", "6");

    private static SchoolView school(long id, String name, String lowest, String highest) {
        return new SchoolView(id, "S" + id, name, Grade.parse(lowest).orElseThrow(), Grade.parse(highest).orElseThrow(),
                SchoolLevel.OTHER, null, null, null, null, null, 0);
    }

    private final List<RolloverPlan.Student> students = new ArrayList<>();

    private long student(SchoolView school, String grade) {
        long id = students.size() + 1;
        students.add(new RolloverPlan.Student(id, "Kid " + id, "B" + id, school.id(),
                grade == null ? null : Grade.parse(grade).orElseThrow()));
        return id;
    }

    private RolloverPlan.Change change(RolloverPlan.Planned planned, long id) {
        return planned.changes().stream().filter(c -> c.student().id() == id).findFirst().orElseThrow();
    }

    @Test
    void promotesEveryoneAndSendsTheTopGradeToTheFirstSchoolByNameThatTeachesTheNextGrade() {
        long kinder = student(ASPEN, "K");
        long fifth = student(ASPEN, "5");
        long eighth = student(BIRCH, "8");
        long twelfth = student(ACADEMY, "12");
        List<SchoolView> byName = List.of(ACADEMY, ASPEN, BIRCH, CHESTNUT);

        RolloverPlan.Planned planned = RolloverPlan.plan("2027-2028", byName, students, Map.of(),
                ChargesChoice.KEEP, null);

        assertThat(change(planned, kinder)).extracting(RolloverPlan.Change::outcome, c -> c.grade().label(),
                RolloverPlan.Change::schoolId).containsExactly(Outcome.STAY, "1", ASPEN.id());
        assertThat(change(planned, fifth)).extracting(RolloverPlan.Change::outcome, c -> c.grade().label(),
                RolloverPlan.Change::schoolId).containsExactly(Outcome.MOVE, "6", ACADEMY.id());
        assertThat(change(planned, eighth)).extracting(RolloverPlan.Change::outcome, c -> c.grade().label(),
                RolloverPlan.Change::schoolId).containsExactly(Outcome.MOVE, "9", ACADEMY.id());
        assertThat(change(planned, twelfth).outcome()).isEqualTo(Outcome.GRADUATE);
        assertThat(planned.preview().problems()).isEmpty();
        assertThat(planned.preview().totals()).isEqualTo(new RolloverPreview.Totals(1, 2, 1, 0, 0));
        assertThat(planned.preview().leaving()).extracting(RolloverPreview.Leaver::patronId)
                .containsExactly(fifth, eighth, twelfth);
        assertThat(planned.preview().choices()).extracting(RolloverPreview.SchoolChoice::schoolName)
                .containsExactly("Aspen Elementary", "Birch Middle", "Chestnut Middle");
    }

    @Test
    void theAdminsChoiceOfReceivingSchoolOrTransferIsFollowed() {
        long fifth = student(ASPEN, "5");
        long eighth = student(BIRCH, "8");
        List<SchoolView> byName = List.of(ACADEMY, ASPEN, BIRCH, CHESTNUT);

        RolloverPlan.Planned planned = RolloverPlan.plan("2027-2028", byName, students,
                Map.of(ASPEN.id(), String.valueOf(CHESTNUT.id()), BIRCH.id(), RolloverPreview.TRANSFER),
                ChargesChoice.CLEAR, null);

        assertThat(change(planned, fifth).schoolId()).isEqualTo(CHESTNUT.id());
        assertThat(change(planned, eighth)).extracting(RolloverPlan.Change::outcome, RolloverPlan.Change::schoolId,
                c -> c.grade().label()).containsExactly(Outcome.TRANSFER, BIRCH.id(), "9");
        assertThat(planned.preview().rows()).filteredOn(r -> r.schoolId() == ASPEN.id()).singleElement()
                .extracting(RolloverPreview.GradeRow::move, RolloverPreview.GradeRow::moveTo)
                .containsExactly(1, "Chestnut Middle");
    }

    @Test
    void aSchoolWithNoPossibleReceiverIsAProblemUntilTheAdminChoosesTransfer() {
        student(BIRCH, "8");
        student(BIRCH, "7");
        List<SchoolView> noHighSchool = List.of(ASPEN, BIRCH);

        RolloverPlan.Planned refused = RolloverPlan.plan("2027-2028", noHighSchool, students, Map.of(),
                ChargesChoice.KEEP, null);
        RolloverPlan.Planned transferred = RolloverPlan.plan("2027-2028", noHighSchool, students,
                Map.of(BIRCH.id(), RolloverPreview.TRANSFER), ChargesChoice.KEEP, null);

        assertThat(refused.preview().problems()).singleElement().extracting(RolloverPreview.Notice::key)
                .isEqualTo("patrons.rollover.choice.none");
        assertThat(refused.preview().problems().get(0).args()).containsExactly("Birch Middle", 1, "9");
        assertThat(refused.preview().canApply()).isFalse();
        assertThat(refused.preview().unchanged()).singleElement()
                .extracting(RolloverPreview.Unchanged::reasonKey).isEqualTo("patrons.rollover.unchanged.noChoice");
        assertThat(transferred.preview().problems()).isEmpty();
        assertThat(transferred.preview().totals()).isEqualTo(new RolloverPreview.Totals(1, 0, 0, 1, 0));
        assertThat(transferred.preview().canApply()).isTrue();
    }

    @Test
    void aChoiceOfASchoolThatCannotReceiveOrAnUnknownChargesChoiceIsAProblem() {
        student(ASPEN, "5");

        RolloverPlan.Planned planned = RolloverPlan.plan("2027-2028", List.of(ASPEN, BIRCH), students,
                Map.of(ASPEN.id(), String.valueOf(ASPEN.id())), null, null);

        assertThat(planned.preview().problems()).extracting(RolloverPreview.Notice::key)
                .containsExactlyInAnyOrder("patrons.rollover.choice.invalid", "patrons.rollover.charges.invalid");
    }

    @Test
    void studentsWithoutAGradeOrWhoseNewGradeTheReceiverDoesNotTeachAreLeftUnchangedAndListed() {
        long noGrade = student(ASPEN, null);
        long oddOne = student(ASPEN, "8");
        long sixth = student(DUNE, "6");

        RolloverPlan.Planned planned = RolloverPlan.plan("2027-2028", List.of(ASPEN, BIRCH, DUNE), students,
                Map.of(), ChargesChoice.KEEP, null);

        assertThat(planned.changes()).extracting(c -> c.student().id()).containsExactly(sixth);
        assertThat(change(planned, sixth)).extracting(RolloverPlan.Change::schoolId, c -> c.grade().label())
                .containsExactly(BIRCH.id(), "7");
        assertThat(planned.preview().unchanged()).extracting(RolloverPreview.Unchanged::patronId,
                RolloverPreview.Unchanged::reasonKey).containsExactly(
                org.assertj.core.groups.Tuple.tuple(noGrade, "patrons.rollover.unchanged.noGrade"),
                org.assertj.core.groups.Tuple.tuple(oddOne, "patrons.rollover.unchanged.gradeNotTaught"));
    }

    @Test
    void theFingerprintChangesWhenAStudentOrAChoiceChanges() {
        student(ASPEN, "5");
        List<SchoolView> schools = List.of(ASPEN, BIRCH, CHESTNUT);
        String before = RolloverPlan.plan("2027-2028", schools, students, Map.of(), ChargesChoice.KEEP, null)
                .preview().fingerprint();

        String same = RolloverPlan.plan("2027-2028", schools, students, Map.of(), ChargesChoice.KEEP, null)
                .preview().fingerprint();
        String otherSchool = RolloverPlan.plan("2027-2028", schools, students,
                Map.of(ASPEN.id(), String.valueOf(CHESTNUT.id())), ChargesChoice.KEEP, null).preview().fingerprint();
        student(ASPEN, "3");
        String oneMore = RolloverPlan.plan("2027-2028", schools, students, Map.of(), ChargesChoice.KEEP, null)
                .preview().fingerprint();

        assertThat(same).isEqualTo(before);
        assertThat(otherSchool).isNotEqualTo(before);
        assertThat(oneMore).isNotEqualTo(before);
    }
}
