package org.carrel.catalog.labels;

import java.util.List;
import java.util.Objects;

import com.google.zxing.common.BitMatrix;

/**
 * Spine and barcode labels as a PDF ready to print at actual size ("100%", not "fit to page") on a label sheet.
 *
 * <p>Every refusal is an {@link IllegalArgumentException} whose message is written for the librarian: an empty
 * list, a start position that is not on the sheet, an item without a barcode, a call number missing from a spine
 * label, a barcode the chosen symbology cannot hold or that would be too dense to scan on the sheet's labels.
 * Nothing is printed when any item is refused.
 */
public final class Labels {

    private Labels() {
    }

    /**
     * One spine label per item, its call number split into lines.
     *
     * @param startPosition the first free label on the sheet, 1 (top left) to {@link LabelSheet#labelsPerPage()},
     *     counting across each row
     */
    public static byte[] spineLabels(List<LabelItem> items, LabelSheet sheet, int startPosition) {
        LabelRules.refuseWhenBatchIsInvalid(items, sheet, startPosition);
        items.forEach(LabelRules::refuseWhenCallNumberIsBlank);
        LabelFont font = LabelFont.helvetica();
        return LabelPages.print("Spine labels", items.size(), sheet, startPosition, (canvas, box, index) -> {
            List<String> lines = SpineText.lines(LabelFont.printable(items.get(index).callNumber()));
            SpineLabel.draw(canvas, font, box, lines);
        });
    }

    /**
     * One barcode label per item: the school's name, the title (shortened with an ellipsis when long), the barcode as
     * a symbol with its quiet zones and, under it, as text.
     *
     * @param startPosition the first free label on the sheet, 1 (top left) to {@link LabelSheet#labelsPerPage()},
     *     counting across each row
     */
    public static byte[] barcodeLabels(List<LabelItem> items, LabelSheet sheet, Symbology symbology,
            int startPosition) {
        Objects.requireNonNull(symbology, "symbology");
        LabelRules.refuseWhenBatchIsInvalid(items, sheet, startPosition);
        List<BitMatrix> symbols = items.stream().map(item -> symbol(symbology, item.barcode())).toList();
        LabelFont font = LabelFont.helvetica();
        for (int i = 0; i < items.size(); i++) {
            BarcodeLabel.refuseWhenTooDenseToScan(font, sheet.box(1), symbols.get(i), items.get(i), symbology);
        }
        return LabelPages.print("Barcode labels", items.size(), sheet, startPosition, (canvas, box, index) ->
                BarcodeLabel.draw(canvas, font, box, symbols.get(index), items.get(index)));
    }

    static BitMatrix symbol(Symbology symbology, String barcode) {
        return symbology.encode(barcode.strip());
    }
}
