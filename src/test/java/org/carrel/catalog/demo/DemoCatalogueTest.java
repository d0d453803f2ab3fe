package org.carrel.catalog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.carrel.catalog.demo.DemoTitles.DemoTitle;
import org.carrel.catalog.marc.BasicDescription;
import org.carrel.catalog.marc.RecordBuilder;
import org.junit.jupiter.api.Test;
import org.marc4j.marc.Record;

/** The shipped demo catalogue: big enough, varied enough, and every row a valid record. */
class DemoCatalogueTest {

    private final List<DemoTitle> titles = DemoTitles.load();

    @Test
    void holdsAtLeastThreeHundredTitles() {
        assertThat(titles).hasSizeGreaterThanOrEqualTo(300);
    }

    @Test
    void everyIsbnGivenHasAValidIsbn13CheckDigit() {
        List<String> isbns = titles.stream().flatMap(t -> t.description().isbns().stream())
                .collect(Collectors.toList());

        assertThat(isbns).isNotEmpty();
        assertThat(isbns).allSatisfy(isbn -> assertThat(isbn13IsValid(isbn)).as(isbn).isTrue());
        assertThat(Set.copyOf(isbns)).as("no ISBN on two titles").hasSameSizeAs(isbns);
    }

    @Test
    void theCheckDigitTestCatchesATypo() {
        assertThat(isbn13IsValid("9780064400558")).isTrue();
        assertThat(isbn13IsValid("9780064400559")).isFalse();
        assertThat(isbn13IsValid("9780064040558")).isFalse();
        assertThat(isbn13IsValid("006440055X")).isFalse();
    }

    @Test
    void noTitleAndAuthorAppearTwice() {
        Map<String, Long> counts = titles.stream().map(DemoTitle::description)
                .collect(Collectors.groupingBy(d -> (d.title() + " / " + d.author()).toLowerCase(Locale.ROOT),
                        Collectors.counting()));

        assertThat(counts).allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1L));
    }

    @Test
    void everyTitleBuildsAMarcRecord() {
        for (DemoTitle title : titles) {
            Record record = RecordBuilder.build(title.description(), LocalDate.of(2025, 8, 1));
            assertThat(record.getVariableField("245")).as(title.description().title()).isNotNull();
        }
    }

    @Test
    void everyTitleHasACallNumberCopiesAnAudienceCodeAndALanguage() {
        assertThat(titles).allSatisfy(t -> {
            BasicDescription d = t.description();
            assertThat(d.callNumber()).as(d.title()).isNotBlank();
            assertThat(t.copies()).as(d.title()).isBetween(1, 4);
            assertThat(d.audience() == null || "abcdejg".contains(d.audience()) && d.audience().length() == 1)
                    .as(d.title() + " audience " + d.audience()).isTrue();
            assertThat(d.language()).as(d.title()).isIn("eng", "spa");
        });
    }

    @Test
    void meetsTheMixOfKindsASchoolLibraryHolds() {
        assertThat(count(callNumberStartsWith("E "))).as("picture books").isGreaterThanOrEqualTo(50);
        assertThat(count(callNumberStartsWith("ER "))).as("early readers").isGreaterThanOrEqualTo(15);
        assertThat(count(fiction("b"))).as("chapter books").isGreaterThanOrEqualTo(15);
        assertThat(count(fiction("c").or(fiction("j")))).as("middle grade").isGreaterThanOrEqualTo(60);
        assertThat(count(fiction("d"))).as("young adult").isGreaterThanOrEqualTo(40);
        assertThat(count(callNumberStartsWith("GN "))).as("graphic novels").isGreaterThanOrEqualTo(20);
        assertThat(count(callNumberStartsWith("B "))).as("biographies").isGreaterThanOrEqualTo(10);
        assertThat(count(d -> "spa".equals(d.language()))).as("Spanish").isGreaterThanOrEqualTo(15);
        assertThat(count(d -> "EBOOK".equals(d.format()))).as("ebooks").isGreaterThanOrEqualTo(5);
        assertThat(count(d -> "AUDIOBOOK".equals(d.format()))).as("audiobooks").isGreaterThanOrEqualTo(8);
    }

    @Test
    void nonFictionCoversAllTenDeweyClasses() {
        Map<Character, Long> byClass = titles.stream().map(t -> t.description().callNumber())
                .filter(call -> Character.isDigit(call.charAt(0)))
                .collect(Collectors.groupingBy(call -> call.charAt(0), Collectors.counting()));

        assertThat(byClass.keySet()).containsExactlyInAnyOrder('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
        assertThat(byClass.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(3L));
    }

    @Test
    void dvdsAndEquipmentAreShelvedAndLentAsSuch() {
        List<DemoTitle> dvds = titles.stream().filter(t -> t.itemType().equals("DVD")).collect(Collectors.toList());
        List<DemoTitle> equipment = titles.stream()
                .filter(t -> t.itemType().equals("EQUIPMENT") || t.itemType().equals("KIT"))
                .collect(Collectors.toList());

        assertThat(dvds).hasSizeGreaterThanOrEqualTo(8)
                .allSatisfy(t -> assertThat(t.description().callNumber()).startsWith("DVD "));
        assertThat(equipment).hasSizeGreaterThanOrEqualTo(6).allSatisfy(t -> {
            assertThat(t.description().callNumber()).startsWith("EQUIP ");
            assertThat(t.description().isbns()).isEmpty();
        });
        assertThat(equipment).extracting(DemoTitle::itemType).contains("KIT", "EQUIPMENT");
    }

    private long count(Predicate<BasicDescription> kind) {
        return titles.stream().map(DemoTitle::description).filter(kind).count();
    }

    private static Predicate<BasicDescription> callNumberStartsWith(String prefix) {
        return d -> "BOOK".equals(d.format()) && d.callNumber().startsWith(prefix);
    }

    private static Predicate<BasicDescription> fiction(String audience) {
        return callNumberStartsWith("FIC ").and(d -> audience.equals(d.audience()));
    }

    /** ISBN-13: weights 1 and 3 alternating, the total including the check digit a multiple of 10. */
    static boolean isbn13IsValid(String isbn) {
        if (!isbn.matches("\\d{13}")) {
            return false;
        }
        Function<Integer, Integer> digit = i -> isbn.charAt(i) - '0';
        int total = 0;
        for (int i = 0; i < 13; i++) {
            total += digit.apply(i) * (i % 2 == 0 ? 1 : 3);
        }
        return total % 10 == 0;
    }
}
