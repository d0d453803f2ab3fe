package org.carrel.sip2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carrel.sip2.SipServerTest.field;
import static org.carrel.sip2.SipServerTest.withChecksum;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.carrel.circulation.Charges;
import org.carrel.circulation.CheckoutRequest;
import org.carrel.circulation.CheckoutResult;
import org.carrel.circulation.Circulation;
import org.carrel.circulation.CirculationFixtures;
import org.carrel.circulation.Holds;
import org.carrel.patrons.PatronPins;
import org.carrel.patrons.Patrons;
import org.carrel.testing.CarrelTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** Patron information, renewals, holds, fees and blocks over a real SIP2 connection, answers read field by field. */
@CarrelTest
@Import(CirculationFixtures.class)
class SipPatronMessagesTest {

    private static final AtomicInteger TERMINALS = new AtomicInteger();
    private static final String DATE = "20260309    101500";

    @Autowired
    CirculationFixtures fixtures;
    @Autowired
    SipTerminals terminals;
    @Autowired
    SipServer server;
    @Autowired
    Circulation circulation;
    @Autowired
    Holds holds;
    @Autowired
    Charges charges;
    @Autowired
    Patrons patrons;
    @Autowired
    PatronPins pins;

    String school;
    String student;
    String first;
    String second;
    SipServerTest.Client client;

    @BeforeEach
    void aStudentWithTwoCopiesOutAtAKiosk() throws IOException {
        school = fixtures.school();
        first = fixtures.copy(fixtures.title("Frindle"), school);
        second = fixtures.copy(fixtures.title("Wonder"), school);
        student = fixtures.student(school, "5");
        for (String copy : List.of(first, second)) {
            assertThat(circulation.checkout(CheckoutRequest.of(student, copy, "desk")))
                    .isInstanceOf(CheckoutResult.CheckedOut.class);
        }
        String login = "kiosk-p-" + TERMINALS.incrementAndGet();
        assertThat(terminals.create(login, "kiosk-pass-2", school, "", "test").problem()).isNull();
        client = new SipServerTest.Client(server.localPort());
        assertThat(client.send("9300CN" + login + "|COkiosk-pass-2|")).isEqualTo("941");
    }

    @AfterEach
    void hangUp() throws IOException {
        client.close();
    }

    @Test
    void patronInformationCountsAndListsWhatTheSummaryAsksFor() throws IOException {
        String charged = client.send(withChecksum("63001" + DATE + "  Y       AO" + school + "|AA" + student
                + "|AC|AD|AY1AZ"));

        assertThat(charged).startsWith("64" + " ".repeat(14) + "001");
        assertThat(charged.substring(37, 61)).as("holds ready, overdue, out, charges, recalls, holds waiting")
                .isEqualTo("0000" + "0000" + "0002" + "0000" + "0000" + "0000");
        assertThat(values(charged, "AU")).containsExactlyInAnyOrder(first, second);
        assertThat(field(charged, "BL")).isEqualTo("Y");
        assertThat(field(charged, "BV")).isEqualTo("0.00");

        String one = client.send("63001" + DATE + "  Y       AO" + school + "|AA" + student + "|BP2|BQ2|");
        assertThat(values(one, "AU")).hasSize(1);
        String none = client.send("63001" + DATE + "          AO" + school + "|AA" + student + "|");
        assertThat(none).doesNotContain("AU");
        assertThat(client.send("63001" + DATE + "          AO" + school + "|AANOBODY|"))
                .startsWith("64YYYY").contains("AFNo patron has this barcode.|");
    }

    @Test
    void renewsOneLoanOrAllOfThemAndRefusesAnotherPatronsCopy() throws IOException {
        String renewed = client.send("29NN" + DATE + " ".repeat(18) + "AO" + school + "|AA" + student + "|AB"
                + first + "|");
        assertThat(renewed).startsWith("301YUN");
        assertThat(field(renewed, "AJ")).isEqualTo("Frindle");
        assertThat(field(renewed, "AH")).endsWith("    235959");
        assertThat(circulation.loanOf(first).orElseThrow().renewals()).isEqualTo(1);

        String other = fixtures.student(school, "5");
        assertThat(client.send("29NN" + DATE + " ".repeat(18) + "AO" + school + "|AA" + other + "|AB" + first + "|"))
                .startsWith("300NUN").contains("AFThis copy is not checked out.|");

        String all = client.send("65" + DATE + "AO" + school + "|AA" + student + "|");
        assertThat(all).startsWith("66100020000");
        assertThat(values(all, "BM")).containsExactlyInAnyOrder(first, second);
        assertThat(circulation.loanOf(first).orElseThrow().renewals()).isEqualTo(2);
        String limit = client.send("65" + DATE + "AO" + school + "|AA" + student + "|");
        assertThat(limit).as("the default rule allows two renewals").startsWith("66100010001");
        assertThat(values(limit, "BM")).containsExactly(second);
        assertThat(values(limit, "BN")).containsExactly(first);
    }

    @Test
    void placesAndCancelsAHoldOnACopysTitle() throws IOException {
        String reader = fixtures.student(school, "4");
        String placed = client.send("15+" + DATE + "BS" + school + "|AO" + school + "|AA" + reader + "|AB" + first
                + "|");
        assertThat(placed).startsWith("161N");
        assertThat(field(placed, "BR")).isEqualTo("1");
        assertThat(field(placed, "AJ")).isEqualTo("Frindle");
        assertThat(holds.ofPatron(fixtures.patronId(reader))).hasSize(1);

        assertThat(client.send("15+" + DATE + "AO" + school + "|AA" + reader + "|AB" + first + "|"))
                .as("a second hold on the title").startsWith("160").contains("AF");
        assertThat(client.send("15-" + DATE + "AO" + school + "|AA" + reader + "|AB" + first + "|"))
                .startsWith("161N");
        assertThat(holds.ofPatron(fixtures.patronId(reader))).isEmpty();
        assertThat(client.send("15*" + DATE + "AO" + school + "|AA" + reader + "|AB" + first + "|"))
                .startsWith("160").contains("modes + and -");
    }

    @Test
    void feePaidPaysChargesOldestFirstAndRefusesMoreThanIsOwed() throws IOException {
        long patron = fixtures.patronId(student);
        long schoolId = fixtures.schoolId(school);
        assertThat(charges.add(patron, schoolId, null, "DAMAGED", new BigDecimal("3.00"), "torn page", "desk").done())
                .isTrue();
        assertThat(charges.add(patron, schoolId, null, "OTHER", new BigDecimal("2.00"), "lost card", "desk").done())
                .isTrue();

        String tooMuch = client.send("37" + DATE + "0100USDBV9.00|AO" + school + "|AA" + student + "|BKt-1|");
        assertThat(tooMuch).startsWith("38N");
        assertThat(field(tooMuch, "AF")).contains("5.00 owed");
        assertThat(client.send("37" + DATE + "0100USDBVabc|AO" + school + "|AA" + student + "|"))
                .startsWith("38N").contains("positive number");

        String paid = client.send("37" + DATE + "0100USDBV4.00|AO" + school + "|AA" + student + "|BKt-2|");
        assertThat(paid).startsWith("38Y");
        assertThat(field(paid, "BK")).isEqualTo("t-2");
        assertThat(charges.ownCharges(patron)).extracting(c -> c.owed().setScale(2).toPlainString())
                .containsExactly("1.00");
        String info = client.send("63001" + DATE + "   Y      AO" + school + "|AA" + student + "|");
        assertThat(field(info, "BV")).isEqualTo("1.00");
        assertThat(values(info, "AV")).singleElement().asString().endsWith("1.00 lost card");
    }

    @Test
    void aKioskCanBlockAPatron() throws IOException {
        String blocked = client.send("01N" + DATE + "AO" + school + "|ALCard left in the kiosk|AA" + student + "|");

        assertThat(blocked).startsWith("24YYYY");
        assertThat(patrons.borrower(student).orElseThrow().blocked()).isTrue();
        String refused = client.send("11YN" + DATE + " ".repeat(18) + "AO" + school + "|AA" + student + "|AB"
                + fixtures.copy(fixtures.title("Holes"), school) + "|AC|");
        assertThat(refused).startsWith("120NUN").contains("AFThis patron is blocked from borrowing.|");
    }

    @Test
    void aPinIsCheckedWhenTheKioskSendsOneAndFiveWrongOnesLockTheCard() throws IOException {
        long patron = fixtures.patronId(student);
        assertThat(pins.set(patron, "12a4", "test").saved()).as("digits only").isFalse();
        assertThat(pins.set(patron, "2468", "test").saved()).isTrue();
        String status = "23001" + DATE + "AO" + school + "|AA" + student + "|AC|";

        assertThat(field(client.send(status + "AD2468|"), "CQ")).isEqualTo("Y");
        assertThat(client.send(status)).as("no PIN sent, none checked").doesNotContain("CQ");
        assertThat(client.send(status + "AD|")).doesNotContain("CQ");
        String wrong = client.send(status + "AD1111|");
        assertThat(field(wrong, "CQ")).isEqualTo("N");
        assertThat(field(wrong, "AF")).isEqualTo("The PIN is not right.");
        String copy = fixtures.copy(fixtures.title("Holes"), school);
        assertThat(client.send("11YN" + DATE + " ".repeat(18) + "AO" + school + "|AA" + student + "|AB" + copy
                + "|AC|AD1111|")).startsWith("120NUN").contains("AFThe PIN is not right.|");
        assertThat(circulation.loanOf(copy)).isEmpty();
        assertThat(client.send("11YN" + DATE + " ".repeat(18) + "AO" + school + "|AA" + student + "|AB" + copy
                + "|AC|AD2468|")).startsWith("121");

        for (int i = 0; i < SipActs.MAX_WRONG_PINS - 2; i++) {
            client.send(status + "AD000" + i + "|");
        }
        String locked = client.send(status + "AD2468|");
        assertThat(field(locked, "CQ")).as("the right PIN after five wrong ones").isEqualTo("N");
        assertThat(field(locked, "AF")).isEqualTo("Too many wrong PINs. Ask library staff.");

        String other = fixtures.student(school, "5");
        assertThat(field(client.send("23001" + DATE + "AO" + school + "|AA" + other + "|AC|AD2468|"), "CQ"))
                .as("a patron without a PIN").isEqualTo("N");
    }

    /** Every value of a repeated field in an answer. */
    private static List<String> values(String answer, String id) {
        return Arrays.stream(answer.split("\\|")).filter(f -> f.startsWith(id)).map(f -> f.substring(2)).toList();
    }
}
