package org.carrel.catalog.labels;

import java.util.Objects;


/**
 * The outcome of printing a label queue: the PDF, or a refusal with its message key (or, for a refusal worded by the
 * label printer itself, the sentence to show) and arguments.
 */
public sealed interface LabelPrint {

    /** Spine labels carry the call number; barcode labels the school, the title and the barcode symbol. */
    enum Kind { SPINE, BARCODE }

    /**
     * How to print: the kind of label, the sheet, the symbology of barcode labels, the first free position on the
     * sheet (1 is the top left), and whether printed copies leave the queue.
     */
    record Request(Kind kind, LabelSheet sheet, Symbology symbology, int startPosition, boolean removePrinted) {
        public Request {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(sheet, "sheet");
            Objects.requireNonNull(symbology, "symbology");
        }
    }

    record Printed(byte[] pdf, int labels) implements LabelPrint {
    }

    record Refused(String messageKey, Object... arguments) implements LabelPrint {
    }
}
