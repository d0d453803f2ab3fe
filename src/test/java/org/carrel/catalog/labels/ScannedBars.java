package org.carrel.catalog.labels;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.oned.Code128Reader;
import com.google.zxing.oned.Code39Reader;
import com.google.zxing.oned.OneDReader;

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
        BufferedImage image = paint(bars, area, dotsPerInch);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new ImageLuminance(image)));
        Result result = reader(symbology).decode(bitmap);
        return result.getText();
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

    private static OneDReader reader(Symbology symbology) throws NotFoundException {
        switch (symbology) {
            case CODE39:
                return new Code39Reader();
            case CODE128:
                return new Code128Reader();
            default:
                throw NotFoundException.getNotFoundInstance();
        }
    }

    /** ZXing's javase module has BufferedImageLuminanceSource; this is the part of it a grey image needs. */
    private static final class ImageLuminance extends LuminanceSource {
        private final BufferedImage image;

        ImageLuminance(BufferedImage image) {
            super(image.getWidth(), image.getHeight());
            this.image = image;
        }

        @Override
        public byte[] getRow(int y, byte[] row) {
            byte[] out = row != null && row.length >= getWidth() ? row : new byte[getWidth()];
            image.getRaster().getDataElements(0, y, getWidth(), 1, out);
            return out;
        }

        @Override
        public byte[] getMatrix() {
            byte[] all = new byte[getWidth() * getHeight()];
            image.getRaster().getDataElements(0, 0, getWidth(), getHeight(), all);
            return all;
        }
    }
}
