package org.carrel.circulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.carrel.catalog.Copies;
import org.carrel.catalog.ItemStatus;
import org.carrel.circulation.CirculationEvents.HoldExpired;
import org.carrel.testing.CarrelTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Cancelling, suspending and expiring holds, and what the next check-in of the copy does afterwards. */
@CarrelTest
@RecordApplicationEvents
@Import({CirculationFixtures.class, MovableClock.Config.class})
class HoldChangesTest {

    @Autowired
    CirculationFixtures fixtures;
    @Autowired
    Holds holds;
    @Autowired
    Circulation circulation;
    @Autowired
    Copies copies;
    @Autowired
    MovableClock clock;
    @Autowired
    ApplicationEvents events;

    String school;
    long schoolId;
    long record;
    String copy;

    @BeforeEach
    void aTitleWithOneCopy() {
        school = fixtures.school();
        schoolId = fixtures.schoolId(school);
        record = fixtures.title("Frindle");
        copy = fixtures.copy(record, school);
    }

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    @Test
    void cancellingAWaitingHoldDeletesIt() {
        long hold = placed(HoldRequest.onTitle(student(), record, schoolId, "test"));

        assertThat(holds.cancel(hold, "librarian")).isTrue();

        assertThat(holds.hold(hold)).isEmpty();
        assertThat(holds.queue(record)).isEmpty();
        assertThat(circulation.checkin(copy, null, "desk")).extracting("routing").isEqualTo(Routing.SHELF);
    }

    @Test
    void cancellingAReadyHoldLeavesItExpiredAndTheNextCheckinRoutesTheCopyToTheNextHold() {
        long first = placed(HoldRequest.onTitle(student(), record, schoolId, "test"));
        long nextPatron = student();
        long next = placed(HoldRequest.onTitle(nextPatron, record, schoolId, "test"));
        assertThat(circulation.checkin(copy, null, "desk")).extracting("holdId").isEqualTo(first);

        assertThat(holds.cancel(first, "librarian")).isTrue();

        HoldView cancelled = holds.hold(first).orElseThrow();
        assertThat(cancelled.status()).isEqualTo("EXPIRED");
        assertThat(holds.holdShelf(schoolId)).extracting(HoldView::id, HoldView::status)
                .contains(org.assertj.core.groups.Tuple.tuple(first, "EXPIRED"));
        assertThat(copies.itemByBarcode(copy).orElseThrow().status()).as("still to be pulled")
                .isEqualTo(ItemStatus.ON_HOLD_SHELF);

        CheckinResult.CheckedIn pulled = (CheckinResult.CheckedIn) circulation.checkin(copy, null, "desk");

        assertThat(pulled.routing()).isEqualTo(Routing.HOLD_SHELF);
        assertThat(pulled.holdId()).isEqualTo(next);
        assertThat(pulled.holdFor().id()).isEqualTo(nextPatron);
        assertThat(holds.hold(first)).as("the cancelled hold is gone once its copy moved on").isEmpty();
        assertThat(holds.hold(next).orElseThrow().ready()).isTrue();
    }

    @Test
    void aSuspendedHoldIsSkippedUntilItsDayAndKeepsItsPlace() {
        long suspended = placed(HoldRequest.onTitle(student(), record, schoolId, "test"));
        long other = placed(HoldRequest.onTitle(student(), record, schoolId, "test"));
        LocalDate thursday = MovableClock.START.plusDays(3);
        assertThat(holds.suspend(suspended, thursday)).isTrue();
        assertThat(holds.position(holds.hold(suspended).orElseThrow())).as("keeps its place").isEqualTo(1);

        assertThat(circulation.checkin(copy, null, "desk")).extracting("holdId").as("skips the suspended hold")
                .isEqualTo(other);
        assertThat(holds.cancel(other, "test")).isTrue();
        clock.setDay(thursday.minusDays(1));
        assertThat(circulation.checkin(copy, null, "desk")).extracting("routing").isEqualTo(Routing.SHELF);
        assertThat(holds.hold(suspended).orElseThrow().waiting()).isTrue();

        clock.setDay(thursday);
        assertThat(circulation.checkin(copy, null, "desk")).extracting("holdId").isEqualTo(suspended);
        assertThat(holds.hold(suspended).orElseThrow().ready()).isTrue();
    }

    @Test
    void resumingASuspendedHoldMakesItFillableAgainAndOnlyWaitingHoldsCanBeSuspended() {
        long hold = placed(HoldRequest.onTitle(student(), record, schoolId, "test"));
        assertThat(holds.suspend(hold, MovableClock.START.plusDays(10))).isTrue();
        assertThat(holds.suspend(hold, null)).isTrue();

        assertThat(circulation.checkin(copy, null, "desk")).extracting("holdId").isEqualTo(hold);
        assertThat(holds.suspend(hold, MovableClock.START.plusDays(10))).as("ready: not suspended").isFalse();
    }

    @Test
    void expiringTakesUncollectedReadyHoldsOffTheShelfAndDropsWaitingHoldsPastTheirDay() {
        long ready = placed(HoldRequest.onTitle(student(), record, schoolId, "test"));
        assertThat(circulation.checkin(copy, null, "desk")).extracting("holdId").isEqualTo(ready);
        LocalDate pickupBy = holds.hold(ready).orElseThrow().pickupBy();
        long other = fixtures.title("The Phantom Tollbooth");
        fixtures.copy(other, school);
        LocalDate lastDay = MovableClock.START.plusDays(2);
        long notNeeded = placed(new HoldRequest(student(), other, null, schoolId, null, null, lastDay, "test", null));
        long stillNeeded = placed(new HoldRequest(student(), other, null, schoolId, null, null, pickupBy.plusDays(5),
                "test", null));

        int[] onTheLastDay = holds.expire(pickupBy);
        assertThat(holds.hold(ready).orElseThrow().status()).as("its pickup day is not over").isEqualTo("READY");
        assertThat(holds.hold(notNeeded)).as("past its last day").isEmpty();
        assertThat(onTheLastDay[1]).isGreaterThanOrEqualTo(1);

        int[] theDayAfter = holds.expire(pickupBy.plusDays(1));

        assertThat(theDayAfter[0]).isGreaterThanOrEqualTo(1);
        assertThat(holds.hold(ready).orElseThrow().status()).isEqualTo("EXPIRED");
        assertThat(events.stream(HoldExpired.class).filter(e -> e.holdId() == ready)).hasSize(1);
        assertThat(holds.hold(stillNeeded).orElseThrow().waiting()).isTrue();
        assertThat(circulation.checkin(copy, null, "desk")).as("the expired hold's copy goes back to the shelf")
                .extracting("routing").isEqualTo(Routing.SHELF);
    }

    private long student() {
        return fixtures.patronId(fixtures.student(school, "5"));
    }

    private long placed(HoldRequest request) {
        HoldResult result = holds.place(request);
        assertThat(result).isInstanceOf(HoldResult.Placed.class);
        return ((HoldResult.Placed) result).hold().id();
    }
}
