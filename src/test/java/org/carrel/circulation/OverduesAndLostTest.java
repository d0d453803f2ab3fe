package org.carrel.circulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import org.carrel.catalog.Copies;
import org.carrel.catalog.ItemStatus;
import org.carrel.circulation.CirculationEvents.ItemDeclaredLost;
import org.carrel.circulation.CirculationEvents.LoanBecameOverdue;
import org.carrel.testing.CarrelTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Overdue fines at check-in, overdue reports, lost copies and their replacement charges, claims returned. */
@CarrelTest
@Import(CirculationFixtures.class)
@RecordApplicationEvents
class OverduesAndLostTest {

    @Autowired
    CirculationFixtures fixtures;
    @Autowired
    Circulation circulation;
    @Autowired
    Charges charges;
    @Autowired
    RuleStore rules;
    @Autowired
    Copies copies;
    @Autowired
    CirculationTime time;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    String school;
    long record;
    String student;
    ZonedDateTime now;

    @BeforeEach
    void aSchoolATitleAndAStudent() {
        school = fixtures.school();
        record = fixtures.title("Hatchet");
        student = fixtures.student(school, "5");
        now = time.now();
    }

    private LoanView lend(String copy) {
        CheckoutResult out = circulation.checkout(CheckoutRequest.of(student, copy, "desk"));
        assertThat(out).isInstanceOf(CheckoutResult.CheckedOut.class);
        return ((CheckoutResult.CheckedOut) out).loan();
    }

    /** Weekdays after {@code dueOn} up to today: a school without a school year is closed on weekends only. */
    private static int weekdaysAfter(LocalDate dueOn, LocalDate today) {
        int days = 0;
        for (LocalDate d = dueOn.plusDays(1); !d.isAfter(today); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days++;
            }
        }
        return days;
    }

    private int lostAfterDays() {
        return rules.settings().lostAfterDays();
    }

    @Test
    void chargesTheRulesDailyFineForEachOpenDayLateUpToItsCap() {
        rules.insert(new LoanRule(0, fixtures.schoolId(school), null, null, null, null, LoanPeriod.days(14), 5, 2,
                true, new BigDecimal("0.25"), new BigDecimal("2.00"), 0));
        String recent = fixtures.copy(record, school);
        String old = fixtures.copy(record, school);
        LoanView threeDays = lend(recent);
        LoanView thirtyDays = lend(old);
        fixtures.makeDue(threeDays.id(), now, 3);
        fixtures.makeDue(thirtyDays.id(), now, 30);

        CheckinResult.CheckedIn back = (CheckinResult.CheckedIn) circulation.checkin(recent, null, "desk");
        CheckinResult.CheckedIn capped = (CheckinResult.CheckedIn) circulation.checkin(old, null, "desk");

        int openDays = weekdaysAfter(now.toLocalDate().minusDays(3), now.toLocalDate());
        assertThat(back.overdueDays()).isEqualTo(openDays);
        assertThat(back.fine()).isEqualByComparingTo(new BigDecimal("0.25").multiply(BigDecimal.valueOf(openDays)));
        assertThat(capped.fine()).isEqualByComparingTo("2.00");
        assertThat(charges.ownCharges(fixtures.patronId(student))).extracting(ChargeView::kind, ChargeView::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("OVERDUE", back.fine()),
                        org.assertj.core.groups.Tuple.tuple("OVERDUE", new BigDecimal("2.00")));
    }

    @Test
    void aFineFreeLoanReturnedLateChargesNothing() {
        String copy = fixtures.copy(record, school);
        fixtures.makeDue(lend(copy).id(), now, 10);

        CheckinResult.CheckedIn back = (CheckinResult.CheckedIn) circulation.checkin(copy, null, "desk");

        assertThat(back.overdueDays()).isPositive();
        assertThat(back.fine()).isNull();
        assertThat(charges.ownCharges(fixtures.patronId(student))).isEmpty();
    }

    @Test
    void reportsEachLoanThatBecameOverdueOnce() {
        LoanView late = lend(fixtures.copy(record, school));
        LoanView onTime = lend(fixtures.copy(record, school));
        fixtures.makeDue(late.id(), now, 2);

        circulation.reportOverdues(now);
        circulation.reportOverdues(now);

        assertThat(events.stream(LoanBecameOverdue.class).filter(e -> e.loanId() == late.id()))
                .singleElement().satisfies(e -> {
                    assertThat(e.patronId()).isEqualTo(fixtures.patronId(student));
                    assertThat(e.dueOn()).isEqualTo(now.toLocalDate().minusDays(2));
                });
        assertThat(events.stream(LoanBecameOverdue.class).filter(e -> e.loanId() == onTime.id())).isEmpty();
    }

    @Test
    void declaresACopyLostAfterTheSettingsDaysOverdueAndChargesItsReplacementCost() {
        String withReplacement = fixtures.copyCosting(record, school, "12.50", "20.00");
        String withPrice = fixtures.copyCosting(record, school, "12.50", "");
        String withNeither = fixtures.copyCosting(record, school, "", "");
        String notYet = fixtures.copyCosting(record, school, "9.00", "");
        int days = lostAfterDays();
        for (String copy : new String[] {withReplacement, withPrice, withNeither}) {
            fixtures.makeDue(lend(copy).id(), now, days + 1);
        }
        LoanView recent = lend(notYet);
        fixtures.makeDue(recent.id(), now, days - 1);

        assertThat(circulation.declareLost(now, "job")).isGreaterThanOrEqualTo(3);

        for (String copy : new String[] {withReplacement, withPrice, withNeither}) {
            assertThat(copies.itemByBarcode(copy).orElseThrow().status()).as(copy).isEqualTo(ItemStatus.LOST);
            assertThat(circulation.loanOf(copy).orElseThrow().lost()).isTrue();
        }
        assertThat(copies.itemByBarcode(notYet).orElseThrow().status()).isEqualTo(ItemStatus.CHECKED_OUT);
        assertThat(circulation.loan(recent.id()).orElseThrow().lost()).isFalse();
        assertThat(charges.ownCharges(fixtures.patronId(student))).extracting(ChargeView::kind).containsOnly("LOST");
        assertThat(charges.ownCharges(fixtures.patronId(student))).extracting(ChargeView::amount)
                .usingElementComparator(BigDecimal::compareTo).containsExactlyInAnyOrder(new BigDecimal("20.00"),
                        new BigDecimal("12.50"), rules.settings().defaultReplacement());
        assertThat(events.stream(ItemDeclaredLost.class)
                .filter(e -> e.patronId() == fixtures.patronId(student))).hasSize(3)
                .allSatisfy(e -> assertThat(e.chargeId()).isPositive());
        assertThat(circulation.declareLost(now, "job")).as("a second run finds them declared").isZero();
    }

    @Test
    void aLostCopyCheckedInLaterWaivesWhatIsStillOwedForItAndKeepsThePayment() {
        String copy = fixtures.copyCosting(record, school, "", "18.00");
        LoanView loan = lend(copy);
        assertThat(circulation.declareLost(loan.id(), "desk")).isTrue();
        ChargeView lost = charges.ownCharges(fixtures.patronId(student)).get(0);
        assertThat(charges.pay(lost.id(), lost.version(), new BigDecimal("5.00"), "desk").done()).isTrue();

        CheckinResult.CheckedIn back = (CheckinResult.CheckedIn) circulation.checkin(copy, null, "desk");

        assertThat(back.wasLost()).isTrue();
        assertThat(copies.itemByBarcode(copy).orElseThrow().status()).isEqualTo(ItemStatus.AVAILABLE);
        ChargeView settled = charges.charge(lost.id()).orElseThrow();
        assertThat(settled.settled()).isTrue();
        assertThat(settled.patronId()).isNull();
        assertThat(settled.paid()).isEqualByComparingTo("5.00");
        assertThat(settled.waived()).isEqualByComparingTo("13.00");
        assertThat(charges.ownCharges(fixtures.patronId(student))).isEmpty();
    }

    @Test
    void aClaimReturnedLoanIsNeitherOverdueNorLostAndItsCopyIsMissing() {
        String copy = fixtures.copy(record, school);
        LoanView loan = lend(copy);
        fixtures.makeDue(loan.id(), now, lostAfterDays() + 5);

        assertThat(circulation.claimReturned(loan.id(), "desk")).isTrue();
        assertThat(circulation.claimReturned(loan.id(), "desk")).as("once").isFalse();
        circulation.reportOverdues(now);
        circulation.declareLost(now, "job");

        assertThat(copies.itemByBarcode(copy).orElseThrow().status()).isEqualTo(ItemStatus.MISSING);
        LoanView claimed = circulation.loan(loan.id()).orElseThrow();
        assertThat(claimed.claimedReturned()).isTrue();
        assertThat(claimed.lost()).isFalse();
        assertThat(claimed.overdueAt(now.toOffsetDateTime())).isFalse();
        assertThat(events.stream(LoanBecameOverdue.class).filter(e -> e.loanId() == loan.id())).isEmpty();
        assertThat(events.stream(ItemDeclaredLost.class).filter(e -> e.loanId() == loan.id())).isEmpty();
        assertThat(circulation.overdue(fixtures.schoolId(school), "staff")).extracting(l -> l.loan().id())
                .doesNotContain(loan.id());
        assertThat(charges.ownCharges(fixtures.patronId(student))).isEmpty();
    }

    @Test
    void theOverdueListOfASchoolNamesEachLatePatronWithTheirHomeroomAndIsAuditedOnce() {
        String inRoom = fixtures.student(school, "3", "Room 7", "");
        String copy = fixtures.copy(record, school);
        CheckoutResult out = circulation.checkout(CheckoutRequest.of(inRoom, copy, "desk"));
        LoanView loan = ((CheckoutResult.CheckedOut) out).loan();
        fixtures.makeDue(loan.id(), now, 4);
        lend(fixtures.copy(record, school));
        String actor = "overdues-" + school;

        java.util.List<OverdueLoan> lines = circulation.overdue(fixtures.schoolId(school), actor);

        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.loan().id()).isEqualTo(loan.id());
            assertThat(line.patron().id()).isEqualTo(fixtures.patronId(inRoom));
            assertThat(line.patron().homeroomId()).isNotNull();
            assertThat(line.daysOverdue()).isEqualTo(4);
        });
        assertThat(jdbc.sql("select count(*) from audit_entry where actor = :actor and action = :action")
                .param("actor", actor).param("action", "circulation.overdues.viewed").query(Integer.class).single())
                .isEqualTo(1);
    }
}
