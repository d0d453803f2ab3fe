package org.carrel.sip2;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.carrel.catalog.Copies;
import org.carrel.catalog.ItemStatus;
import org.carrel.catalog.ItemView;
import org.carrel.circulation.Charges;
import org.carrel.circulation.CheckinResult;
import org.carrel.circulation.CheckoutRequest;
import org.carrel.circulation.CheckoutResult;
import org.carrel.circulation.Circulation;
import org.carrel.circulation.Holds;
import org.carrel.circulation.LoanView;
import org.carrel.circulation.Refusal;
import org.carrel.circulation.Routing;
import org.carrel.district.District;
import org.carrel.patrons.Borrower;
import org.carrel.patrons.PatronStatus;
import org.carrel.patrons.Patrons;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What each SIP2 message does, as the desk does it: the same loan rules, refusals and audit (the actor is
 * {@code sip2:LOGIN}), at the terminal's school. Answers are built field by field in the specification's order;
 * screen messages (AF) are the desk's texts in the patron's language.
 */
@Component
class SipActs {

    /** The messages answered, in the order of the SC status answer's supported-messages field (BX). */
    static final List<String> SUPPORTED_ORDER = List.of("23", "11", "09", "01", "99", "97", "93", "63", "35", "37",
            "17", "19", "25", "15", "29", "65");

    private final Circulation circulation;
    private final Charges charges;
    private final Holds holds;
    private final Patrons patrons;
    private final Copies copies;
    private final District district;
    private final MessageSource messages;
    private final Clock clock;

    SipActs(Circulation circulation, Charges charges, Holds holds, Patrons patrons, Copies copies, District district,
            MessageSource messages, Clock clock) {
        this.circulation = circulation;
        this.charges = charges;
        this.holds = holds;
        this.patrons = patrons;
        this.copies = copies;
        this.district = district;
        this.messages = messages;
        this.clock = clock;
    }

    /** The commands this server answers (the rest get a negative answer and are marked N in BX). */
    static boolean supported(SipCommand command) {
        return switch (command) {
            case LOGIN, SC_STATUS, RESEND, PATRON_STATUS, CHECKOUT, CHECKIN, ITEM_INFORMATION, END_SESSION -> true;
            default -> false;
        };
    }

    /** 99 → 98: online, what the terminal may do, the supported messages. */
    SipAnswer status(SipTerminal terminal) {
        StringBuilder supported = new StringBuilder();
        for (String code : SUPPORTED_ORDER) {
            supported.append(SipCommand.byCode(code).map(SipActs::supported).orElse(false) ? 'Y' : 'N');
        }
        return new SipAnswer("98").flag(true).flag(true).flag(true).flag(false).flag(false).flag(false)
                .fixed("030").fixed("003").fixed(SipDates.of(now())).fixed("2.00")
                .field("AO", terminal.schoolCode()).field("AM", schoolName(terminal))
                .field("BX", supported.toString()).field("AN", terminal.login());
    }

    /** 23 → 24: whether the patron may borrow, their name and what they owe. */
    SipAnswer patronStatus(SipTerminal terminal, SipMessage request) {
        String barcode = request.text("AA");
        Optional<Borrower> patron = patrons.borrower(barcode);
        SipAnswer answer = new SipAnswer("24").fixed(privileges(patron)).fixed(language(request, patron))
                .fixed(SipDates.of(now())).field("AO", terminal.schoolCode()).field("AA", barcode);
        if (patron.isEmpty()) {
            return answer.field("AE", "").field("BL", "N").field("AF", text(Refusal.UNKNOWN_PATRON, Locale.ENGLISH));
        }
        BigDecimal owed = charges.owed(List.of(patron.get().id())).getOrDefault(patron.get().id(), BigDecimal.ZERO);
        return answer.field("AE", patron.get().name()).field("BL", "Y").field("BV", owed.setScale(2).toPlainString());
    }

    /** 11 → 12: a checkout at the terminal's school; a retried one answers its loan again. */
    SipAnswer checkout(SipTerminal terminal, SipMessage request) {
        String patronBarcode = request.text("AA");
        String itemBarcode = request.text("AB");
        CheckoutResult result = circulation.checkout(new CheckoutRequest(patronBarcode, itemBarcode,
                terminal.schoolId(), actor(terminal), null));
        Locale locale = locale(patrons.borrower(patronBarcode));
        LoanView loan = null;
        String screen = null;
        if (result instanceof CheckoutResult.CheckedOut lent) {
            loan = lent.loan();
        } else {
            Refusal reason = ((CheckoutResult.Refused) result).reason();
            if (reason == Refusal.ALREADY_OUT_TO_PATRON) {
                // The kiosk did not hear the first answer: the loan it asked for exists, so this one succeeds too.
                loan = circulation.loanOf(itemBarcode).orElse(null);
            }
            if (loan == null) {
                screen = text(reason, locale);
            }
        }
        boolean ok = loan != null;
        SipAnswer answer = new SipAnswer("12").fixed(ok ? "1" : "0").flag(false).fixed("U").flag(ok)
                .fixed(SipDates.of(now())).field("AO", terminal.schoolCode()).field("AA", patronBarcode)
                .field("AB", itemBarcode).field("AJ", ok ? loan.title() : title(itemBarcode))
                .field("AH", ok ? SipDates.of(loan.dueOn()) : "");
        return answer.field("AF", screen);
    }

    /** 09 → 10: a return, with where the copy goes (CL: the sort bin) and an alert unless it goes to the shelf. */
    SipAnswer checkin(SipTerminal terminal, SipMessage request) {
        String itemBarcode = request.text("AB");
        CheckinResult result = circulation.checkin(itemBarcode, terminal.schoolId(), actor(terminal));
        if (result instanceof CheckinResult.UnknownItem) {
            return new SipAnswer("10").fixed("0").flag(false).fixed("U").flag(false).fixed(SipDates.of(now()))
                    .field("AO", terminal.schoolCode()).field("AB", itemBarcode).field("AQ", "")
                    .field("AF", text(Refusal.UNKNOWN_ITEM, Locale.ENGLISH));
        }
        CheckinResult.CheckedIn back = (CheckinResult.CheckedIn) result;
        Locale locale = back.borrower() == null ? Locale.ENGLISH : locale(patrons.borrower(back.borrower().barcode()));
        String bin = switch (back.routing()) {
            case SHELF -> null;
            case HOLD_SHELF -> "HOLD";
            case TRANSIT -> district.school(back.destinationSchoolId()).map(s -> s.code()).orElse("TRANSIT");
        };
        return new SipAnswer("10").fixed("1").flag(true).fixed("U").flag(back.routing() != Routing.SHELF)
                .fixed(SipDates.of(now())).field("AO", terminal.schoolCode()).field("AB", itemBarcode)
                .field("AQ", schoolCode(back.item().schoolId())).field("AJ", back.item().title())
                .field("CL", bin)
                .field("AF", messages.getMessage("circulation.routing." + back.routing().name(), null, locale));
    }

    /** 17 → 18: the copy's circulation status, due date when out, and its title's hold queue. */
    SipAnswer itemInformation(SipTerminal terminal, SipMessage request) {
        String itemBarcode = request.text("AB");
        Optional<ItemView> item = copies.itemByBarcode(itemBarcode);
        if (item.isEmpty()) {
            return new SipAnswer("18").fixed("01").fixed("00").fixed("01").fixed(SipDates.of(now()))
                    .field("AB", itemBarcode).field("AJ", "").field("AF", text(Refusal.UNKNOWN_ITEM, Locale.ENGLISH));
        }
        Optional<LoanView> loan = circulation.loanOf(itemBarcode);
        String status = loan.filter(l -> l.claimedReturnedAt() != null).isPresent() ? "11"
                : circulationStatus(item.get().status());
        return new SipAnswer("18").fixed(status).fixed("00").fixed("01").fixed(SipDates.of(now()))
                .field("AB", itemBarcode).field("AJ", item.get().title())
                .field("CF", String.valueOf(holds.queue(item.get().recordId()).stream().filter(h -> h.waiting())
                        .count()))
                .field("AH", loan.map(l -> SipDates.of(l.dueOn())).orElse(null))
                .field("AQ", schoolCode(item.get().schoolId())).field("AP", schoolCode(item.get().schoolId()));
    }

    /** 35 → 36: nothing is kept per patron session, so it always ends. */
    SipAnswer endSession(SipTerminal terminal, SipMessage request) {
        return new SipAnswer("36").flag(true).fixed(SipDates.of(now())).field("AO", terminal.schoolCode())
                .field("AA", request.text("AA"));
    }

    /**
     * The negative answer to a message this server will not carry out (not logged in, not supported, failed): the
     * answer's command with its fixed fields saying no, the ids the request named, and {@code screen} as AF.
     */
    SipAnswer refused(SipMessage request, SipTerminal terminal, String screen) {
        String date = SipDates.of(now());
        String school = terminal == null ? request.text("AO") : terminal.schoolCode();
        SipAnswer answer = switch (request.command()) {
            case LOGIN -> new SipAnswer("94").fixed("0");
            case SC_STATUS -> new SipAnswer("98").flag(false).flag(false).flag(false).flag(false).flag(false)
                    .flag(false).fixed("030").fixed("003").fixed(date).fixed("2.00").field("AO", school)
                    .field("BX", "N".repeat(SUPPORTED_ORDER.size()));
            case PATRON_STATUS, BLOCK_PATRON -> new SipAnswer("24").fixed("YYYY" + " ".repeat(10)).fixed("000")
                    .fixed(date).field("AO", school).field("AA", request.text("AA")).field("AE", "").field("BL", "N");
            case PATRON_INFORMATION -> new SipAnswer("64").fixed("YYYY" + " ".repeat(10)).fixed("000").fixed(date)
                    .fixed("0000".repeat(6)).field("AO", school).field("AA", request.text("AA")).field("AE", "")
                    .field("BL", "N");
            case CHECKOUT -> new SipAnswer("12").fixed("0").flag(false).fixed("U").flag(false).fixed(date)
                    .field("AO", school).field("AA", request.text("AA")).field("AB", request.text("AB"))
                    .field("AJ", "").field("AH", "");
            case CHECKIN -> new SipAnswer("10").fixed("0").flag(false).fixed("U").flag(false).fixed(date)
                    .field("AO", school).field("AB", request.text("AB")).field("AQ", "");
            case RENEW -> new SipAnswer("30").fixed("0").flag(false).fixed("U").flag(false).fixed(date)
                    .field("AO", school).field("AA", request.text("AA")).field("AB", request.text("AB"))
                    .field("AJ", "").field("AH", "");
            case RENEW_ALL -> new SipAnswer("66").fixed("0").count(0, 4).count(0, 4).fixed(date).field("AO", school);
            case ITEM_INFORMATION -> new SipAnswer("18").fixed("01").fixed("00").fixed("01").fixed(date)
                    .field("AB", request.text("AB")).field("AJ", "");
            case END_SESSION -> new SipAnswer("36").flag(false).fixed(date).field("AO", school)
                    .field("AA", request.text("AA"));
            case FEE_PAID -> new SipAnswer("38").flag(false).fixed(date).field("AO", school)
                    .field("AA", request.text("AA"));
            case HOLD -> new SipAnswer("16").fixed("0").flag(false).fixed(date).field("AO", school)
                    .field("AA", request.text("AA"));
            case RESEND -> new SipAnswer("96");
        };
        return request.command() == SipCommand.LOGIN || request.command() == SipCommand.RESEND ? answer
                : answer.field("AF", screen);
    }

    /** SIP2 circulation status codes (2 digits) for a copy's status. */
    static String circulationStatus(ItemStatus status) {
        return switch (status) {
            case AVAILABLE -> "03";
            case CHECKED_OUT -> "04";
            case ON_HOLD_SHELF -> "08";
            case IN_TRANSIT -> "10";
            case LOST -> "12";
            case MISSING -> "13";
            case IN_REPAIR -> "06";
            case ON_ORDER -> "02";
            case DAMAGED, WITHDRAWN -> "01";
        };
    }

    /** Patron status, 14 flags: charge, renewal, recall and hold privileges denied for a blocked or gone patron. */
    private static String privileges(Optional<Borrower> patron) {
        boolean denied = patron.isEmpty() || patron.get().blocked() || patron.get().status() != PatronStatus.ACTIVE;
        return (denied ? "YYYY" : "    ") + " ".repeat(10);
    }

    /** The SIP2 language code: the patron's language when known (001 English, 008 Spanish), else the request's. */
    private static String language(SipMessage request, Optional<Borrower> patron) {
        String asked = request.fixed(0, 3);
        return patron.map(p -> "es".equals(p.preferredLanguage()) ? "008" : "001").orElse(asked);
    }

    private static Locale locale(Optional<Borrower> patron) {
        return patron.map(p -> "es".equals(p.preferredLanguage()) ? Locale.forLanguageTag("es") : Locale.ENGLISH)
                .orElse(Locale.ENGLISH);
    }

    private String text(Refusal reason, Locale locale) {
        return messages.getMessage(reason.messageKey(), null, reason.name(), locale);
    }

    private String title(String itemBarcode) {
        return copies.itemByBarcode(itemBarcode).map(ItemView::title).orElse("");
    }

    private String schoolCode(long schoolId) {
        return district.school(schoolId).map(s -> s.code()).orElse("");
    }

    private String schoolName(SipTerminal terminal) {
        return district.school(terminal.schoolId()).map(s -> s.name()).orElse(null);
    }

    static String actor(SipTerminal terminal) {
        return "sip2:" + terminal.login();
    }

    private ZonedDateTime now() {
        return ZonedDateTime.now(clock).withZoneSameInstant(district.zone());
    }
}
