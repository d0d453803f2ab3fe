package org.carrel.circulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.carrel.testing.CarrelTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** A title's queue: teachers first when the district says so, then first come, first served; and the refusals. */
@CarrelTest
@Import({CirculationFixtures.class, MovableClock.Config.class})
class HoldQueueTest {

    @Autowired
    CirculationFixtures fixtures;
    @Autowired
    Holds holds;
    @Autowired
    Circulation circulation;
    @Autowired
    RuleStore rules;
    @Autowired
    MovableClock clock;

    String school;
    long schoolId;
    long record;
    CirculationSettings before;

    @BeforeEach
    void aTitleWithACopy() {
        school = fixtures.school();
        schoolId = fixtures.schoolId(school);
        record = fixtures.title("Wonder");
        fixtures.copy(record, school);
        before = rules.settings();
    }

    @AfterEach
    void putTheSettingsBack() {
        CirculationSettings now = rules.settings();
        rules.updateSettings(new CirculationSettings(before.lostAfterDays(), before.holdShelfDays(),
                before.teachersFirst(), before.interSchoolHolds(), before.defaultReplacement(), now.version()));
        clock.reset();
    }

    @Test
    void teachersComeFirstWhenTheSettingIsOnThenEachInTheOrderTheyCame() {
        teachersFirst(true);
        long student1 = place(fixtures.student(school, "4"));
        long teacher1 = place(fixtures.teacher(school));
        long student2 = place(fixtures.student(school, "5"));
        long teacher2 = place(fixtures.teacher(school));

        assertThat(queue()).containsExactly(teacher1, teacher2, student1, student2);
        assertThat(holds.queue(record).stream().map(holds::position).toList()).containsExactly(1, 2, 3, 4);
        assertThat(holds.queue(record).get(0).priority()).isEqualTo(Holds.TEACHER_PRIORITY);
    }

    @Test
    void withoutTeachersFirstTheQueueIsFirstComeFirstServed() {
        teachersFirst(false);
        long student1 = place(fixtures.student(school, "4"));
        long teacher = place(fixtures.teacher(school));
        long student2 = place(fixtures.student(school, "5"));

        assertThat(queue()).containsExactly(student1, teacher, student2);
        assertThat(holds.queue(record).get(1).priority()).isZero();
    }

    @Test
    void placingAnswersWithThePlaceInLine() {
        teachersFirst(true);
        place(fixtures.student(school, "4"));
        HoldResult teacher = holds.place(HoldRequest.onTitle(fixtures.patronId(fixtures.teacher(school)), record,
                schoolId, "test"));
        assertThat(teacher).isInstanceOf(HoldResult.Placed.class);
        assertThat(((HoldResult.Placed) teacher).position()).as("ahead of the student").isEqualTo(1);
    }

    @Test
    void refusesASecondHoldOnTheSameTitleAndAHoldOnATitleThePatronHasOut() {
        String student = fixtures.student(school, "4");
        place(student);
        assertThat(holds.place(HoldRequest.onTitle(fixtures.patronId(student), record, schoolId, "test")))
                .isEqualTo(new HoldResult.Refused(Refusal.ALREADY_HELD));

        long other = fixtures.title("Holes");
        String copy = fixtures.copy(other, school);
        String reader = fixtures.student(school, "4");
        assertThat(circulation.checkout(CheckoutRequest.of(reader, copy, "desk")))
                .isInstanceOf(CheckoutResult.CheckedOut.class);
        assertThat(holds.place(HoldRequest.onTitle(fixtures.patronId(reader), other, schoolId, "test")))
                .isEqualTo(new HoldResult.Refused(Refusal.ALREADY_HELD));
    }

    @Test
    void refusesWhenTheLoanRuleAllowsNoHoldsUnlessStaffOverrideWithAReason() {
        rules.insert(new LoanRule(0, schoolId, null, null, null, null, LoanPeriod.days(14), 5, 2, false, null, null,
                0));
        long student = fixtures.patronId(fixtures.student(school, "4"));
        assertThat(holds.place(HoldRequest.onTitle(student, record, schoolId, "test")))
                .isEqualTo(new HoldResult.Refused(Refusal.HOLDS_NOT_ALLOWED));

        HoldResult overridden = holds.place(new HoldRequest(student, record, null, schoolId, null, null, null,
                "librarian", "Needed for a project"));
        assertThat(overridden).isInstanceOf(HoldResult.Placed.class);
    }

    @Test
    void refusesATitleWithoutACopyThatCouldFillTheHold() {
        long noCopies = fixtures.title("Not yet bought");
        long student = fixtures.patronId(fixtures.student(school, "4"));
        assertThat(holds.place(HoldRequest.onTitle(student, noCopies, schoolId, "test")))
                .isEqualTo(new HoldResult.Refused(Refusal.NO_HOLDABLE_COPY));

        long reference = fixtures.title("An atlas");
        fixtures.copy(reference, school, "REFERENCE");
        rules.insert(new LoanRule(0, schoolId, null, null, null, org.carrel.catalog.ItemType.REFERENCE,
                LoanPeriod.days(1), 0, 0, false, null, null, 0));
        assertThat(holds.place(HoldRequest.onTitle(student, reference, schoolId, "test")))
                .as("its only copy is not for loan").isEqualTo(new HoldResult.Refused(Refusal.NO_HOLDABLE_COPY));
    }

    private long place(String patronBarcode) {
        clock.advance(Duration.ofMinutes(1));
        HoldResult result = holds.place(HoldRequest.onTitle(fixtures.patronId(patronBarcode), record, schoolId,
                "test"));
        assertThat(result).isInstanceOf(HoldResult.Placed.class);
        return ((HoldResult.Placed) result).hold().patronId();
    }

    private List<Long> queue() {
        return holds.queue(record).stream().map(HoldView::patronId).toList();
    }

    private void teachersFirst(boolean on) {
        CirculationSettings s = rules.settings();
        assertThat(rules.updateSettings(new CirculationSettings(s.lostAfterDays(), s.holdShelfDays(), on,
                s.interSchoolHolds(), s.defaultReplacement(), s.version()))).isTrue();
    }
}
