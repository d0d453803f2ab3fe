package org.carrel.catalog.marc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class CallNumbersTest {

    /** A school library's shelves, in the order the sections stand and the books stand in them. */
    private static final List<String> SHELVES = List.of(
            "REF 030 WOR", "REF 423 MER", "REF 973 AME v.2", "REF 973 AME v.10",
            "004 GRA", "398.2 GRI", "398.209 AFR", "398.21 PER", "599.75 SMI", "599.75 SMI 2013", "599.75 SMI c.2",
            "599.757 ABC", "782.42 HEY", "794.1 FIN", "973.7 LIN v.2", "973.7 LIN v.10",
            "B LIN", "BIO LINCOLN", "92 WAS", "B WRI",
            "FIC ROW", "FIC ROW 2", "FIC ROW 10", "FIC ROWLING", "FIC SMI",
            "SC ALE", "SC POE",
            "E CAR", "E SEN", "E FIC SEU",
            "J 398.2 GRI", "J 599.75 SMI", "J FIC DIC",
            "YA FIC COL",
            "GN 741.5 TEL", "GN SMI", "GRAPHIC NOVEL TEL",
            "ER BRO", "PROF 370.1 SMI", "PROF 371.3 ABC",
            "DVD 599.75 PLA", "DVD FIC HAR",
            "CD 782.42 BEA",
            "AB FIC ROW", "AUDIO FIC SMI",
            "EQUIP CAM",
            "");

    @Test
    void shelvesAShuffledCollectionInShelfOrder() {
        for (long seed = 1; seed <= 20; seed++) {
            List<String> shuffled = new ArrayList<>(SHELVES);
            Collections.shuffle(shuffled, new Random(seed));

            shuffled.sort(Comparator.comparing(CallNumbers::sortKey));

            assertThat(shuffled).containsExactlyElementsOf(SHELVES);
        }
    }

    @Test
    void readsDeweyAsADecimalDigitByDigit() {
        assertInOrder("398.2", "398.209", "398.21", "398.3");
        assertInOrder("5.133 ABC", "092 SMI", "398");
        assertThat(CallNumbers.sortKey("398.20 GRI")).isEqualTo(CallNumbers.sortKey("398.2 GRI"));
    }

    @Test
    void ignoresDeweySegmentationMarks() {
        assertThat(CallNumbers.sortKey("794.1/22")).isEqualTo(CallNumbers.sortKey("794.122"));
    }

    @Test
    void shelvesByClassThenCutterThenVolumeAndCopyByValue() {
        assertInOrder("599.75 SMI", "599.75 SMI v.2", "599.75 SMI v.10", "599.757 ABC");
        assertInOrder("599.75 SMI c.2", "599.75 SMI c.10");
        assertInOrder("599.75 SMI v2", "599.75 SMI v10");
        assertInOrder("973.7 LIN 1999", "973.7 LIN 2005");
    }

    @Test
    void readsDigitsWrittenAgainstACutterAsADecimal() {
        assertInOrder("794.1 F53", "794.1 F6", "794.1 FA");
    }

    @Test
    void shelvesFictionByLettersThenNumbersByValue() {
        assertInOrder("FIC ROW", "FIC ROW 2", "FIC ROWLING");
        assertInOrder("FIC SMI 2", "FIC SMI 10");
        // A shorter author word shelves before a longer one, whatever follows it.
        assertInOrder("FIC SMI ZEBRA", "FIC SMITH");
    }

    @Test
    void ignoresCaseSpacingAndAccents() {
        assertThat(CallNumbers.sortKey("  fic   row  2 ")).isEqualTo(CallNumbers.sortKey("FIC ROW 2"));
        assertThat(CallNumbers.sortKey("FIC ÉMO")).isEqualTo(CallNumbers.sortKey("FIC EMO"));
        assertThat(CallNumbers.sortKey("E FIC Muñ")).isEqualTo(CallNumbers.sortKey("E MUN"));
    }

    @Test
    void shelvesEveryBiographyFormTogetherBySubject() {
        assertThat(CallNumbers.sortKey("92 LIN")).isEqualTo(CallNumbers.sortKey("B LIN"))
                .isEqualTo(CallNumbers.sortKey("BIO LIN"));
        assertInOrder("999 ZZZ", "B AAA", "B ZZZ", "FIC AAA");
    }

    @Test
    void shelvesDeweyInsideReferenceAndJuvenile() {
        assertInOrder("REF 030 WOR", "REF 423 MER", "004 GRA");
        assertInOrder("J 398.2 GRI", "J 398.21 ABC", "J FIC ABC", "YA 001 ABC");
    }

    @Test
    void shelvesAnUnknownPrefixAsItsOwnSectionAlphabetically() {
        assertInOrder("GN ZZZ", "PRO 999 ZZZ", "PROF 001 AAA", "PROF 999 ZZZ", "PS 3545 H16", "DVD AAA");
        assertInOrder("PRO ZZZ", "PROF AAA");
    }

    @Test
    void shelvesBlankAndNullLast() {
        assertInOrder("EQUIP ZZZ", "");
        assertThat(CallNumbers.sortKey(null)).isEqualTo(CallNumbers.sortKey("   "));
        assertThat(CallNumbers.sortKey("....")).isEqualTo(CallNumbers.sortKey(null));
    }

    @Test
    void makesShortKeysOfDigitsAndCapitalsFromAnyInput() {
        List<String> odd = new ArrayList<>(List.of("   ", "....", "999999999999", "0", "000.000", "FIC", "J J J J",
                "東京 398", "Ωμέγα", "\u0000\t\n", "398.2.2.2", "v.", "REF REF REF", "92", "92.5 LIN", "/'/'"));
        odd.add("FIC SMI ".repeat(700));
        odd.add("9".repeat(5000));
        odd.add("J ".repeat(2500));
        for (String callNumber : odd) {
            String key = CallNumbers.sortKey(callNumber);
            assertThat(key).as(callNumber).matches("[0-9A-Z]+").hasSizeLessThanOrEqualTo(CallNumbers.MAX_LENGTH);
        }
        for (String callNumber : SHELVES) {
            assertThat(CallNumbers.sortKey(callNumber)).as(callNumber).matches("[0-9A-Z]+");
        }
    }

    @Test
    void shelvesNumbersTooLongForAnyShelfAfterDewey() {
        assertInOrder("999.99 ZZZ", "1234", "999999999999");
    }

    private static void assertInOrder(String... callNumbers) {
        for (int i = 1; i < callNumbers.length; i++) {
            assertThat(CallNumbers.sortKey(callNumbers[i - 1])).as(callNumbers[i - 1] + " before " + callNumbers[i])
                    .isLessThan(CallNumbers.sortKey(callNumbers[i]));
        }
    }
}
