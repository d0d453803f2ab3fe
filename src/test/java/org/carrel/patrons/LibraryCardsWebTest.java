package org.carrel.patrons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;

import org.carrel.catalog.labels.Symbology;
import org.carrel.accounts.AuditEntry;
import org.carrel.accounts.AuditLog;
import org.carrel.accounts.Role;
import org.carrel.accounts.SignedInUser;
import org.carrel.district.District;
import org.carrel.testing.CarrelTest;
import org.carrel.testing.TestData;
import org.carrel.testing.Users;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Printing library cards from the staff pages: the PDF, who may print whose cards, refusals and the audit entry. */
@CarrelTest
class LibraryCardsWebTest {


    @Autowired
    Patrons patrons;
    @Autowired
    District district;
    @Autowired
    AuditLog audit;
    @Autowired
    MockMvc mvc;

    private String school() {
        return TestData.newSchool(district, "LC");
    }

    private long schoolId(String code) {
        return district.school(code).orElseThrow().id();
    }

    private long student(String school, String given, String homeroom) {
        PatronsResult result = patrons.create(new PatronForm("STUDENT", given, "Card", "", school, "", "", "2",
                homeroom, "", "", "en", "", "", null), "test");
        return ((PatronsResult.Saved) result).id();
    }

    private long homeroomId(String school, String name) {
        return patrons.homerooms(schoolId(school)).stream().filter(h -> h.name().equals(name)).findFirst()
                .orElseThrow().id();
    }

    /** A librarian of the school with a user name of its own, so the audit entries can be told apart. */
    private static RequestPostProcessor librarian(String name, long schoolId) {
        return Users.as(new SignedInUser(7000L, name, "Card Printer", Role.LIBRARIAN, Set.of(schoolId)));
    }

    private List<AuditEntry> printed(String actor) {
        return audit.newest(actor, 100).stream().filter(e -> e.action().equals("patrons.cards.printed")).toList();
    }

    @Test
    void aHomeroomsCardsComeAsAPdfDownloadAndAreAudited() throws Exception {
        String school = school();
        student(school, "Ana", "Room 2");
        student(school, "Bo", "Room 2");
        long room = homeroomId(school, "Room 2");
        String actor = "cards-" + school;

        mvc.perform(get("/staff/homerooms/" + room).with(librarian(actor, schoolId(school))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("action=\"/staff/homerooms/" + room + "/cards\"")));
        byte[] pdf = mvc.perform(post("/staff/homerooms/" + room + "/cards").with(csrf())
                        .with(librarian(actor, schoolId(school))).param("symbology", "CODE39").param("sheet", "A4"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition",
                        Matchers.startsWith("attachment; filename=\"library-cards-room-2-")))
                .andReturn().getResponse().getContentAsByteArray();

        assertThat(CardScanner.text(pdf)).contains("Ana Card", "Bo Card", "LC School " + school);
        assertThat(CardScanner.scanAll(pdf, CardSheet.A4, Symbology.CODE39, 2))
                .containsExactly("P" + school + "000001", "P" + school + "000002");
        assertThat(printed(actor)).singleElement().satisfies(entry -> {
            assertThat(entry.detail()).startsWith("2 cards");
            assertThat(entry.recordType()).isEqualTo("homeroom");
            assertThat(entry.recordId()).isEqualTo(String.valueOf(room));
        });
    }

    @Test
    void chosenPatronsAndTypedBarcodesGetOneCardEach() throws Exception {
        String school = school();
        long ana = student(school, "Ana", "");
        student(school, "Bo", "");
        String actor = "chosen-" + school;

        byte[] pdf = mvc.perform(post("/staff/patrons/cards").with(csrf()).with(librarian(actor, schoolId(school)))
                        .param("patron", String.valueOf(ana)).param("barcodes", "p" + school + "000002, P" + school
                                + "000001").param("symbology", "CODE128").param("sheet", "LETTER"))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();

        assertThat(CardScanner.scanAll(pdf, CardSheet.LETTER, Symbology.CODE128, 2))
                .containsExactly("P" + school + "000001", "P" + school + "000002");
        assertThat(printed(actor)).singleElement().extracting(AuditEntry::detail).asString().startsWith("2 cards");
    }

    @Test
    void aPatronOfAnotherSchoolIsRefusedAndNothingIsPrinted() throws Exception {
        String mine = school();
        String theirs = school();
        long own = student(mine, "Ana", "");
        long other = student(theirs, "Bo", "Room 9");
        String actor = "refused-" + mine;

        mvc.perform(post("/staff/patrons/cards").with(csrf()).with(librarian(actor, schoolId(mine)))
                        .param("patron", String.valueOf(own), String.valueOf(other))
                        .param("symbology", "CODE128").param("sheet", "LETTER"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/staff/homerooms/" + homeroomId(theirs, "Room 9") + "/cards").with(csrf())
                        .with(librarian(actor, schoolId(mine))).param("symbology", "CODE128").param("sheet", "LETTER"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/staff/patrons/cards").with(csrf()).with(Users.as(Role.ADMINISTRATOR, schoolId(mine)))
                        .param("patron", String.valueOf(own)).param("symbology", "CODE128").param("sheet", "LETTER"))
                .andExpect(status().isForbidden());
        assertThat(printed(actor)).isEmpty();
    }

    @Test
    void anEmptyChoiceAnUnknownBarcodeOrAnUnknownSymbologyGetsTheFormAgainWithTheReason() throws Exception {
        String school = school();
        long id = student(school, "Ana", "");
        String actor = "empty-" + school;

        mvc.perform(post("/staff/patrons/cards").with(csrf()).with(librarian(actor, schoolId(school)))
                        .param("barcodes", " ").param("symbology", "CODE128").param("sheet", "LETTER"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Choose at least one patron")));
        mvc.perform(post("/staff/patrons/cards").with(csrf()).with(librarian(actor, schoolId(school)))
                        .param("barcodes", "NOSUCH1 P" + school + "000001").param("symbology", "CODE128")
                        .param("sheet", "LETTER"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("No patron has these barcodes: NOSUCH1.")));
        mvc.perform(post("/staff/patrons/cards").with(csrf()).with(librarian(actor, schoolId(school)))
                        .param("patron", String.valueOf(id)).param("symbology", "QR").param("sheet", "LETTER"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Choose a barcode symbology")));
        mvc.perform(post("/staff/patrons/cards").with(csrf()).with(librarian(actor, schoolId(school)))
                        .param("patron", "abc").param("symbology", "CODE128").param("sheet", "LETTER"))
                .andExpect(status().isUnprocessableContent());
        assertThat(printed(actor)).isEmpty();
    }

    @Test
    void theFindPageOffersCardsOnlyForPatronsOfOnesOwnSchools() throws Exception {
        String mine = school();
        String theirs = school();
        long own = student(mine, "Zebulon", "");
        long other = student(theirs, "Zebulon", "");

        mvc.perform(get("/staff/patrons").param("q", "zebulon").with(Users.as(Role.LIBRARIAN, schoolId(mine))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("name=\"patron\" value=\"" + own + "\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("value=\"" + other + "\""))));
        mvc.perform(get("/staff/patrons").param("q", "zebulon").with(Users.as(Role.VOLUNTEER, schoolId(mine))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("name=\"patron\""))));
    }
}
