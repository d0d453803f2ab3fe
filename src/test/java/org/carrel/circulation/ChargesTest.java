package org.carrel.circulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.carrel.district.Grade;
import org.carrel.patrons.Patrons;
import org.carrel.testing.CarrelTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Charges: payments and waivers until settled (then anonymous), and forgiveness of a grade or graduating class. */
@CarrelTest
@Import(CirculationFixtures.class)
class ChargesTest {

    @Autowired
    CirculationFixtures fixtures;
    @Autowired
    Charges charges;
    @Autowired
    Patrons patrons;
    @Autowired
    JdbcClient jdbc;

    String school;
    long schoolId;

    @BeforeEach
    void aSchool() {
        school = fixtures.school();
        schoolId = fixtures.schoolId(school);
    }

    private long charge(String patronBarcode, String amount) {
        Charges.Outcome added = charges.add(fixtures.patronId(patronBarcode), schoolId, null, "OTHER",
                new BigDecimal(amount), "Broken headphones", "desk");
        assertThat(added.done()).as(added.problem()).isTrue();
        return added.chargeId();
    }

    private List<BigDecimal> entries(long chargeId) {
        return jdbc.sql("select amount from charge_entry where charge_id = :id order by id").param("id", chargeId)
                .query(BigDecimal.class).list();
    }

    @Test
    void payingPartThenTheRestSettlesTheChargeAndForgetsThePatronButKeepsThePayments() {
        String student = fixtures.student(school, "6");
        long id = charge(student, "10.00");

        assertThat(charges.pay(id, 0, new BigDecimal("4"), "desk").done()).isTrue();
        ChargeView part = charges.charge(id).orElseThrow();
        assertThat(part.owed()).isEqualByComparingTo("6.00");
        assertThat(part.patronId()).isEqualTo(fixtures.patronId(student));
        assertThat(charges.pay(id, part.version(), new BigDecimal("6.01"), "desk").problem())
                .isEqualTo("circulation.charge.amount.tooMuch");
        assertThat(charges.pay(id, part.version() - 1, new BigDecimal("6.00"), "desk").problem())
                .as("an old version").isEqualTo("form.staleVersion");
        assertThat(charges.pay(id, part.version(), new BigDecimal("6.00"), "desk").done()).isTrue();

        ChargeView settled = charges.charge(id).orElseThrow();
        assertThat(settled.settled()).isTrue();
        assertThat(settled.patronId()).isNull();
        assertThat(settled.paid()).isEqualByComparingTo("10.00");
        assertThat(jdbc.sql("select count(*) from charge where id = :id and patron_id is null").param("id", id)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(entries(id)).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("4.00"), new BigDecimal("6.00"));
        assertThat(charges.ownCharges(fixtures.patronId(student))).isEmpty();
        assertThat(charges.pay(id, settled.version(), BigDecimal.ONE, "desk").problem())
                .isEqualTo("circulation.charge.notFound");
    }

    @Test
    void aWaiverNeedsAReasonAndKeepsIt() {
        String student = fixtures.student(school, "6");
        long id = charge(student, "3.50");

        assertThat(charges.waive(id, 0, new BigDecimal("3.50"), "  ", "desk").problem())
                .isEqualTo("circulation.charge.reason.required");
        assertThat(charges.charge(id).orElseThrow().settled()).isFalse();
        assertThat(charges.waive(id, 0, new BigDecimal("3.50"), "Family hardship", "desk").done()).isTrue();

        assertThat(charges.charge(id).orElseThrow().waived()).isEqualByComparingTo("3.50");
        assertThat(jdbc.sql("select reason from charge_entry where charge_id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("Family hardship");
    }

    @Test
    void amountsMustBePositiveDollarsAndCents() {
        long patron = fixtures.patronId(fixtures.student(school, "6"));
        assertThat(charges.add(patron, schoolId, null, "DAMAGED", BigDecimal.ZERO, "Torn", "desk").problem())
                .isEqualTo("circulation.charge.amount.positive");
        assertThat(charges.add(patron, schoolId, null, "DAMAGED", new BigDecimal("1.005"), "Torn", "desk")
                .problem()).isEqualTo("circulation.charge.amount.invalid");
        assertThat(charges.add(patron, schoolId, null, "LOST", BigDecimal.ONE, "Torn", "desk").problem())
                .as("lost charges come from circulation only").isEqualTo("circulation.charge.kind.invalid");
        assertThat(charges.ownCharges(patron)).isEmpty();
    }

    @Test
    void forgivingAGradeWaivesOnlyThatGradesCharges() {
        String thirdA = fixtures.student(school, "3");
        String thirdB = fixtures.student(school, "3");
        String fourth = fixtures.student(school, "4");
        long a1 = charge(thirdA, "2.00");
        long a2 = charge(thirdA, "1.25");
        long b = charge(thirdB, "4.00");
        long keep = charge(fourth, "5.00");
        List<Long> grade3 = patrons.ids(schoolId, Grade.of(3), null);

        assertThat(grade3).containsExactlyInAnyOrder(fixtures.patronId(thirdA), fixtures.patronId(thirdB));
        assertThat(charges.owing(grade3)).isEqualTo(new Charges.Owing(2, 3, new BigDecimal("7.25")));
        assertThat(charges.forgive(grade3, "End of year", "librarian")).isEqualTo(3);

        for (long id : new long[] {a1, a2, b}) {
            assertThat(charges.charge(id).orElseThrow().settled()).isTrue();
            assertThat(charges.charge(id).orElseThrow().patronId()).isNull();
        }
        assertThat(charges.charge(keep).orElseThrow().settled()).isFalse();
        assertThat(charges.owing(grade3)).isEqualTo(new Charges.Owing(0, 0, new BigDecimal("0.00")));
    }

    @Test
    void forgivingAGraduationYearReachesOnlyThatClass() {
        String leaving = fixtures.student(school, "12", "", "2031");
        String staying = fixtures.student(school, "11", "", "2032");
        long gone = charge(leaving, "8.00");
        long kept = charge(staying, "8.00");

        List<Long> classOf2031 = patrons.ids(schoolId, null, 2031);
        assertThat(classOf2031).containsExactly(fixtures.patronId(leaving));
        assertThat(charges.forgive(classOf2031, "Graduation", "librarian")).isEqualTo(1);

        assertThat(charges.charge(gone).orElseThrow().settled()).isTrue();
        assertThat(charges.charge(kept).orElseThrow().settled()).isFalse();
    }
}
