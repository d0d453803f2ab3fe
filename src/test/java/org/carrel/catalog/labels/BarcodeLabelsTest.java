package org.carrel.catalog.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class BarcodeLabelsTest {

    private static final LabelItem HOLES = new LabelItem("31234000000058", "FIC SAC", "Holes", "Oak Middle School");

    @Test
    void aLabelShowsTheSchoolTheTitleAndTheBarcodeDigitsUnderTheSymbol() {
        byte[] pdf = Labels.barcodeLabels(List.of(HOLES), LabelSheet.AVERY_5160, Symbology.CODE128, 1);

        assertThat(new PrintedPdf(pdf).lines(1)).containsExactly("Oak Middle School", "Holes", "31234000000058");
    }

    @Test
    void theDigitsArePrintedBelowTheBars() {
        LabelFont font = LabelFont.helvetica();
        LabelBox label = LabelSheet.AVERY_5167.box(1);
        LabelBox bars = BarcodeLabel.barsBox(font, label, Labels.symbol(Symbology.CODE39, HOLES.barcode()), HOLES);

        assertThat(label.contains(bars)).isTrue();
        assertThat(bars.y() - label.y()).as("room left under the bars for the digits")
                .isGreaterThanOrEqualTo(font.lineHeight(4f));
    }

    @Test
    void aTitleTooLongForTheLabelEndsInAnEllipsis() {
        String title = "The Strange Case of Origami Yoda and the Secret of the Very Long Subtitle";
        LabelItem item = new LabelItem("31234000000066", "FIC ANG", title, "Oak Middle School");

        List<String> lines = new PrintedPdf(
                Labels.barcodeLabels(List.of(item), LabelSheet.AVERY_5167, Symbology.CODE128, 1)).lines(1);

        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).endsWith(LabelFont.ELLIPSIS).startsWith("The Strange Case");
        assertThat(title).startsWith(lines.get(1).substring(0, lines.get(1).length() - 1));
    }

    @Test
    void aMissingSchoolOrTitleLeavesItsLineOut() {
        LabelItem bare = new LabelItem("31234000000074", null, null, " ");

        byte[] pdf = Labels.barcodeLabels(List.of(bare), LabelSheet.AVERY_L7160, Symbology.CODE39, 1);

        assertThat(new PrintedPdf(pdf).lines(1)).containsExactly("31234000000074");
    }

    @Test
    void lettersHelveticaCannotShowPrintAsQuestionMarksInsteadOfFailing() {
        LabelItem item = new LabelItem("31234000000082", "SPA FIC", "El Niño 漢字", "Escuela Peña");

        byte[] pdf = Labels.barcodeLabels(List.of(item), LabelSheet.AVERY_5160, Symbology.CODE128, 1);

        assertThat(new PrintedPdf(pdf).lines(1)).containsExactly("Escuela Peña", "El Niño ??", "31234000000082");
    }

    @Test
    void labelsBeforeTheStartPositionStayBlank() {
        LabelSheet sheet = LabelSheet.AVERY_5160;

        PrintedPdf pdf = new PrintedPdf(Labels.barcodeLabels(List.of(HOLES), sheet, Symbology.CODE39, 5));

        List<LabelBox> bars = pdf.rectangles(1);
        assertThat(bars).isNotEmpty().allMatch(bar -> sheet.box(5).contains(bar));
    }

    @Test
    void code39RefusesLowerCaseNamingTheBarcode() {
        LabelItem lowerCase = new LabelItem("t0012345", "FIC ROW", "Wonder", "Oak Middle School");

        assertThatThrownBy(() -> Labels.barcodeLabels(List.of(HOLES, lowerCase), LabelSheet.AVERY_5160,
                Symbology.CODE39, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"t0012345\"")
                .hasMessageContaining("lower-case letter 't'")
                .hasMessageContaining("Code 128");
    }

    @Test
    void code128RefusesCharactersOutsideAsciiNamingTheBarcode() {
        LabelItem accented = new LabelItem("PEÑA-001", "FIC ROW", "Wonder", "Oak Middle School");

        assertThatThrownBy(() -> Labels.barcodeLabels(List.of(accented), LabelSheet.AVERY_5160,
                Symbology.CODE128, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"PEÑA-001\"");
    }

    @Test
    void code128PrintsLowerCaseBarcodes() {
        LabelItem lowerCase = new LabelItem("t0012345", "FIC ROW", "Wonder", "Oak Middle School");

        byte[] pdf = Labels.barcodeLabels(List.of(lowerCase), LabelSheet.AVERY_5160, Symbology.CODE128, 1);

        assertThat(new PrintedPdf(pdf).lines(1)).contains("t0012345");
    }
}
