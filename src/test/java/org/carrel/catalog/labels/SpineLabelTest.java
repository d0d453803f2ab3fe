package org.carrel.catalog.labels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SpineLabelTest {

    private final LabelFont font = LabelFont.helvetica();
    private final LabelBox spine = new LabelBox(0, 0, 72, 108);

    @Test
    void aShortCallNumberPrintsAtTheLargestSize() {
        assertThat(SpineLabel.fittingSize(font, spine, List.of("E", "SEU"))).isEqualTo(SpineLabel.LARGEST_SIZE);
    }

    @Test
    void aLongDeweyNumberShrinksTheTextUntilItFitsAcross() {
        List<String> lines = List.of("599.75543210", "SMI");

        float size = SpineLabel.fittingSize(font, spine, lines);

        assertThat(size).isLessThan(SpineLabel.LARGEST_SIZE);
        assertThat(font.width("599.75543210", size)).isLessThanOrEqualTo(spine.width() + 0.001f);
    }

    @Test
    void fiveLinesShrinkTheTextUntilTheyFitDown() {
        LabelBox shortLabel = new LabelBox(0, 0, 126, 36);
        List<String> lines = List.of("REF", "030", "WOR", "2020", "v.1");

        float size = SpineLabel.fittingSize(font, shortLabel, lines);

        assertThat(lines.size() * font.lineHeight(size)).isLessThanOrEqualTo(shortLabel.height());
    }
}
