package org.carrel.catalog.labels;

import java.util.List;
import java.util.Objects;

/** Why a batch of labels cannot be printed, in words a librarian can act on (the staff page shows them as they are). */
final class LabelRules {

    private LabelRules() {
    }

    static void refuseWhenBatchIsInvalid(List<LabelItem> items, LabelSheet sheet, int startPosition) {
        Objects.requireNonNull(sheet, "sheet");
        if (items == null || items.isEmpty()) {
            throw new IllegalArgumentException("Choose at least one item to print labels for.");
        }
        if (startPosition < 1 || startPosition > sheet.labelsPerPage()) {
            throw new IllegalArgumentException("The first label must be a position from 1 to "
                    + sheet.labelsPerPage() + " on this sheet (1 is the top left, counting across each row); "
                    + startPosition + " is not.");
        }
        for (int i = 0; i < items.size(); i++) {
            refuseWhenBarcodeIsBlank(items.get(i), i + 1);
        }
    }

    static void refuseWhenCallNumberIsBlank(LabelItem item) {
        if (item.callNumber() == null || item.callNumber().isBlank()) {
            throw new IllegalArgumentException("Item " + item.barcode().strip()
                    + " has no call number, so there is nothing to print on its spine label.");
        }
    }

    private static void refuseWhenBarcodeIsBlank(LabelItem item, int number) {
        Objects.requireNonNull(item, "item " + number);
        if (item.barcode() == null || item.barcode().isBlank()) {
            String which = item.title() != null && !item.title().isBlank() ? "\"" + item.title().strip() + "\""
                    : "number " + number + " in the list";
            throw new IllegalArgumentException("Item " + which + " has no barcode. Give it a barcode before "
                    + "printing its label.");
        }
    }
}
