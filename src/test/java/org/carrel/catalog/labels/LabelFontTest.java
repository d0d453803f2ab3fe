package org.carrel.catalog.labels;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabelFontTest {

    private final LabelFont font = LabelFont.helvetica();

    @Test
    void spanishAndFrenchLettersPrintAsThemselves() {
        String spanishAndFrench = "El Niño, ¿dónde está? Ça va, Œuvre";
        assertThat(LabelFont.printable(spanishAndFrench)).isEqualTo(spanishAndFrench);
    }

    @Test
    void lettersOutsideWinAnsiLoseTheAccentsHelveticaLacksOrPrintAsAQuestionMark() {
        assertThat(LabelFont.printable("漢字 Kanji")).isEqualTo("?? Kanji");
        assertThat(LabelFont.printable("Nguyễn Trần")).as("the nearest letter Helvetica has").isEqualTo("Nguyên Trân");
        assertThat(LabelFont.printable("Dino \uD83E\uDD96")).as("one emoji, two chars in Java").isEqualTo("Dino ?");
    }

    @Test
    void tabsAndLineBreaksBecomeSpaces() {
        assertThat(LabelFont.printable("Charlotte's\tWeb\n")).isEqualTo("Charlotte's Web ");
    }

    @Test
    void aTitleThatFitsIsLeftAlone() {
        assertThat(font.truncated("Holes", 8f, 100f)).isEqualTo("Holes");
    }

    @Test
    void aLongTitleIsCutAtTheEndWithAnEllipsisAndThenFits() {
        String title = "Harry Potter and the Prisoner of Azkaban";
        float maxWidth = 80f;

        String cut = font.truncated(title, 8f, maxWidth);

        assertThat(cut).endsWith(LabelFont.ELLIPSIS);
        assertThat(title).startsWith(cut.substring(0, cut.length() - 1).strip());
        assertThat(font.width(cut, 8f)).isLessThanOrEqualTo(maxWidth);
        assertThat(font.width(nextLongerCut(title, cut), 8f)).as("no longer cut would fit").isGreaterThan(maxWidth);
    }

    private static String nextLongerCut(String title, String cut) {
        for (int keep = cut.length() - 1; keep <= title.length(); keep++) {
            String longer = title.substring(0, keep).stripTrailing() + LabelFont.ELLIPSIS;
            if (longer.length() > cut.length()) {
                return longer;
            }
        }
        return title;
    }
}
