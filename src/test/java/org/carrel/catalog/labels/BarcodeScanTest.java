package org.carrel.catalog.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import com.google.zxing.ReaderException;
import com.google.zxing.common.BitMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The bars Carrel draws, read back by ZXing's decoders. There is no PDF renderer here, so the rectangles are taken
 * from the page's content stream (the {@code re} operators the printer will fill) and painted at 300 dpi; what this
 * cannot catch is a PDF viewer or printer drawing those rectangles differently, or ink spread on real labels.
 */
class BarcodeScanTest {

    private static final int PRINTER_DPI = 300;

    private static final List<LabelItem> ITEMS = List.of(
            new LabelItem("31234000567890", "FIC ROW", "Diary of a Wimpy Kid", "Lincoln Elementary"),
            new LabelItem("T0012345", "599.75 SMI", "Cheetahs", "Lincoln Elementary"),
            new LabelItem("8", "E SEU", "Green Eggs and Ham", "Lincoln Elementary"));

    @ParameterizedTest
    @EnumSource(value = LabelSheet.class, names = "SPINE_1X1_5", mode = EnumSource.Mode.EXCLUDE)
    void code39BarcodesInThePrintedPdfScanBackToTheItemsBarcodes(LabelSheet sheet) throws Exception {
        assertEveryLabelScans(sheet, Symbology.CODE39, ITEMS);
    }

    @Test
    void aShortCode39BarcodeOnTheNarrowSpineLabelScans() throws Exception {
        List<LabelItem> shortBarcodes = ITEMS.subList(1, 3);
        LabelSheet sheet = LabelSheet.SPINE_1X1_5;
        PrintedPdf pdf = new PrintedPdf(Labels.barcodeLabels(shortBarcodes, sheet, Symbology.CODE39, 1));

        assertScans(pdf.rectangles(1), sheet.box(1), Symbology.CODE39, "T0012345");
        assertScans(pdf.rectangles(1), sheet.box(2), Symbology.CODE39, "8");
    }

    @Test
    void refusesABarcodeWhoseBarsWouldBeTooThinToScanOnTheLabel() {
        assertThatThrownBy(() -> Labels.barcodeLabels(ITEMS, LabelSheet.SPINE_1X1_5, Symbology.CODE39, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"31234000567890\" is too long for labels 1.00\" wide")
                .hasMessageContaining("Choose Code 128");
    }

    @ParameterizedTest
    @EnumSource(LabelSheet.class)
    void code128BarcodesInThePrintedPdfScanBackToTheItemsBarcodes(LabelSheet sheet) throws Exception {
        assertEveryLabelScans(sheet, Symbology.CODE128, ITEMS);
    }

    @Test
    void aLowerCaseCode128BarcodeScansBackInLowerCase() throws Exception {
        BitMatrix symbol = Labels.symbol(Symbology.CODE128, "p-00042x");
        LabelBox area = new LabelBox(0, 0, 150, 30);

        assertThat(ScannedBars.read(BarcodeBars.layOut(symbol, area), area, Symbology.CODE128, PRINTER_DPI))
                .isEqualTo("p-00042x");
    }

    @Test
    void theSymbolKeepsAQuietZoneOfTenModulesOnEachSide() {
        BitMatrix symbol = Labels.symbol(Symbology.CODE39, "31234000567890");
        LabelBox area = new LabelBox(10, 10, 200, 30);
        float module = area.width() / symbol.getWidth();

        List<LabelBox> bars = BarcodeBars.layOut(symbol, area);

        assertThat(bars.get(0).x() - area.x()).isCloseTo(10 * module, within(0.001f));
        assertThat(area.right() - bars.get(bars.size() - 1).right()).isCloseTo(10 * module, within(0.001f));
    }

    @Test
    void barsWithOneBarMissingDoNotScan() {
        BitMatrix symbol = Labels.symbol(Symbology.CODE128, "31234000567890");
        LabelBox area = new LabelBox(0, 0, 180, 30);
        List<LabelBox> damaged = new ArrayList<>(BarcodeBars.layOut(symbol, area));
        damaged.remove(damaged.size() / 2);

        assertThatThrownBy(() -> ScannedBars.read(damaged, area, Symbology.CODE128, PRINTER_DPI))
                .isInstanceOf(ReaderException.class);
    }

    /** Three labels from the last but one position: two end the first sheet, one starts the second. */
    private static void assertEveryLabelScans(LabelSheet sheet, Symbology symbology, List<LabelItem> items)
            throws ReaderException {
        int start = sheet.labelsPerPage() - 1;
        PrintedPdf pdf = new PrintedPdf(Labels.barcodeLabels(items, sheet, symbology, start));
        assertThat(pdf.pages()).isEqualTo(2);

        assertScans(pdf.rectangles(1), sheet.box(start), symbology, items.get(0).barcode());
        assertScans(pdf.rectangles(1), sheet.box(start + 1), symbology, items.get(1).barcode());
        assertScans(pdf.rectangles(2), sheet.box(1), symbology, items.get(2).barcode());
    }

    private static void assertScans(List<LabelBox> rectangles, LabelBox label, Symbology symbology, String barcode)
            throws ReaderException {
        List<LabelBox> bars = rectangles.stream().filter(label::contains).toList();
        assertThat(bars).isNotEmpty();
        assertThat(ScannedBars.read(bars, label, symbology, PRINTER_DPI)).isEqualTo(barcode);
    }
}
