package org.carrel.patrons;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import org.carrel.catalog.labels.LabelBox;
import org.carrel.catalog.labels.Symbology;
import org.carrel.testing.BarcodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * A stand-in for the desk scanner: each page of a card PDF rendered by PDFBox at a laser printer's 300 dpi, each
 * card cropped from it and read by ZXing's decoder for the symbology.
 */
final class CardScanner {

    static final int DPI = 300;

    private CardScanner() {
    }

    /** What the scanner reads from every card, sheet after sheet, in print order; throws where a card does not scan. */
    static List<String> scanAll(byte[] pdf, CardSheet sheet, Symbology symbology, int cards)
            throws IOException, ReaderException {
        List<String> read = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, DPI, ImageType.GRAY);
                for (int position = 1; position <= sheet.cardsPerPage() && read.size() < cards; position++) {
                    read.add(decode(crop(image, sheet, sheet.box(position)), symbology));
                }
            }
        }
        return read;
    }

    static int pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** The card's area less a millimetre all round, so the grey cut outline is not in the picture. */
    static BufferedImage crop(BufferedImage page, CardSheet sheet, LabelBox card) {
        double scale = DPI / 72.0;
        LabelBox inside = card.inset(72 / 25.4f);
        int x = (int) Math.round(inside.x() * scale);
        int y = (int) Math.round((sheet.pageHeight() - inside.top()) * scale);
        return page.getSubimage(x, y, (int) (inside.width() * scale), (int) (inside.height() * scale));
    }

    static String decode(BufferedImage image, Symbology symbology) throws ReaderException {
        return BarcodeReader.read(image, symbology, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
    }
}
