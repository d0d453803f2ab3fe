package org.carrel.catalog.labels;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

import com.google.zxing.ReaderException;
import org.carrel.testing.BarcodeReader;

/**
 * A stand-in for a scanner: the bar rectangles painted black on white at a printer's resolution, then read by ZXing's
 * own decoder for the symbology.
 */
final class ScannedBars {

    private ScannedBars() {
    }

    /** What a reader makes of the bars, which lie inside {@code area}; throws when it finds no barcode. */
    static String read(List<LabelBox> bars, LabelBox area, Symbology symbology, int dotsPerInch)
            throws ReaderException {
        return BarcodeReader.read(paint(bars, area, dotsPerInch), symbology, Map.of());
    }

    static BufferedImage paint(List<LabelBox> bars, LabelBox area, int dotsPerInch) {
        double scale = dotsPerInch / 72.0;
        int width = (int) Math.ceil(area.width() * scale);
        int height = (int) Math.ceil(area.height() * scale);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        for (LabelBox bar : bars) {
            // PDF y grows upwards, image y downwards.
            g.fill(new Rectangle2D.Double((bar.x() - area.x()) * scale, (area.top() - bar.top()) * scale,
                    bar.width() * scale, bar.height() * scale));
        }
        g.dispose();
        return image;
    }
}
