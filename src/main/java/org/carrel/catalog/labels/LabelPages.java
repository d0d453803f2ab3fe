package org.carrel.catalog.labels;

import java.io.ByteArrayOutputStream;

import com.lowagie.text.Document;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;

/**
 * Labels flowed onto as many sheets as they need, the first one starting part-way down when the sheet in the printer
 * is already partly used. Positions before the start stay blank.
 */
final class LabelPages {

    /** Draws the label for item {@code index} of the batch inside its box. */
    interface Painter {
        void paint(PdfContentByte canvas, LabelBox box, int index);
    }

    private LabelPages() {
    }

    static byte[] print(String title, int count, LabelSheet sheet, int startPosition, Painter painter) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(new Rectangle(sheet.pageWidth(), sheet.pageHeight()), 0, 0, 0, 0);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.addTitle(title);
        document.addCreator("Carrel");
        document.open();
        for (int index = 0; index < count; index++) {
            int position = (startPosition - 1 + index) % sheet.labelsPerPage() + 1;
            if (index > 0 && position == 1) {
                document.newPage();
            }
            painter.paint(writer.getDirectContent(), sheet.box(position), index);
        }
        document.close();
        return out.toByteArray();
    }

    static int pagesNeeded(int count, LabelSheet sheet, int startPosition) {
        return (startPosition - 1 + count + sheet.labelsPerPage() - 1) / sheet.labelsPerPage();
    }
}
