package org.carrel.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.carrel.circulation.CheckoutRequest;
import org.carrel.circulation.CheckoutResult;
import org.carrel.circulation.Circulation;
import org.carrel.circulation.CirculationFixtures;
import org.carrel.patrons.Patrons;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Set-up of the notice tests: loans due on a chosen day, addresses and languages, guardians. */
@TestComponent
@Import(CirculationFixtures.class)
class NoticeFixtures {

    /** A loan and its copy's barcode. */
    record Lent(long loanId, String copy) {
    }

    private final CirculationFixtures fixtures;
    private final Circulation circulation;
    private final Patrons patrons;
    private final JdbcClient jdbc;

    NoticeFixtures(CirculationFixtures fixtures, Circulation circulation, Patrons patrons, JdbcClient jdbc) {
        this.fixtures = fixtures;
        this.circulation = circulation;
        this.patrons = patrons;
        this.jdbc = jdbc;
    }

    /** Lends a new copy of a new title at the school, due {@code daysAgo} days ago (negative: still to come). */
    Lent lend(String patron, String school, String title, int daysAgo) {
        Lent lent = lend(patron, fixtures.copy(fixtures.title(title), school));
        fixtures.makeDue(lent.loanId(), fixtures.now(), daysAgo);
        return lent;
    }

    /** Lends the copy as the desk would, due by the rules. */
    Lent lend(String patron, String copy) {
        CheckoutResult lent = circulation.checkout(CheckoutRequest.of(patron, copy, "test"));
        assertThat(lent).isInstanceOf(CheckoutResult.CheckedOut.class);
        return new Lent(((CheckoutResult.CheckedOut) lent).loan().id(), copy);
    }

    void contact(long patronId, String email, String language) {
        jdbc.sql("update patron set email = :email, preferred_language = :lang where id = :id").param("email", email)
                .param("lang", language).param("id", patronId).update();
    }

    /** A new guardian of the student at the school, with this address (null: none) and language. */
    long guardian(long studentId, String school, String email, String language) {
        long id = fixtures.patronId(fixtures.patron("GUARDIAN", school, ""));
        contact(id, email, language);
        assertThat(patrons.linkGuardian(studentId, id, "test").saved()).isTrue();
        return id;
    }
}
