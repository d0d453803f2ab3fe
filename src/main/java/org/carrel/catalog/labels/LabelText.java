package org.carrel.catalog.labels;

import com.lowagie.text.pdf.PdfContentByte;

/** Writing one line of text centred on a point of the baseline. */
final class LabelText {

    private LabelText() {
    }

    static void centred(PdfContentByte canvas, LabelFont font, float size, String text, float centreX,
            float baseline) {
        if (text.isEmpty()) {
            return;
        }
        canvas.beginText();
        canvas.setFontAndSize(font.baseFont(), size);
        canvas.showTextAligned(PdfContentByte.ALIGN_CENTER, text, centreX, baseline, 0);
        canvas.endText();
    }
}
