package org.carrel.circulation;

import static org.assertj.core.api.Assertions.assertThat;

import org.carrel.catalog.Copies;
import org.carrel.catalog.ItemStatus;
import org.carrel.testing.CarrelTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A checkout lends the copy and a check-in ends the loan anonymously and shelves the copy. */
@CarrelTest
@Import(CirculationFixtures.class)
class CheckoutAndReturnTest {

    @Autowired
    CirculationFixtures fixtures;
    @Autowired
    Circulation circulation;
    @Autowired
    Copies copies;
    @Autowired
    JdbcClient jdbc;

    String school;
    long record;
    String copy;
    String student;

    @BeforeEach
    void aStudentAndACopy() {
        school = fixtures.school();
        record = fixtures.title("Holes");
        copy = fixtures.copy(record, school);
        student = fixtures.student(school, "4");
    }

    @Test
    void lendsTheCopyAndShelvesItWhenItComesBack() {
        CheckoutResult out = circulation.checkout(CheckoutRequest.of(student, copy, "desk"));
        assertThat(out).isInstanceOf(CheckoutResult.CheckedOut.class);
        CheckoutResult.CheckedOut lent = (CheckoutResult.CheckedOut) out;
        assertThat(lent.loan().barcode()).isEqualTo(copy);
        assertThat(lent.loan().title()).isEqualTo("Holes");
        // The loan is answered as built, not read back: it must be the stored one (times compared as instants).
        LoanView stored = circulation.ownLoans(lent.loan().patronId()).get(0);
        assertThat(lent.loan()).usingRecursiveComparison().ignoringFields("checkedOutAt", "dueAt").isEqualTo(stored);
        assertThat(lent.loan().checkedOutAt().toInstant()).isEqualTo(stored.checkedOutAt().toInstant());
        assertThat(lent.loan().dueAt().toInstant()).isEqualTo(stored.dueAt().toInstant());
        assertThat(copies.itemByBarcode(copy).orElseThrow().status()).isEqualTo(ItemStatus.CHECKED_OUT);

        CheckinResult back = circulation.checkin(copy, null, "desk");
        assertThat(back).isInstanceOf(CheckinResult.CheckedIn.class);
        CheckinResult.CheckedIn in = (CheckinResult.CheckedIn) back;
        assertThat(in.routing()).isEqualTo(Routing.SHELF);
        assertThat(in.returned().id()).isEqualTo(lent.loan().id());
        assertThat(copies.itemByBarcode(copy).orElseThrow().status()).isEqualTo(ItemStatus.AVAILABLE);
        assertThat(jdbc.sql("select count(*) from loan where id = :id").param("id", lent.loan().id())
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from loan_statistic where item_id = :item")
                .param("item", lent.loan().itemId()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void refusesASecondCheckoutOfTheSameCopy() {
        circulation.checkout(CheckoutRequest.of(student, copy, "desk"));
        String other = fixtures.student(school, "4");
        assertThat(circulation.checkout(CheckoutRequest.of(student, copy, "desk")))
                .isEqualTo(new CheckoutResult.Refused(Refusal.ALREADY_OUT_TO_PATRON, copy));
        assertThat(circulation.checkout(CheckoutRequest.of(other, copy, "desk")))
                .isEqualTo(new CheckoutResult.Refused(Refusal.CHECKED_OUT_TO_OTHER, copy));
    }
}
