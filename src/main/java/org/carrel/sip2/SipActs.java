package org.carrel.sip2;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.carrel.catalog.Catalog;
import org.carrel.catalog.Copies;
import org.carrel.catalog.ItemStatus;
import org.carrel.catalog.ItemType;
import org.carrel.catalog.ItemView;
import org.carrel.circulation.ChargeView;
import org.carrel.circulation.Charges;
import org.carrel.circulation.CheckinResult;
import org.carrel.circulation.CheckoutRequest;
import org.carrel.circulation.CheckoutResult;
import org.carrel.circulation.Circulation;
import org.carrel.circulation.HoldRequest;
import org.carrel.circulation.HoldResult;
import org.carrel.circulation.HoldView;
import org.carrel.circulation.Holds;
import org.carrel.circulation.LoanView;
import org.carrel.circulation.Refusal;
import org.carrel.circulation.RenewalResult;
import org.carrel.circulation.Routing;
import org.carrel.district.District;
import org.carrel.patrons.Borrower;
import org.carrel.patrons.PatronPins;
import org.carrel.patrons.PatronStatus;
import org.carrel.patrons.Patrons;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each SIP2 message does, as the desk does it: the same loan rules, refusals and audit (the actor is
 * {@code sip2:LOGIN}), at the terminal's school. Answers are built field by field in the specification's order;
 * screen messages (AF) are the desk's texts in the patron's language.
 */
@Component
class SipActs {

    /**
     * The messages of the SC status answer's supported-messages field (BX), in its order: all but item status update
     * (19) and patron enable (25), which are answered 96.
     */
    static final List<String> SUPPORTED_ORDER = List.of("23", "11", "09", "01", "99", "97", "93", "63", "35", "37",
            "17", "19", "25", "15", "29", "65");

    /** What the patron password (AD) of a message came to. */
    enum Pin { NOT_GIVEN, RIGHT, WRONG, LOCKED }

    /** Wrong PINs for one patron within {@link #PIN_WINDOW} after which every PIN is refused until it passes. */
    static final int MAX_WRONG_PINS = 5;
    static final Duration PIN_WINDOW = Duration.ofMinutes(15);

    private final FailureWindow<Long> wrongPins;
    private final PatronPins pins;
    private final Catalog catalog;
    private final Circulation circulation;
    private final Charges charges;
    private final Holds holds;
    private final Patrons patrons;
    private final Copies copies;
    private final District district;
    private final MessageSource messages;
    private final Clock clock;

    SipActs(PatronPins pins, Catalog catalog, Circulation circulation, Charges charges, Holds holds, Patrons patrons,
            Copies copies, District district, MessageSource messages, Clock clock) {
        this.pins = pins;
        this.wrongPins = new FailureWindow<>(MAX_WRONG_PINS, PIN_WINDOW, clock);
        this.catalog = catalog;
        this.circulation = circulation;
        this.charges = charges;
        this.holds = holds;
        this.patrons = patrons;
        this.copies = copies;
        this.district = district;
        this.messages = messages;
        this.clock = clock;
    }

    /** 99 → 98: online, what the terminal may do, the supported messages. */
    SipAnswer status(SipTerminal terminal) {
        StringBuilder supported = new StringBuilder();
        for (String code : SUPPORTED_ORDER) {
            supported.append(SipCommand.byCode(code).isPresent() ? 'Y' : 'N');
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
        Pin pin = pin(patron.get(), request);
        return answer.field("AE", patron.get().name()).field("BL", "Y").field("CQ", validPin(pin))
                .field("BV", owed.setScale(2).toPlainString()).field("AF", pinProblem(pin, locale(patron)));
    }

    /** 11 → 12: a checkout at the terminal's school; a retried one answers its loan again. */
    SipAnswer checkout(SipTerminal terminal, SipMessage request) {
        String patronBarcode = request.text("AA");
        String itemBarcode = request.text("AB");
        Optional<Borrower> borrower = patrons.borrower(patronBarcode);
        Locale locale = locale(borrower);
        String wrongPin = wrongPin(borrower, request);
        if (wrongPin != null) {
            return refused(request, terminal, wrongPin);
        }
        CheckoutResult result = circulation.checkout(new CheckoutRequest(patronBarcode, itemBarcode,
                terminal.schoolId(), actor(terminal), null));
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
        Optional<ItemView> item = copies.itemByBarcode(itemBarcode);
        SipAnswer answer = new SipAnswer("12").fixed(ok ? "1" : "0").flag(false).fixed("U").flag(ok)
                .fixed(SipDates.of(now())).field("AO", terminal.schoolCode()).field("AA", patronBarcode)
                .field("AB", itemBarcode).field("AJ", ok ? loan.title() : item.map(ItemView::title).orElse(""))
                .field("AH", ok ? SipDates.of(loan.dueOn()) : "")
                .field("CK", item.map(i -> mediaType(i.itemType())).orElse(null));
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
                .field("CL", bin).field("CK", mediaType(back.item().itemType()))
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
                .field("AQ", schoolCode(item.get().schoolId())).field("AP", schoolCode(item.get().schoolId()))
                .field("CK", mediaType(item.get().itemType()));
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

    /**
     * 63 → 64: the patron's counts (holds ready, overdue, out, charges, recalls: none, holds waiting) and the lists
     * the summary field asks for (one Y among its first six places), from BP to BQ (1-based, default all). Items are
     * copies' barcodes, holds their titles, charges "id amount description". The patron's own view: not audited.
     */
    SipAnswer patronInformation(SipTerminal terminal, SipMessage request) {
        Optional<Borrower> patron = patrons.borrower(request.text("AA"));
        if (patron.isEmpty()) {
            return refused(request, terminal, text(Refusal.UNKNOWN_PATRON, Locale.ENGLISH));
        }
        long id = patron.get().id();
        ZonedDateTime now = now();
        List<LoanView> out = circulation.ownLoans(id);
        List<LoanView> overdue = out.stream().filter(l -> l.overdueAt(now.toOffsetDateTime())).toList();
        List<HoldView> mine = holds.ofPatron(id);
        List<HoldView> ready = mine.stream().filter(h -> "READY".equals(h.status())).toList();
        List<HoldView> waiting = mine.stream().filter(HoldView::waiting).toList();
        List<ChargeView> owing = charges.ownCharges(id);
        BigDecimal owed = owing.stream().map(ChargeView::owed).reduce(BigDecimal.ZERO, BigDecimal::add);
        SipAnswer answer = new SipAnswer("64").fixed(privileges(patron)).fixed(language(request, patron))
                .fixed(SipDates.of(now)).count(ready.size(), 4).count(overdue.size(), 4).count(out.size(), 4)
                .count(owing.size(), 4).count(0, 4).count(waiting.size(), 4)
                .field("AO", terminal.schoolCode()).field("AA", patron.get().barcode())
                .field("AE", patron.get().name()).field("BL", "Y").field("CQ", validPin(pin(patron.get(), request)))
                .field("BV", owed.setScale(2).toPlainString());
        String summary = request.fixed(21, 10);
        int first = number(request.text("BP"), 1);
        int last = number(request.text("BQ"), Integer.MAX_VALUE);
        int asked = summary.indexOf('Y');
        List<String> wanted = switch (asked) {
            case 0 -> titles(ready);
            case 1 -> overdue.stream().map(LoanView::barcode).toList();
            case 2 -> out.stream().map(LoanView::barcode).toList();
            case 3 -> owing.stream().map(c -> c.id() + " " + c.owed().setScale(2).toPlainString() + " "
                    + (c.description() == null ? c.kind() : c.description())).toList();
            case 5 -> titles(waiting);
            default -> List.of();
        };
        String listId = asked >= 0 && asked < 6 ? List.of("AS", "AT", "AU", "AV", "BU", "CD").get(asked) : null;
        for (int i = Math.max(1, first); i <= Math.min(last, wanted.size()); i++) {
            answer.field(listId, wanted.get(i - 1));
        }
        return answer;
    }

    /** 29 → 30: renews one of the patron's loans by the rule that applies now. */
    SipAnswer renew(SipTerminal terminal, SipMessage request) {
        String itemBarcode = request.text("AB");
        Optional<Borrower> patron = patrons.borrower(request.text("AA"));
        Optional<LoanView> loan = circulation.loanOf(itemBarcode);
        String wrongPin = wrongPin(patron, request);
        if (wrongPin != null) {
            return refused(request, terminal, wrongPin);
        }
        Refusal problem = patron.isEmpty() ? Refusal.UNKNOWN_PATRON
                : copies.itemByBarcode(itemBarcode).isEmpty() ? Refusal.UNKNOWN_ITEM
                : loan.isEmpty() || loan.get().patronId() != patron.get().id() ? Refusal.NOT_CHECKED_OUT : null;
        LoanView renewed = null;
        if (problem == null) {
            RenewalResult result = circulation.renew(itemBarcode, actor(terminal), null);
            if (result instanceof RenewalResult.Renewed done) {
                renewed = done.loan();
            } else {
                problem = ((RenewalResult.Refused) result).reason();
            }
        }
        boolean ok = renewed != null;
        return new SipAnswer("30").fixed(ok ? "1" : "0").flag(ok).fixed("U").flag(false).fixed(SipDates.of(now()))
                .field("AO", terminal.schoolCode()).field("AA", request.text("AA")).field("AB", itemBarcode)
                .field("AJ", ok ? renewed.title() : title(itemBarcode)).field("AH", ok ? SipDates.of(renewed.dueOn())
                        : "")
                .field("AF", ok ? null : text(problem, locale(patron)));
    }

    /** 65 → 66: renews every loan of the patron that may be renewed; BM lists those renewed, BN the others. */
    SipAnswer renewAll(SipTerminal terminal, SipMessage request) {
        Optional<Borrower> patron = patrons.borrower(request.text("AA"));
        if (patron.isEmpty()) {
            return refused(request, terminal, text(Refusal.UNKNOWN_PATRON, Locale.ENGLISH));
        }
        String wrongPin = wrongPin(patron, request);
        if (wrongPin != null) {
            return refused(request, terminal, wrongPin);
        }
        List<String> renewed = new java.util.ArrayList<>();
        List<String> not = new java.util.ArrayList<>();
        for (LoanView loan : circulation.ownLoans(patron.get().id())) {
            boolean done = circulation.renew(loan.barcode(), actor(terminal), null) instanceof RenewalResult.Renewed;
            (done ? renewed : not).add(loan.barcode());
        }
        SipAnswer answer = new SipAnswer("66").fixed("1").count(renewed.size(), 4).count(not.size(), 4)
                .fixed(SipDates.of(now())).field("AO", terminal.schoolCode());
        renewed.forEach(b -> answer.field("BM", b));
        not.forEach(b -> answer.field("BN", b));
        return answer;
    }

    /**
     * 15 → 16: hold mode + places a hold on the title of the copy AB for pickup at BS (a school code; default the
     * terminal's school), - cancels the patron's hold on that title. BR answers the place in the queue.
     */
    SipAnswer hold(SipTerminal terminal, SipMessage request) {
        Optional<Borrower> patron = patrons.borrower(request.text("AA"));
        Optional<ItemView> item = copies.itemByBarcode(request.text("AB"));
        char mode = request.fixed(0, 1).charAt(0);
        Refusal problem = patron.isEmpty() ? Refusal.UNKNOWN_PATRON : item.isEmpty() ? Refusal.UNKNOWN_ITEM : null;
        if (problem != null || (mode != '+' && mode != '-')) {
            return refused(request, terminal, problem == null ? "Only hold modes + and - are supported."
                    : text(problem, locale(patron)));
        }
        String wrongPin = wrongPin(patron, request);
        if (wrongPin != null) {
            return refused(request, terminal, wrongPin);
        }
        long recordId = item.get().recordId();
        if (mode == '-') {
            Optional<HoldView> held = holds.ofPatron(patron.get().id()).stream()
                    .filter(h -> h.recordId() == recordId).findFirst();
            boolean cancelled = held.isPresent() && holds.cancel(held.get().id(), actor(terminal));
            return new SipAnswer("16").fixed(cancelled ? "1" : "0").flag(false).fixed(SipDates.of(now()))
                    .field("AO", terminal.schoolCode()).field("AA", patron.get().barcode())
                    .field("AB", item.get().barcode()).field("AJ", item.get().title())
                    .field("AF", cancelled ? null : text(Refusal.UNKNOWN_HOLD, locale(patron)));
        }
        String pickupCode = request.text("BS").isBlank() ? terminal.schoolCode() : request.text("BS");
        Optional<Long> pickup = district.school(pickupCode).map(s -> s.id());
        if (pickup.isEmpty()) {
            return refused(request, terminal, text(Refusal.UNKNOWN_SCHOOL, locale(patron)));
        }
        HoldResult result = holds.place(HoldRequest.onTitle(patron.get().id(), recordId, pickup.get(),
                actor(terminal)));
        boolean placed = result instanceof HoldResult.Placed;
        SipAnswer answer = new SipAnswer("16").fixed(placed ? "1" : "0")
                .flag(item.get().status() == ItemStatus.AVAILABLE).fixed(SipDates.of(now()))
                .field("BR", placed ? String.valueOf(((HoldResult.Placed) result).position()) : null)
                .field("BS", pickupCode).field("AO", terminal.schoolCode()).field("AA", patron.get().barcode())
                .field("AB", item.get().barcode()).field("AJ", item.get().title());
        return answer.field("AF", placed ? null : text(((HoldResult.Refused) result).reason(), locale(patron)));
    }

    /**
     * 37 → 38: a payment of BV against the charge CG (its id), or against the patron's charges oldest first. All or
     * nothing: one transaction, refused when it is more than is owed.
     */
    @Transactional
    public SipAnswer feePaid(SipTerminal terminal, SipMessage request) {
        Optional<Borrower> patron = patrons.borrower(request.text("AA"));
        BigDecimal amount;
        try {
            amount = new BigDecimal(request.text("BV").strip());
        } catch (NumberFormatException e) {
            amount = BigDecimal.ZERO;
        }
        String cg = request.text("CG").strip();
        List<ChargeView> owing = patron.map(p -> charges.ownCharges(p.id())).orElse(List.of()).stream()
                .filter(c -> cg.isEmpty() || String.valueOf(c.id()).equals(cg)).toList();
        BigDecimal owed = owing.stream().map(ChargeView::owed).reduce(BigDecimal.ZERO, BigDecimal::add);
        String wrongPin = wrongPin(patron, request);
        String problem = patron.isEmpty() ? text(Refusal.UNKNOWN_PATRON, Locale.ENGLISH)
                : wrongPin != null ? wrongPin
                : amount.signum() <= 0 ? "The amount paid (BV) must be a positive number."
                : owing.isEmpty() ? "No charge to pay" + (cg.isEmpty() ? "." : " with id " + cg + ".")
                : amount.compareTo(owed) > 0 ? "The amount paid is more than the " + owed.setScale(2)
                        .toPlainString() + " owed." : null;
        if (problem == null) {
            BigDecimal left = amount;
            for (ChargeView charge : owing) {
                BigDecimal part = left.min(charge.owed());
                if (part.signum() > 0 && !charges.pay(charge.id(), charge.version(), part, actor(terminal)).done()) {
                    throw new IllegalStateException("charge " + charge.id() + " changed while it was being paid");
                }
                left = left.subtract(part);
            }
        }
        return new SipAnswer("38").flag(problem == null).fixed(SipDates.of(now())).field("AO", terminal.schoolCode())
                .field("AA", request.text("AA")).field("BK", request.field("BK").orElse(null))
                .field("AF", problem);
    }

    /** 01 → 24: a kiosk blocks the patron (a card left behind, say), with its message (AL) as the reason. */
    SipAnswer blockPatron(SipTerminal terminal, SipMessage request) {
        Optional<Borrower> patron = patrons.borrower(request.text("AA"));
        if (patron.isPresent()) {
            String why = request.text("AL").isBlank() ? "blocked by SIP2 terminal " + terminal.login()
                    : request.text("AL");
            patrons.block(patron.get().id(), why.length() > 200 ? why.substring(0, 200) : why, actor(terminal));
        }
        return patronStatus(terminal, request);
    }

    /**
     * Checks the patron password (AD) when the message has a non-empty one: right, wrong (no PIN set counts as
     * wrong: a kiosk asking for a PIN must not let a card through without one) or locked after
     * {@link #MAX_WRONG_PINS} wrong ones within {@link #PIN_WINDOW}, when even the right one is refused.
     */
    Pin pin(Borrower patron, SipMessage request) {
        String given = request.text("AD");
        if (given.isEmpty()) {
            return Pin.NOT_GIVEN;
        }
        if (wrongPins.shut(patron.id())) {
            return Pin.LOCKED;
        }
        if (pins.matches(patron.id(), given).orElse(false)) {
            return Pin.RIGHT;
        }
        wrongPins.failed(patron.id());
        return Pin.WRONG;
    }

    /** The screen message refusing a message whose PIN was given and not accepted; null otherwise. */
    private String wrongPin(Optional<Borrower> patron, SipMessage request) {
        return patron.map(p -> pinProblem(pin(p, request), locale(patron))).orElse(null);
    }

    /** CQ, valid patron password: only when the message gave one. */
    private static String validPin(Pin pin) {
        return pin == Pin.NOT_GIVEN ? null : pin == Pin.RIGHT ? "Y" : "N";
    }

    /** The screen message for a PIN that was given and not accepted, else null. */
    private String pinProblem(Pin pin, Locale locale) {
        return switch (pin) {
            case WRONG -> messages.getMessage("sip2.pin.wrong", null, locale);
            case LOCKED -> messages.getMessage("sip2.pin.locked", null, locale);
            case NOT_GIVEN, RIGHT -> null;
        };
    }

    private List<String> titles(List<HoldView> list) {
        java.util.Map<Long, String> titles = new java.util.HashMap<>();
        catalog.records(list.stream().map(HoldView::recordId).distinct().toList())
                .forEach(r -> titles.put(r.id(), r.description().title() == null ? "" : r.description().title()));
        return list.stream().map(h -> titles.getOrDefault(h.recordId(), "")).toList();
    }

    private static int number(String text, int otherwise) {
        try {
            return text.isBlank() ? otherwise : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /**
     * The SIP2 media type (CK, 3 digits) of a copy's type: 001 book, 002 magazine, 006 disc (CD, DVD, audiobook),
     * 000 other (kits, equipment, e-books and the rest).
     */
    static String mediaType(ItemType type) {
        return switch (type) {
            case BOOK, PAPERBACK, REFERENCE -> "001";
            case MAGAZINE -> "002";
            case DVD, MUSIC_CD, AUDIOBOOK -> "006";
            case EBOOK, KIT, EQUIPMENT, OTHER -> "000";
        };
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
