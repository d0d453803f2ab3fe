package org.carrel.patrons.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.carrel.catalog.labels.Symbology;
import org.carrel.accounts.Allowed;
import org.carrel.accounts.Permission;
import org.carrel.accounts.SignedInUser;
import org.carrel.district.District;
import org.carrel.district.SchoolView;
import org.carrel.patrons.CardPrint;
import org.carrel.patrons.CardSheet;
import org.carrel.patrons.HomeroomView;
import org.carrel.patrons.LibraryCards;
import org.carrel.patrons.PatronSummary;
import org.carrel.patrons.Patrons;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Printing library cards: a homeroom's cards from its page, and cards for chosen patrons (ticked on the find page, or
 * barcodes typed or scanned into a list). Printing needs PATRON_EDIT and acting for every card's school: a patron of
 * another school is refused with 403. The answer is the PDF as a download, or the page again with the reason (422).
 */
@Controller
class CardPages {

    private final LibraryCards cards;
    private final Patrons patrons;
    private final District district;

    CardPages(LibraryCards cards, Patrons patrons, District district) {
        this.cards = cards;
        this.patrons = patrons;
        this.district = district;
    }

    @PostMapping("/staff/homerooms/{id}/cards")
    @Allowed(Permission.PATRON_EDIT)
    Object homeroomCards(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
                         @RequestParam(defaultValue = "") String symbology,
                         @RequestParam(defaultValue = "") String sheet) {
        HomeroomView homeroom = patrons.homeroom(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        PatronScope.requireEdit(user, homeroom.schoolId());
        CardPrint result = choicesKnown(symbology, sheet)
                ? cards.forHomeroom(id, Symbology.parse(symbology), CardSheet.parse(sheet), user.username())
                : new CardPrint.Refused("patrons.cards.choice.invalid");
        if (result instanceof CardPrint.Printed printed) {
            return pdf(printed, "library-cards-" + slug(homeroom.name()));
        }
        String school = district.school(homeroom.schoolId()).map(SchoolView::name).orElse("");
        return homeroomPage(user, homeroom, patrons, school, (CardPrint.Refused) result);
    }

    @GetMapping("/staff/patrons/cards")
    @Allowed(Permission.PATRON_EDIT)
    ModelAndView cardsForm() {
        return cardsPage("", Symbology.CODE128.name(), CardSheet.LETTER.name(), null);
    }

    /** Cards for the patrons ticked ({@code patron} ids) and those whose barcodes are listed ({@code barcodes}). */
    @PostMapping("/staff/patrons/cards")
    @Allowed(Permission.PATRON_EDIT)
    Object chosenCards(@AuthenticationPrincipal SignedInUser user,
                       @RequestParam(name = "patron", required = false) List<String> ticked,
                       @RequestParam(defaultValue = "") String barcodes,
                       @RequestParam(defaultValue = "") String symbology,
                       @RequestParam(defaultValue = "") String sheet) {
        List<Long> ids = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String id : ticked == null ? List.<String>of() : ticked) {
            Optional<PatronSummary> patron = id.strip().matches("\\d{1,18}")
                    ? patrons.summary(Long.parseLong(id.strip())) : Optional.empty();
            patron.ifPresentOrElse(p -> ids.add(p.id()), () -> unknown.add(id.strip()));
        }
        for (String barcode : barcodes.split("[\\s,;]+")) {
            if (!barcode.isBlank()) {
                patrons.byBarcode(barcode).ifPresentOrElse(p -> ids.add(p.id()), () -> unknown.add(barcode));
            }
        }
        CardPrint result;
        if (!choicesKnown(symbology, sheet)) {
            result = new CardPrint.Refused("patrons.cards.choice.invalid");
        } else if (!unknown.isEmpty()) {
            result = new CardPrint.Refused("patrons.cards.unknownBarcodes", String.join(", ", unknown));
        } else {
            ids.forEach(id -> PatronScope.requireEdit(user, PatronScope.patron(patrons, id).schoolId()));
            result = cards.forPatrons(ids, Symbology.parse(symbology), CardSheet.parse(sheet), user.username());
        }
        if (result instanceof CardPrint.Printed printed) {
            return pdf(printed, "library-cards");
        }
        return cardsPage(barcodes, symbology, sheet, (CardPrint.Refused) result);
    }

    /** The homeroom page, with the card form for those who may print the homeroom's cards. */
    static ModelAndView homeroomPage(SignedInUser user, HomeroomView homeroom, Patrons patrons, String schoolName,
                                     CardPrint.Refused problem) {
        ModelAndView view = new ModelAndView("patrons/homeroom");
        view.addObject("homeroom", homeroom);
        view.addObject("members", patrons.members(homeroom.id()));
        view.addObject("schoolName", schoolName);
        view.addObject("canPrintCards", PatronScope.mayEdit(user, homeroom.schoolId()));
        view.addObject("cardProblem", problem);
        if (problem != null) {
            view.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        }
        return view;
    }

    private static ModelAndView cardsPage(String barcodes, String symbology, String sheet, CardPrint.Refused problem) {
        ModelAndView view = new ModelAndView("patrons/cards");
        view.addObject("barcodes", barcodes);
        view.addObject("symbology", symbology);
        view.addObject("sheet", sheet);
        view.addObject("problem", problem);
        if (problem != null) {
            view.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        }
        return view;
    }

    private ResponseEntity<byte[]> pdf(CardPrint.Printed printed, String name) {
        String file = name + "-" + district.today() + ".pdf";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file).build().toString())
                .body(printed.pdf());
    }

    private static boolean choicesKnown(String symbology, String sheet) {
        return Symbology.parse(symbology) != null && CardSheet.parse(sheet) != null;
    }

    /** A homeroom name as part of a file name: "Room 301 (3)" becomes "room-301-3". */
    private static String slug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "homeroom" : slug;
    }
}
