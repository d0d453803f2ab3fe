package org.carrel.circulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.carrel.catalog.Copies;
import org.carrel.catalog.ItemStatus;
import org.carrel.circulation.CirculationEvents.HoldBecameReady;
import org.carrel.district.ClosedDayForm;
import org.carrel.district.District;
import org.carrel.district.SchoolYearForm;
import org.carrel.testing.CarrelTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * A copy scanned in fills the next hold it can: on the hold shelf when it is at the pickup school (ready until a
 * number of open days ahead), in transit to the pickup school otherwise, ready once it arrives there. A hold on one
 * copy takes only that copy.
 */
@CarrelTest
@RecordApplicationEvents
@Import({CirculationFixtures.class, MovableClock.Config.class})
class HoldRoutingTest {

    @Autowired
    CirculationFixtures fixtures;
    @Autowired
    Holds holds;
    @Autowired
    Circulation circulation;
    @Autowired
    Copies copies;
    @Autowired
    District district;
    @Autowired
    RuleStore rules;
    @Autowired
    MovableClock clock;
    @Autowired
    ApplicationEvents events;

    String oak;
    long oakId;
    long record;
    CirculationSettings before;

    @BeforeEach
    void aSchoolAndATitle() {
        oak = fixtures.school();
        oakId = fixtures.schoolId(oak);
        record = fixtures.title("Because of Winn-Dixie");
        before = rules.settings();
    }

    @AfterEach
    void putTheSettingsAndTheClockBack() {
        CirculationSettings now = rules.settings();
        rules.updateSettings(new CirculationSettings(before.lostAfterDays(), before.holdShelfDays(),
                before.teachersFirst(), before.interSchoolHolds(), before.defaultReplacement(), now.version()));
        clock.reset();
    }

    @Test
    void aCopyReturnedAtThePickupSchoolGoesOnTheHoldShelfUntilFiveOpenDaysAhead() {
        settings(5, true);
        assertThat(district.setSchoolYear(oakId, new SchoolYearForm("2029-2030", "2029-08-20", "2030-06-14", 0L),
                "test").saved()).isTrue();
        assertThat(district.addClosedDay(oakId, new ClosedDayForm("2030-03-06", "Teacher training"), "test")
                .saved()).isTrue();
        String copy = fixtures.copy(record, oak);
        circulation.checkout(CheckoutRequest.of(fixtures.student(oak, "3"), copy, "desk"));
        long waiting = fixtures.patronId(fixtures.student(oak, "4"));
        long hold = placed(HoldRequest.onTitle(waiting, record, oakId, "test"));

        CheckinResult.CheckedIn in = (CheckinResult.CheckedIn) circulation.checkin(copy, null, "desk");

        // Monday 4 March: Tuesday, (Wednesday closed), Thursday, Friday, Monday, Tuesday 12 March.
        LocalDate pickupBy = LocalDate.of(2030, 3, 12);
        assertThat(clock.today()).isEqualTo(MovableClock.START);
        assertThat(in.routing()).isEqualTo(Routing.HOLD_SHELF);
        assertThat(in.holdId()).isEqualTo(hold);
        assertThat(in.holdFor().id()).isEqualTo(waiting);
        assertThat(in.pickupBy()).isEqualTo(pickupBy);
        HoldView ready = holds.hold(hold).orElseThrow();
        assertThat(ready.status()).isEqualTo("READY");
        assertThat(ready.pickupBy()).isEqualTo(pickupBy);
        assertThat(ready.trappedItemId()).isEqualTo(copies.itemByBarcode(copy).orElseThrow().id());
        assertThat(copies.itemByBarcode(copy).orElseThrow().status()).isEqualTo(ItemStatus.ON_HOLD_SHELF);
        assertThat(holds.holdShelf(oakId)).extracting(HoldView::id).containsExactly(hold);
        assertThat(events.stream(HoldBecameReady.class).filter(e -> e.holdId() == hold))
                .containsExactly(new HoldBecameReady(hold, waiting, ready.trappedItemId(), oakId, pickupBy));
    }

    @Test
    void aCopyOfAnotherSchoolTravelsToThePickupSchoolAndIsReadyWhenScannedInThere() {
        settings(7, true);
        String pine = fixtures.school();
        long pineId = fixtures.schoolId(pine);
        String copy = fixtures.copy(record, oak);
        circulation.checkout(CheckoutRequest.of(fixtures.student(oak, "3"), copy, "desk"));
        long waiting = fixtures.patronId(fixtures.teacher(pine));
        long hold = placed(HoldRequest.onTitle(waiting, record, pineId, "test"));
        long itemId = copies.itemByBarcode(copy).orElseThrow().id();

        CheckinResult.CheckedIn atOak = (CheckinResult.CheckedIn) circulation.checkin(copy, oakId, "desk");

        assertThat(atOak.routing()).isEqualTo(Routing.TRANSIT);
        assertThat(atOak.destinationSchoolId()).isEqualTo(pineId);
        assertThat(atOak.holdId()).isEqualTo(hold);
        assertThat(holds.hold(hold).orElseThrow().status()).isEqualTo("IN_TRANSIT");
        assertThat(copies.itemByBarcode(copy).orElseThrow().status()).isEqualTo(ItemStatus.IN_TRANSIT);
        assertThat(holds.outgoing(oakId)).extracting(TransitView::itemId).containsExactly(itemId);
        assertThat(holds.incoming(pineId)).extracting(TransitView::itemId, TransitView::holdId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(itemId, hold));
        assertThat(events.stream(HoldBecameReady.class).filter(e -> e.holdId() == hold)).isEmpty();

        CheckinResult.CheckedIn atPine = (CheckinResult.CheckedIn) circulation.checkin(copy, pineId, "desk");

        assertThat(atPine.routing()).isEqualTo(Routing.HOLD_SHELF);
        HoldView ready = holds.hold(hold).orElseThrow();
        assertThat(ready.status()).isEqualTo("READY");
        assertThat(ready.pickupBy()).isEqualTo(LocalDate.of(2030, 3, 13));
        assertThat(holds.incoming(pineId)).isEmpty();
        assertThat(holds.holdShelf(pineId)).extracting(HoldView::id).containsExactly(hold);
        assertThat(events.stream(HoldBecameReady.class).filter(e -> e.holdId() == hold))
                .containsExactly(new HoldBecameReady(hold, waiting, itemId, pineId, LocalDate.of(2030, 3, 13)));
    }

    @Test
    void withoutInterSchoolHoldsACopyOnlyFillsHoldsForPickupAtItsOwnSchool() {
        settings(7, false);
        String pine = fixtures.school();
        String copy = fixtures.copy(record, oak);
        long hold = placed(HoldRequest.onTitle(fixtures.patronId(fixtures.student(pine, "4")), record,
                fixtures.schoolId(pine), "test"));

        CheckinResult.CheckedIn in = (CheckinResult.CheckedIn) circulation.checkin(copy, oakId, "desk");

        assertThat(in.routing()).isEqualTo(Routing.SHELF);
        assertThat(holds.hold(hold).orElseThrow().waiting()).isTrue();
    }

    @Test
    void aHoldOnOneCopyIsFilledByThatCopyOnly() {
        settings(7, true);
        String first = fixtures.copy(record, oak);
        String second = fixtures.copy(record, oak);
        long secondId = copies.itemByBarcode(second).orElseThrow().id();
        long hold = placed(new HoldRequest(fixtures.patronId(fixtures.student(oak, "4")), record, secondId, oakId,
                null, null, null, "test", null));

        CheckinResult.CheckedIn other = (CheckinResult.CheckedIn) circulation.checkin(first, null, "desk");
        assertThat(other.routing()).isEqualTo(Routing.SHELF);
        assertThat(holds.hold(hold).orElseThrow().waiting()).isTrue();
        assertThat(holds.pullList(oakId).entrySet()).as("the pull list names that copy")
                .anyMatch(e -> e.getKey().id() == hold && e.getValue().id() == secondId);

        CheckinResult.CheckedIn asked = (CheckinResult.CheckedIn) circulation.checkin(second, null, "desk");
        assertThat(asked.routing()).isEqualTo(Routing.HOLD_SHELF);
        assertThat(holds.hold(hold).orElseThrow().trappedItemId()).isEqualTo(secondId);
    }

    private long placed(HoldRequest request) {
        HoldResult result = holds.place(request);
        assertThat(result).isInstanceOf(HoldResult.Placed.class);
        return ((HoldResult.Placed) result).hold().id();
    }

    private void settings(int holdShelfDays, boolean interSchool) {
        CirculationSettings s = rules.settings();
        assertThat(rules.updateSettings(new CirculationSettings(s.lostAfterDays(), holdShelfDays, s.teachersFirst(),
                interSchool, s.defaultReplacement(), s.version()))).isTrue();
    }
}
