package org.carrel.circulation.web;

import static org.carrel.circulation.web.DeskAnswer.line;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.carrel.accounts.Permission;
import org.carrel.accounts.SignedInUser;
import org.carrel.catalog.Copies;
import org.carrel.catalog.ItemView;
import org.carrel.circulation.CheckinResult;
import org.carrel.circulation.CheckoutRequest;
import org.carrel.circulation.CheckoutResult;
import org.carrel.circulation.Circulation;
import org.carrel.circulation.LoanView;
import org.carrel.circulation.Refusal;
import org.carrel.circulation.RenewalResult;
import org.carrel.circulation.web.DeskAnswer.Line;
import org.carrel.circulation.web.DeskAnswer.OverrideOffer;
import org.carrel.patrons.Borrower;
import org.carrel.patrons.PatronStatus;
import org.carrel.patrons.Patrons;
import org.springframework.stereotype.Component;

/**
 * The acts of the desk on one scan, each a single call to {@link Circulation}, turned into the answer the desk
 * shows. The caller checked the desk permission and the school; an override reason reaches the facade only from
 * {@link DeskPages#override}, which only staff with the override permission reach.
 */
@Component
class DeskActs {

    private final Circulation circulation;
    private final Patrons patrons;
    private final Copies copies;
    private final DeskRouting routing;

    DeskActs(Circulation circulation, Patrons patrons, Copies copies, DeskRouting routing) {
        this.circulation = circulation;
        this.patrons = patrons;
        this.copies = copies;
        this.routing = routing;
    }

    DeskAnswer scan(SignedInUser user, DeskState desk, long schoolId, DeskMode mode, String barcode) {
        return switch (mode) {
            case CHECKOUT -> checkout(user, desk, schoolId, barcode, null);
            case CHECKIN -> checkin(user, desk, schoolId, barcode);
            case RENEW -> renew(user, desk, barcode, null);
            case USE -> inLibraryUse(schoolId, barcode);
        };
    }

    /**
     * Lends the copy to the desk's patron. Without a patron the scan is taken as a patron's card; a scan that is no
     * copy but a patron's card switches to that patron, so a scanner never needs the mouse.
     */
    DeskAnswer checkout(SignedInUser user, DeskState desk, long schoolId, String barcode, String overrideReason) {
        Optional<Borrower> patron = desk.patronId() == null ? Optional.empty() : patrons.borrower(desk.patronId());
        if (patron.isEmpty()) {
            return patronScanned(desk, barcode);
        }
        CheckoutResult result = circulation.checkout(new CheckoutRequest(patron.get().barcode(), barcode, schoolId,
                user.username(), overrideReason));
        if (result instanceof CheckoutResult.CheckedOut out) {
            LoanView loan = out.loan();
            desk.lent(new LentCopy(loan.id(), loan.patronId(), loan.barcode(), loan.title(), loan.dueOn()));
            return overridden(DeskAnswer.done(line("circulation.desk.checkedOut", loan.title(), loan.barcode(),
                    loan.dueOn().toString()), List.of()), out.overridden());
        }
        CheckoutResult.Refused refused = (CheckoutResult.Refused) result;
        if (refused.reason() == Refusal.UNKNOWN_ITEM && patrons.borrower(barcode).isPresent()) {
            return patronScanned(desk, barcode);
        }
        return refusal(user, DeskMode.CHECKOUT, barcode, refused.reason(), refused.detail(), overrideReason);
    }

    private DeskAnswer patronScanned(DeskState desk, String barcode) {
        Optional<Borrower> found = patrons.borrower(barcode);
        if (found.isEmpty()) {
            DeskAnswer unknown = DeskAnswer.refused(line("circulation.desk.notPatron", barcode),
                    Refusal.UNKNOWN_PATRON, null, null);
            return copies.itemByBarcode(barcode).isPresent() ? unknown.with(line("circulation.desk.patronFirst"))
                    : unknown;
        }
        Borrower patron = found.get();
        desk.patron(patron.id());
        DeskAnswer answer = DeskAnswer.note("circulation.desk.patronReady", patron.name(), patron.barcode());
        if (patron.status() != PatronStatus.ACTIVE) {
            answer = answer.with(line(Refusal.PATRON_INACTIVE.messageKey()));
        }
        return patron.blocked() ? answer.with(line(Refusal.PATRON_BLOCKED.messageKey())) : answer;
    }

    DeskAnswer checkin(SignedInUser user, DeskState desk, long schoolId, String barcode) {
        CheckinResult result = circulation.checkin(barcode, schoolId, user.username());
        if (result instanceof CheckinResult.UnknownItem) {
            return DeskAnswer.refused(line("circulation.desk.notCheckedIn", barcode), Refusal.UNKNOWN_ITEM, null,
                    null);
        }
        CheckinResult.CheckedIn in = (CheckinResult.CheckedIn) result;
        if (in.returned() != null) {
            desk.returned(in.returned().id());
        }
        String title = title(in.item());
        List<Line> lines = new ArrayList<>();
        lines.add(routing.whereNext(user, in));
        if (in.fine() != null) {
            lines.add(line("circulation.desk.fine", in.fine().toPlainString(), in.overdueDays()));
        }
        if (in.wasLost()) {
            lines.add(line("circulation.desk.wasLost"));
        }
        return DeskAnswer.done(line(in.returned() != null ? "circulation.desk.checkedIn" : "circulation.desk.notOut",
                title, in.item().barcode()), lines);
    }

    DeskAnswer renew(SignedInUser user, DeskState desk, String barcode, String overrideReason) {
        RenewalResult result = circulation.renew(barcode, user.username(), overrideReason);
        if (result instanceof RenewalResult.Renewed renewed) {
            LoanView loan = renewed.loan();
            desk.renewed(loan.id(), loan.dueOn());
            return overridden(DeskAnswer.done(line("circulation.desk.renewed", loan.title(), loan.barcode(),
                    loan.dueOn().toString()), List.of()), renewed.overridden());
        }
        RenewalResult.Refused refused = (RenewalResult.Refused) result;
        return refusal(user, DeskMode.RENEW, barcode, refused.reason(), refused.detail(), overrideReason);
    }

    DeskAnswer inLibraryUse(long schoolId, String barcode) {
        Optional<ItemView> item = circulation.countInLibraryUse(barcode, schoolId);
        if (item.isEmpty()) {
            return DeskAnswer.refused(line("circulation.desk.notCounted", barcode), Refusal.UNKNOWN_ITEM, null, null);
        }
        return DeskAnswer.done(line("circulation.desk.counted", title(item.get()), item.get().barcode()), List.of());
    }

    /** Renews every open loan of the patron; the answer, and the loans as they are now. */
    RenewedAll renewAll(SignedInUser user, DeskState desk, long patronId) {
        List<LoanView> before = circulation.loans(patronId, user.username());
        List<LoanView> after = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        int renewed = 0;
        for (LoanView loan : before) {
            RenewalResult result = circulation.renew(loan.barcode(), user.username(), null);
            if (result instanceof RenewalResult.Renewed done) {
                renewed++;
                after.add(done.loan());
                desk.renewed(done.loan().id(), done.loan().dueOn());
                lines.add(line("circulation.desk.renewedLine", loan.title(), loan.barcode(),
                        done.loan().dueOn().toString()));
            } else {
                after.add(loan);
                lines.add(new Line("circulation.desk.notRenewedLine", List.of(loan.title(), loan.barcode()),
                        ((RenewalResult.Refused) result).reason().messageKey()));
            }
        }
        DeskAnswer answer = new DeskAnswer(renewed == before.size() ? DeskAnswer.Kind.DONE
                : DeskAnswer.Kind.REFUSED, line("circulation.desk.renewedAll", renewed, before.size()), lines, null,
                null);
        return new RenewedAll(answer, after);
    }

    record RenewedAll(DeskAnswer answer, List<LoanView> loans) {
    }

    private static DeskAnswer refusal(SignedInUser user, DeskMode mode, String barcode, Refusal reason,
                                      String detail, String overrideReason) {
        boolean offer = reason.overridable() && user.has(Permission.CIRCULATION_OVERRIDE)
                && (overrideReason == null || overrideReason.isBlank());
        String headline = mode == DeskMode.RENEW ? "circulation.desk.notRenewed" : "circulation.desk.notCheckedOut";
        return DeskAnswer.refused(line(headline, barcode), reason, detail,
                offer ? new OverrideOffer(mode, barcode, reason, false) : null);
    }

    private static DeskAnswer overridden(DeskAnswer answer, List<Refusal> past) {
        DeskAnswer more = answer;
        if (!past.isEmpty()) {
            more = more.with(line("circulation.desk.overridden"));
            for (Refusal refusal : past) {
                more = more.with(line(refusal.messageKey()));
            }
        }
        return more;
    }

    static String title(ItemView item) {
        return item.title() == null || item.title().isBlank() ? "[" + item.barcode() + "]" : item.title();
    }
}
