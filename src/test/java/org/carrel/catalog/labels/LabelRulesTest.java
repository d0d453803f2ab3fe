package org.carrel.catalog.labels;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class LabelRulesTest {

    private static final LabelItem CHARLOTTE = new LabelItem("31234000000041", "FIC WHI", "Charlotte's Web", "Oak MS");

    @Test
    void refusesAnEmptyList() {
        assertThatThrownBy(() -> Labels.spineLabels(List.of(), LabelSheet.AVERY_5160, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Choose at least one item to print labels for.");
        assertThatThrownBy(() -> Labels.barcodeLabels(null, LabelSheet.AVERY_5160, Symbology.CODE128, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAStartPositionThatIsNotOnTheSheet() {
        assertThatThrownBy(() -> Labels.spineLabels(List.of(CHARLOTTE), LabelSheet.AVERY_5160, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("from 1 to 30")
                .hasMessageContaining("0 is not");
        assertThatThrownBy(() -> Labels.barcodeLabels(List.of(CHARLOTTE), LabelSheet.AVERY_5160, Symbology.CODE39, 31))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("from 1 to 30");
    }

    @Test
    void acceptsTheFirstAndLastPositionsOfTheSheet() {
        assertThatCode(() -> Labels.spineLabels(List.of(CHARLOTTE), LabelSheet.AVERY_5167, 1)).doesNotThrowAnyException();
        assertThatCode(() -> Labels.spineLabels(List.of(CHARLOTTE), LabelSheet.AVERY_5167, 80)).doesNotThrowAnyException();
    }

    @Test
    void refusesAnItemWithoutABarcodeNamingItsTitle() {
        LabelItem noBarcode = new LabelItem("  ", "FIC ROW", "Holes", "Oak MS");

        assertThatThrownBy(() -> Labels.barcodeLabels(List.of(CHARLOTTE, noBarcode), LabelSheet.AVERY_5160,
                Symbology.CODE128, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Item \"Holes\" has no barcode. Give it a barcode before printing its label.");
    }

    @Test
    void refusesAnUntitledItemWithoutABarcodeNamingItsPlaceInTheList() {
        LabelItem noBarcode = new LabelItem(null, "FIC ROW", null, null);

        assertThatThrownBy(() -> Labels.spineLabels(List.of(CHARLOTTE, noBarcode), LabelSheet.AVERY_5160, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("number 2 in the list");
    }
}
