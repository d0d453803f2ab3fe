package org.carrel.circulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.carrel.testing.CarrelTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * A teacher's reservation for a unit: fillable from its first day on, passed by before that, dropped after its last
 * day if nobody filled it.
 */
@CarrelTest
@Import({CirculationFixtures.class, MovableClock.Config.class})
class ReservationTest {

    @Autowired
    CirculationFixtures fixtures;
    @Autowired
    Holds holds;
    @Autowired
    Circulation circulation;
    @Autowired
    MovableClock clock;

    String school;
    long schoolId;
    long record;
    String copy;
    long teacher;

    @BeforeEach
    void aTeacherAndATitleWithOneCopy() {
        school = fixtures.school();
        schoolId = fixtures.schoolId(school);
        record = fixtures.title("Number the Stars");
        copy = fixtures.copy(record, school);
        teacher = fixtures.patronId(fixtures.teacher(school));
    }

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    @Test
    void aReservationForNextMonthIsNotFilledByACopyCheckedInToday() {
        LocalDate from = MovableClock.START.plusMonths(1);
        long reservation = reserve(from, from.plusDays(14));

        CheckinResult.CheckedIn in = (CheckinResult.CheckedIn) circulation.checkin(copy, null, "desk");

        assertThat(in.routing()).isEqualTo(Routing.SHELF);
        assertThat(holds.hold(reservation).orElseThrow().waiting()).isTrue();
        assertThat(holds.pullList(schoolId)).as("not on the pull list before its first day")
                .noneSatisfy((hold, item) -> assertThat(hold.id()).isEqualTo(reservation));
    }

    @Test
    void aReservationIsFilledOnceItsFirstDayComes() {
        LocalDate from = MovableClock.START.plusMonths(1);
        long reservation = reserve(from, from.plusDays(14));
        String student = fixtures.student(school, "5");
        assertThat(circulation.checkout(CheckoutRequest.of(student, copy, "desk")))
                .as("before the first day the copy still lends").isInstanceOf(CheckoutResult.CheckedOut.class);

        clock.setDay(from);
        assertThat(holds.pullList(schoolId)).as("on its first day, not on the pull list while the copy is out")
                .isEmpty();
        CheckinResult.CheckedIn in = (CheckinResult.CheckedIn) circulation.checkin(copy, null, "desk");

        assertThat(in.routing()).isEqualTo(Routing.HOLD_SHELF);
        assertThat(in.holdId()).isEqualTo(reservation);
        assertThat(holds.hold(reservation).orElseThrow().ready()).isTrue();
    }

    @Test
    void aReservationOnTheShelfCopyIsOnThePullListFromItsFirstDay() {
        LocalDate from = MovableClock.START.plusDays(7);
        long reservation = reserve(from, from.plusDays(3));

        clock.setDay(from);

        assertThat(holds.pullList(schoolId)).hasSize(1)
                .allSatisfy((hold, item) -> assertThat(hold.id()).isEqualTo(reservation));
    }

    @Test
    void aReservationNobodyFilledIsDroppedAfterItsLastDay() {
        LocalDate from = MovableClock.START.plusDays(7);
        long reservation = reserve(from, from.plusDays(3));

        holds.expire(from.plusDays(3));
        assertThat(holds.hold(reservation)).as("its last day").isPresent();
        holds.expire(from.plusDays(4));
        assertThat(holds.hold(reservation)).isEmpty();
    }

    private long reserve(LocalDate from, LocalDate until) {
        HoldResult result = holds.place(new HoldRequest(teacher, record, null, schoolId, from, until, null, "test",
                null));
        assertThat(result).isInstanceOf(HoldResult.Placed.class);
        HoldView hold = ((HoldResult.Placed) result).hold();
        assertThat(hold.neededFrom()).isEqualTo(from);
        assertThat(hold.neededUntil()).isEqualTo(until);
        return hold.id();
    }
}
