package org.carrel.circulation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.carrel.accounts.AccountForm;
import org.carrel.accounts.AccountResult;
import org.carrel.accounts.Accounts;
import org.carrel.accounts.Role;
import org.carrel.accounts.SignedInUser;
import org.carrel.patrons.PatronForm;
import org.carrel.patrons.PatronSummary;
import org.carrel.patrons.Patrons;
import org.carrel.patrons.PatronsResult;

/** Students and teachers who sign in: a sign-in account linked to a patron, as MockMvc's signed-in user. */
final class SignedInPatrons {

    private static final AtomicInteger NEXT = new AtomicInteger();

    /** A patron with a linked account; {@code user} is what the controllers get as the signed-in person. */
    record SignedIn(long patronId, String barcode, String name, SignedInUser user) {
    }

    private final Accounts accounts;
    private final Patrons patrons;

    SignedInPatrons(Accounts accounts, Patrons patrons) {
        this.accounts = accounts;
        this.patrons = patrons;
    }

    SignedIn student(String school, boolean keepHistory) {
        return create("STUDENT", Role.STUDENT, school, "6", keepHistory);
    }

    SignedIn teacher(String school) {
        return create("TEACHER", Role.TEACHER, school, "", false);
    }

    private SignedIn create(String type, Role role, String school, String grade, boolean keepHistory) {
        int n = NEXT.incrementAndGet();
        String username = "self" + n + "x" + System.nanoTime() % 100000;
        AccountResult account = accounts.create(new AccountForm(username, "Reader " + n, role, List.of(), true,
                "Correct-Horse-Battery-9", null), "test");
        assertThat(account).isInstanceOf(AccountResult.Saved.class);
        String barcode = "SS" + n + "X" + System.nanoTime() % 100000;
        PatronsResult saved = patrons.create(new PatronForm(type, "Reader" + n, "Self", "", school, barcode,
                type.equals("STUDENT") ? "N" + barcode : "", grade, "", "", "", "en", keepHistory ? "true" : "", "",
                null, username), "test");
        assertThat(saved.saved()).as("patron %s", saved.errors()).isTrue();
        PatronSummary patron = patrons.byBarcode(barcode).orElseThrow();
        long accountId = ((AccountResult.Saved) account).id();
        return new SignedIn(patron.id(), barcode, patron.name(),
                new SignedInUser(accountId, username, "Reader " + n, role, Set.of()));
    }
}
