package org.carrel.catalog.labels;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.google.zxing.common.BitMatrix;
import com.lowagie.text.pdf.PdfContentByte;

/**
 * A barcode label, top to bottom: the school's name, the title, the bars, and the barcode in digits for when the
 * scanner fails. Lines with nothing to say give their room to the bars.
 */
final class BarcodeLabel {

    /** 20 mil (0.02"): wider bars make the symbol no easier to scan, only longer. */
    static final float WIDEST_MODULE = 1.44f;

    /**
     * 5 mil (0.127 mm): thinner bars than this blur into their neighbours on a school's laser printer and the
     * scanners at the desk cannot tell them apart.
     */
    static final float NARROWEST_MODULE = 0.36f;

    private static final float LINE_GAP = 1.1f;

    private BarcodeLabel() {
    }

    /** Where the bars go on a label: what {@link #draw} fills, so a test can check the same rectangles. */
    static LabelBox barsBox(LabelFont font, LabelBox label, BitMatrix symbol, LabelItem item) {
        Layout layout = Layout.of(font, label, item);
        float width = Math.min(layout.inner.width(), symbol.getWidth() * WIDEST_MODULE);
        float x = layout.inner.x() + (layout.inner.width() - width) / 2;
        return new LabelBox(x, layout.barsBottom, width, layout.barsTop - layout.barsBottom);
    }

    static void refuseWhenTooDenseToScan(LabelFont font, LabelBox label, BitMatrix symbol, LabelItem item,
            Symbology symbology) {
        LabelBox bars = barsBox(font, label, symbol, item);
        if (bars.width() / symbol.getWidth() < NARROWEST_MODULE) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "Barcode \"%s\" is too long for labels "
                    + "%.2f\" wide: as %s its bars would be too thin to scan. Choose %s or a sheet with wider labels.",
                    item.barcode().strip(), label.width() / 72, symbology.displayName(),
                    symbology == Symbology.CODE39 ? "Code 128" : "a shorter barcode"));
        }
    }

    static void draw(PdfContentByte canvas, LabelFont font, LabelBox label, BitMatrix symbol, LabelItem item) {
        Layout layout = Layout.of(font, label, item);
        float centreX = layout.inner.x() + layout.inner.width() / 2;
        float baseline = layout.inner.top() - font.ascent(layout.size);
        for (String line : layout.linesAbove) {
            LabelText.centred(canvas, font, layout.size, line, centreX, baseline);
            baseline -= font.lineHeight(layout.size) * LINE_GAP;
        }
        BarcodeBars.draw(canvas, BarcodeBars.layOut(symbol, barsBox(font, label, symbol, item)));
        String digits = LabelFont.printable(item.barcode().strip());
        float digitsSize = Math.min(layout.size, layout.inner.width() / Math.max(font.width(digits, 1f), 0.01f));
        LabelText.centred(canvas, font, digitsSize, digits, centreX, layout.inner.y() - font.descent(digitsSize));
    }

    /** The text size and the band left for the bars, both following from the label's size alone. */
    private record Layout(LabelBox inner, float size, List<String> linesAbove, float barsBottom, float barsTop) {

        static Layout of(LabelFont font, LabelBox label, LabelItem item) {
            LabelBox inner = label.inset(Math.min(label.width(), label.height()) * 0.06f);
            float size = Math.max(4f, Math.min(8f, inner.height() / 8));
            List<String> above = new ArrayList<>();
            for (String text : new String[] {item.schoolName(), item.title()}) {
                String printable = LabelFont.printable(text).strip();
                if (!printable.isEmpty()) {
                    above.add(font.truncated(printable, size, inner.width()));
                }
            }
            float line = font.lineHeight(size) * LINE_GAP;
            float barsTop = inner.top() - above.size() * line;
            float barsBottom = inner.y() + line;
            return new Layout(inner, size, above, barsBottom, barsTop);
        }
    }
}
