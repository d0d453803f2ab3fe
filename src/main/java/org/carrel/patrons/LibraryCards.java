package org.carrel.patrons;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.carrel.catalog.labels.Symbology;
import org.carrel.accounts.AuditLog;
import org.carrel.district.District;
import org.carrel.district.SchoolView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Library cards: PDF sheets of credit-card-size cards with the patron's name, school and a scannable barcode, for a
 * homeroom's active students or for chosen patrons. Only active patrons get a card (a graduated or transferred
 * student's card would be refused at the desk). Every print writes one audit entry, {@code patrons.cards.printed},
 * whose detail says how many cards; who may print for which school is the caller's check (staff pages: PATRON_EDIT
 * and acting for each patron's school).
 */
@Service
public class LibraryCards {

    /** Cards in one print at most: a whole school's worth, a few hundred sheets. */
    public static final int MAX_CARDS = 3000;

    private final PatronStore store;
    private final District district;
    private final AuditLog audit;

    LibraryCards(PatronStore store, District district, AuditLog audit) {
        this.store = store;
        this.district = district;
        this.audit = audit;
    }

    /** Cards for the active students of a homeroom, by name. */
    @Transactional
    public CardPrint forHomeroom(long homeroomId, Symbology symbology, CardSheet sheet, String actor) {
        Optional<HomeroomView> homeroom = store.homeroom(homeroomId);
        if (homeroom.isEmpty()) {
            return new CardPrint.Refused("patrons.cards.noHomeroom");
        }
        List<HomeroomMember> members = store.members(homeroomId);
        if (members.isEmpty()) {
            return new CardPrint.Refused("patrons.cards.emptyHomeroom", homeroom.get().name());
        }
        String school = schoolName(homeroom.get().schoolId());
        List<LibraryCard> cards = members.stream()
                .map(member -> new LibraryCard(member.name(), school, member.barcode())).toList();
        return print(cards, symbology, sheet, actor, "homeroom", homeroomId);
    }

    /** Cards for the chosen patrons, in the order given, one per patron however often it is named. */
    @Transactional
    public CardPrint forPatrons(List<Long> patronIds, Symbology symbology, CardSheet sheet, String actor) {
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(patronIds));
        if (ids.isEmpty()) {
            return new CardPrint.Refused("patrons.cards.noneChosen");
        }
        List<PatronSummary> patrons = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (long id : ids) {
            store.summaryById(id).ifPresentOrElse(patrons::add, () -> unknown.add(String.valueOf(id)));
        }
        if (!unknown.isEmpty()) {
            return new CardPrint.Refused("patrons.cards.unknownPatrons", String.join(", ", unknown));
        }
        String inactive = patrons.stream().filter(p -> p.status() != PatronStatus.ACTIVE)
                .map(p -> p.name() + " (" + p.barcode() + ")").collect(Collectors.joining(", "));
        if (!inactive.isEmpty()) {
            return new CardPrint.Refused("patrons.cards.notActive", inactive);
        }
        Map<Long, String> schools = district.schools().stream()
                .collect(Collectors.toMap(SchoolView::id, SchoolView::name));
        List<LibraryCard> cards = patrons.stream()
                .map(p -> new LibraryCard(p.name(), schools.getOrDefault(p.schoolId(), ""), p.barcode())).toList();
        return print(cards, symbology, sheet, actor, "patron", ids.size() == 1 ? ids.get(0) : null);
    }

    private CardPrint print(List<LibraryCard> cards, Symbology symbology, CardSheet sheet, String actor,
                            String recordType, Long recordId) {
        if (cards.size() > MAX_CARDS) {
            return new CardPrint.Refused("patrons.cards.tooMany", cards.size(), MAX_CARDS);
        }
        String unprintable = cards.stream().map(LibraryCard::barcode).filter(b -> !symbology.canHold(b))
                .collect(Collectors.joining(", "));
        if (!unprintable.isEmpty()) {
            return new CardPrint.Refused(symbology == Symbology.CODE39 ? "patrons.cards.notCode39"
                    : "patrons.cards.notCode128", unprintable);
        }
        String tooLong = cards.stream().map(LibraryCard::barcode).filter(b -> !CardPdf.fits(b, symbology))
                .collect(Collectors.joining(", "));
        if (!tooLong.isEmpty()) {
            return new CardPrint.Refused("patrons.cards.tooLong", tooLong);
        }
        byte[] pdf = new CardPdf().print(cards, symbology, sheet);
        audit.record(actor, "patrons.cards.printed", recordType, recordId,
                cards.size() + " cards (" + symbology.name() + ", " + sheet.name() + ")");
        return new CardPrint.Printed(pdf, cards.size());
    }

    private String schoolName(long schoolId) {
        return district.school(schoolId).map(SchoolView::name).orElse("");
    }
}
