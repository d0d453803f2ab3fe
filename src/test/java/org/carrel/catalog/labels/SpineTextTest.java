package org.carrel.catalog.labels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SpineTextTest {

    @Test
    void eachPartOfTheCallNumberGoesOnItsOwnLine() {
        assertThat(SpineText.lines("FIC ROW")).containsExactly("FIC", "ROW");
        assertThat(SpineText.lines("REF 030 WOR")).containsExactly("REF", "030", "WOR");
    }

    @Test
    void aDeweyNumberStaysWholeOnOneLine() {
        assertThat(SpineText.lines("599.75 SMI")).containsExactly("599.75", "SMI");
        assertThat(SpineText.lines("973.7092 LIN 2004")).containsExactly("973.7092", "LIN", "2004");
    }

    @Test
    void extraSpacesTabsAndLineBreaksSeparateLinesButMakeNoEmptyOnes() {
        assertThat(SpineText.lines("  E \t SEU\n\nc.2 ")).containsExactly("E", "SEU", "c.2");
    }

    @Test
    void partsBeyondTheFifthLineShareTheFifth() {
        assertThat(SpineText.lines("REF 030 WOR 2020 v.1 pt.2 c.3"))
                .containsExactly("REF", "030", "WOR", "2020", "v.1 pt.2 c.3");
        assertThat(SpineText.lines("A B C D E")).hasSize(SpineText.MAX_LINES);
    }

    @Test
    void aMissingCallNumberHasNoLines() {
        assertThat(SpineText.lines(null)).isEmpty();
        assertThat(SpineText.lines("   ")).isEqualTo(List.of());
    }
}
