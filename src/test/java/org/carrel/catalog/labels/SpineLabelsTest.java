package org.carrel.catalog.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SpineLabelsTest {

    @Test
    void eachPartOfTheCallNumberIsPrintedOnItsOwnLine() {
        byte[] pdf = Labels.spineLabels(List.of(item("31234000000017", "REF 030 WOR")), LabelSheet.AVERY_5167, 1);

        assertThat(new PrintedPdf(pdf).lines(1)).containsExactly("REF", "030", "WOR");
    }

    @Test
    void aDeweyNumberIsPrintedWholeAboveTheCutter() {
        byte[] pdf = Labels.spineLabels(List.of(item("31234000000025", "599.75 SMI")), LabelSheet.SPINE_1X1_5, 1);

        assertThat(new PrintedPdf(pdf).lines(1)).containsExactly("599.75", "SMI");
    }

    @Test
    void everyItemGetsItsLabel() {
        List<LabelItem> items = List.of(item("1001", "FIC ROW"), item("1002", "599.75 SMI"), item("1003", "E SEU"));

        List<String> lines = new PrintedPdf(Labels.spineLabels(items, LabelSheet.AVERY_5160, 1)).lines(1);

        assertThat(lines).contains("FIC", "ROW", "599.75", "SMI", "E", "SEU");
    }

    @Test
    void theLabelsFillTheRestOfAUsedSheetBeforeStartingANewOne() {
        // Positions 10 to 30 of a 30-label sheet are 21 labels.
        PrintedPdf exactlyTheRest = new PrintedPdf(Labels.spineLabels(numbered(21), LabelSheet.AVERY_5160, 10));
        PrintedPdf oneMore = new PrintedPdf(Labels.spineLabels(numbered(22), LabelSheet.AVERY_5160, 10));

        assertThat(exactlyTheRest.pages()).isEqualTo(1);
        assertThat(oneMore.pages()).isEqualTo(2);
        assertThat(oneMore.lines(2)).containsExactly("FIC", "N22");
    }

    @Test
    void aLongBatchRunsOverAsManySheetsAsItNeeds() {
        PrintedPdf pdf = new PrintedPdf(Labels.spineLabels(numbered(200), LabelSheet.AVERY_5167, 1));

        assertThat(pdf.pages()).isEqualTo(3);
        assertThat(pdf.lines(3)).contains("N161", "N200").doesNotContain("N160");
    }

    @Test
    void thePagesHaveTheSheetsPaperSize() {
        PrintedPdf letter = new PrintedPdf(Labels.spineLabels(numbered(1), LabelSheet.AVERY_5167, 1));
        PrintedPdf a4 = new PrintedPdf(Labels.spineLabels(numbered(1), LabelSheet.AVERY_L7160, 1));

        assertThat(letter.pageWidth(1)).isCloseTo(LabelSheet.AVERY_5167.pageWidth(), within(0.01f));
        assertThat(letter.pageHeight(1)).isCloseTo(LabelSheet.AVERY_5167.pageHeight(), within(0.01f));
        assertThat(a4.pageWidth(1)).isCloseTo(LabelSheet.AVERY_L7160.pageWidth(), within(0.01f));
        assertThat(a4.pageHeight(1)).isCloseTo(LabelSheet.AVERY_L7160.pageHeight(), within(0.01f));
    }

    @Test
    void lettersHelveticaCannotShowPrintAsQuestionMarksInsteadOfFailing() {
        byte[] pdf = Labels.spineLabels(List.of(item("1001", "SPA FIC MUÑ 漢字")), LabelSheet.AVERY_5160, 1);

        assertThat(new PrintedPdf(pdf).lines(1)).containsExactly("SPA", "FIC", "MUÑ", "??");
    }

    @Test
    void refusesAnItemWithoutACallNumberNamingItsBarcode() {
        List<LabelItem> items = List.of(item("1001", "FIC ROW"), item("31234000000033", " "));

        assertThatThrownBy(() -> Labels.spineLabels(items, LabelSheet.AVERY_5160, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("31234000000033")
                .hasMessageContaining("no call number");
    }

    private static List<LabelItem> numbered(int count) {
        List<LabelItem> items = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            items.add(item("B" + n, "FIC N" + n));
        }
        return items;
    }

    private static LabelItem item(String barcode, String callNumber) {
        return new LabelItem(barcode, callNumber, "A title", "Lincoln Elementary");
    }
}
