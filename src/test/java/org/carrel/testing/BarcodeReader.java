package org.carrel.testing;

import java.awt.image.BufferedImage;
import java.util.Map;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.oned.Code128Reader;
import com.google.zxing.oned.Code39Reader;
import com.google.zxing.oned.OneDReader;
import org.carrel.catalog.labels.Symbology;

/** A stand-in for a desk scanner: ZXing's own decoder for the symbology, on a grey picture of the bars. */
public final class BarcodeReader {

    private BarcodeReader() {
    }

    /** The text ZXing reads from the picture (with the given hints); throws when it finds no barcode. */
    public static String read(BufferedImage image, Symbology symbology, Map<DecodeHintType, ?> hints)
            throws ReaderException {
        OneDReader reader = symbology == Symbology.CODE39 ? new Code39Reader() : new Code128Reader();
        return reader.decode(new BinaryBitmap(new HybridBinarizer(new GreyLuminance(image))), hints).getText();
    }

    /** ZXing's javase module has BufferedImageLuminanceSource; this is the part of it a grey image needs. */
    private static final class GreyLuminance extends LuminanceSource {
        private final BufferedImage image;

        GreyLuminance(BufferedImage image) {
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
