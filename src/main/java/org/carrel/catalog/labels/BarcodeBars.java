package org.carrel.catalog.labels;

import java.util.ArrayList;
import java.util.List;

import com.google.zxing.common.BitMatrix;
import com.lowagie.text.pdf.PdfContentByte;

/**
 * The bars of a one-row symbol stretched across a box: one filled rectangle per run of dark modules, so the PDF
 * stays vector and prints sharp at any printer resolution. The box includes the quiet zones, which stay blank.
 */
public final class BarcodeBars {

    private BarcodeBars() {
    }

    /** The rectangles to fill for the symbol's first row, laid across the whole box. */
    public static List<LabelBox> layOut(BitMatrix symbol, LabelBox box) {
        float module = box.width() / symbol.getWidth();
        List<LabelBox> bars = new ArrayList<>();
        int x = 0;
        while (x < symbol.getWidth()) {
            if (!symbol.get(x, 0)) {
                x++;
                continue;
            }
            int start = x;
            while (x < symbol.getWidth() && symbol.get(x, 0)) {
                x++;
            }
            bars.add(new LabelBox(box.x() + start * module, box.y(), (x - start) * module, box.height()));
        }
        return bars;
    }

    public static void draw(PdfContentByte canvas, List<LabelBox> bars) {
        canvas.saveState();
        canvas.setGrayFill(0f);
        for (LabelBox bar : bars) {
            canvas.rectangle(bar.x(), bar.y(), bar.width(), bar.height());
        }
        canvas.fill();
        canvas.restoreState();
    }
}
