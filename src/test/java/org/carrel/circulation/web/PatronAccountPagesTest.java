package org.carrel.circulation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.carrel.accounts.AuditEntry;
import org.carrel.accounts.AuditLog;
import org.carrel.accounts.Role;
import org.carrel.accounts.SignedInUser;
import org.carrel.catalog.Copies;
import org.carrel.catalog.ItemStatus;
import org.carrel.circulation.ChargeView;
import org.carrel.circulation.Charges;
import org.carrel.circulation.CheckoutRequest;
import org.carrel.circulation.CheckoutResult;
import org.carrel.circulation.Circulation;
import org.carrel.circulation.CirculationFixtures;
import org.carrel.circulation.LoanView;
import org.carrel.testing.CarrelTest;
import org.carrel.testing.Users;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A patron's loans, holds and charges for staff: what shows, who may see and change it, refusals and audit. */
@CarrelTest
@Import(CirculationFixtures.class)
class PatronAccountPagesTest {

    @Autowired
    CirculationFixtures fixtures;
    @Autowired
    Circulation circulation;
    @Autowired
    Charges charges;
    @Autowired
    Copies copies;
    @Autowired
    AuditLog audit;
    @Autowired
    MockMvc mvc;

    String school;
    long schoolId;
    String student;
    long patronId;
    String copy;
    LoanView loan;
    String base;
    String actor;

    @BeforeEach
    void aStudentWithALoan() {
        school = fixtures.school();
        schoolId = fixtures.schoolId(school);
        student = fixtures.student(school, "5");
        patronId = fixtures.patronId(student);
        copy = fixtures.copy(fixtures.title("Bridge to Terabithia"), school);
        loan = ((CheckoutResult.CheckedOut) circulation.checkout(CheckoutRequest.of(student, copy, "desk"))).loan();
        base = "/staff/circulation/patrons/" + patronId;
        actor = "account-" + school;
    }

    private RequestPostProcessor staff(Role role) {
        return Users.as(new SignedInUser(7100L, actor, "Account Tester", role, Set.of(schoolId)));
    }

    private long charge(String amount) {
        return charges.add(patronId, schoolId, null, "OTHER", new BigDecimal(amount), "Lost bookmark", "desk")
                .chargeId();
    }

    private List<String> actions() {
        return audit.newest(actor, 100).stream().map(AuditEntry::action).toList();
    }

    @Test
    void aLibrarianSeesTheLoansAndChargesAndBothViewsAreAudited() throws Exception {
        charge("2.50");

        mvc.perform(get(base).with(staff(Role.LIBRARIAN)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Bridge to Terabithia")))
                .andExpect(content().string(Matchers.containsString(copy)))
                .andExpect(content().string(Matchers.containsString("Lost bookmark")))
                .andExpect(content().string(Matchers.containsString("action=\"" + base + "/loans/" + loan.id()
                        + "/renew\"")))
                .andExpect(content().string(Matchers.containsString("Take payment")));

        assertThat(actions()).contains("circulation.loans.viewed", "circulation.charges.viewed");
    }

    @Test
    void staffOfAnotherSchoolAndRolesWithoutLoansViewAreRefused() throws Exception {
        mvc.perform(get(base).with(Users.as(Role.LIBRARIAN, schoolId + 1000))).andExpect(status().isForbidden());
        mvc.perform(get(base).with(staff(Role.VOLUNTEER))).andExpect(status().isForbidden());
        mvc.perform(get(base).with(staff(Role.ADMINISTRATOR))).andExpect(status().isForbidden());
        mvc.perform(get("/staff/circulation/patrons/999999999").with(staff(Role.LIBRARIAN)))
                .andExpect(status().isNotFound());
        mvc.perform(post(base + "/charges").with(csrf()).with(Users.as(Role.LIBRARIAN, schoolId + 1000))
                        .param("kind", "OTHER").param("amount", "1").param("description", "x"))
                .andExpect(status().isForbidden());
        assertThat(actions()).doesNotContain("circulation.loans.viewed");
        assertThat(charges.ownCharges(patronId)).isEmpty();
    }

    @Test
    void aPaymentThatIsNotAnAmountOrTooMuchIsRefusedWith422AndTheRightAmountSettles() throws Exception {
        long id = charge("3.00");

        mvc.perform(post(base + "/charges/" + id + "/pay").with(csrf()).with(staff(Role.PARAPROFESSIONAL))
                        .param("version", "0").param("amount", "three"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Enter an amount such as 12.99.")))
                .andExpect(content().string(Matchers.containsString("href=\"#pay-" + id + "\"")));
        mvc.perform(post(base + "/charges/" + id + "/pay").with(csrf()).with(staff(Role.PARAPROFESSIONAL))
                        .param("version", "0").param("amount", "0"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Enter an amount greater than zero.")));
        mvc.perform(post(base + "/charges/" + id + "/pay").with(csrf()).with(staff(Role.PARAPROFESSIONAL))
                        .param("version", "0").param("amount", "3.01"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("This is more than is owed.")));
        assertThat(charges.charge(id).orElseThrow().paid()).isEqualByComparingTo("0");

        mvc.perform(post(base + "/charges/" + id + "/pay").with(csrf()).with(staff(Role.PARAPROFESSIONAL))
                        .param("version", "0").param("amount", "$3"))
                .andExpect(status().isFound()).andExpect(redirectedUrl(base + "?done=paid"));
        assertThat(charges.charge(id).orElseThrow().settled()).isTrue();
        mvc.perform(get(base + "?done=paid").with(staff(Role.PARAPROFESSIONAL)))
                .andExpect(content().string(Matchers.containsString("Payment taken.")))
                .andExpect(content().string(Matchers.containsString("Nothing owed.")));
    }

    @Test
    void aWaiverWithoutAReasonIsRefusedWith422() throws Exception {
        long id = charge("4.00");

        mvc.perform(post(base + "/charges/" + id + "/waive").with(csrf()).with(staff(Role.LIBRARIAN))
                        .param("version", "0").param("amount", "4.00").param("reason", " "))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("href=\"#waive-reason-" + id + "\"")));
        assertThat(charges.charge(id).orElseThrow().settled()).isFalse();

        mvc.perform(post(base + "/charges/" + id + "/waive").with(csrf()).with(staff(Role.LIBRARIAN))
                        .param("version", "0").param("amount", "1.50").param("reason", "First time"))
                .andExpect(status().isFound());
        assertThat(charges.charge(id).orElseThrow().owed()).isEqualByComparingTo("2.50");
    }

    @Test
    void aDamagedChargeNamesTheCopyByItsBarcode() throws Exception {
        mvc.perform(post(base + "/charges").with(csrf()).with(staff(Role.LIBRARIAN)).param("kind", "DAMAGED")
                        .param("amount", "4.5").param("description", "Water damage").param("barcode", "NO-SUCH-COPY"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("No copy has this barcode.")))
                .andExpect(content().string(Matchers.containsString("value=\"Water damage\"")));
        mvc.perform(post(base + "/charges").with(csrf()).with(staff(Role.LIBRARIAN)).param("kind", "DAMAGED")
                        .param("amount", "-4").param("description", "Water damage").param("barcode", copy))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post(base + "/charges").with(csrf()).with(staff(Role.LIBRARIAN)).param("kind", "DAMAGED")
                        .param("amount", "4.5").param("description", "").param("barcode", copy))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Say what the charge is for.")));
        assertThat(charges.ownCharges(patronId)).isEmpty();

        mvc.perform(post(base + "/charges").with(csrf()).with(staff(Role.LIBRARIAN)).param("kind", "DAMAGED")
                        .param("amount", "4.5").param("description", "Water damage").param("barcode", copy))
                .andExpect(status().isFound()).andExpect(redirectedUrl(base + "?done=added"));
        assertThat(charges.ownCharges(patronId)).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo("DAMAGED");
            assertThat(c.amount()).isEqualByComparingTo("4.50");
            assertThat(c.itemId()).isEqualTo(loan.itemId());
        });
    }

    @Test
    void loansAreRenewedDeclaredLostOrClaimedReturnedFromThePage() throws Exception {
        String second = fixtures.copy(fixtures.title("Number the Stars"), school);
        LoanView other = ((CheckoutResult.CheckedOut) circulation.checkout(CheckoutRequest.of(student, second,
                "desk"))).loan();

        mvc.perform(post(base + "/loans/" + loan.id() + "/renew").with(csrf()).with(staff(Role.LIBRARIAN)))
                .andExpect(status().isFound()).andExpect(redirectedUrl(base + "?done=renewed"));
        assertThat(circulation.loan(loan.id()).orElseThrow().renewals()).isEqualTo(1);

        mvc.perform(post(base + "/loans/" + loan.id() + "/lost").with(csrf()).with(staff(Role.LIBRARIAN)))
                .andExpect(status().isFound()).andExpect(redirectedUrl(base + "?done=lost"));
        assertThat(copies.itemByBarcode(copy).orElseThrow().status()).isEqualTo(ItemStatus.LOST);
        assertThat(charges.ownCharges(patronId)).extracting(ChargeView::kind).containsExactly("LOST");
        mvc.perform(post(base + "/loans/" + loan.id() + "/lost").with(csrf()).with(staff(Role.LIBRARIAN)))
                .andExpect(status().isConflict())
                .andExpect(content().string(Matchers.containsString("already declared lost")));
        mvc.perform(post(base + "/loans/" + loan.id() + "/renew").with(csrf()).with(staff(Role.LIBRARIAN)))
                .andExpect(status().isConflict())
                .andExpect(content().string(Matchers.containsString("cannot be renewed")));

        mvc.perform(post(base + "/loans/" + other.id() + "/claimed-returned").with(csrf())
                        .with(staff(Role.PARAPROFESSIONAL)))
                .andExpect(status().isFound()).andExpect(redirectedUrl(base + "?done=claimed"));
        assertThat(copies.itemByBarcode(second).orElseThrow().status()).isEqualTo(ItemStatus.MISSING);
    }

    @Test
    void aLoanOfAnotherPatronIsNotFoundUnderThisOne() throws Exception {
        String someoneElse = fixtures.student(school, "5");
        String theirs = fixtures.copy(fixtures.title("Frindle"), school);
        LoanView their = ((CheckoutResult.CheckedOut) circulation.checkout(CheckoutRequest.of(someoneElse, theirs,
                "desk"))).loan();

        mvc.perform(post(base + "/loans/" + their.id() + "/lost").with(csrf()).with(staff(Role.LIBRARIAN)))
                .andExpect(status().isNotFound());
        assertThat(copies.itemByBarcode(theirs).orElseThrow().status()).isEqualTo(ItemStatus.CHECKED_OUT);
    }

    @Test
    void thePatronPageLinksHereOnlyForStaffWhoMaySeeLoans() throws Exception {
        String link = "href=\"" + base + "\"";
        mvc.perform(get("/staff/patrons/" + patronId).with(staff(Role.LIBRARIAN)))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString(link)));
        mvc.perform(get("/staff/patrons/" + patronId).with(staff(Role.ADMINISTRATOR)))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.not(Matchers.containsString(link))));
    }
}
