package org.carrel.patrons;

import java.io.ByteArrayOutputStream;
import java.util.List;

import com.google.zxing.common.BitMatrix;
import com.lowagie.text.Document;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import org.carrel.catalog.labels.BarcodeBars;
import org.carrel.catalog.labels.LabelBox;
import org.carrel.catalog.labels.LabelFont;
import org.carrel.catalog.labels.Symbology;

/**
 * Sheets of library cards as a PDF. Each card, top to bottom: the school's name, the patron's name (as large as fits,
 * then shortened with an ellipsis, never past the card's edge), the barcode as vector bars (one filled rectangle per
 * run of dark modules, sharp at any printer resolution) and the barcode in text for when the scanner fails. A thin
 * grey outline shows where to cut. Everything is drawn at absolute positions, so a card lands on the same spot
 * whatever its text.
 */
final class CardPdf {

    /** 20 mil (0.02"): wider bars make the symbol no easier to scan, only longer. */
    static final float WIDEST_MODULE = 1.44f;
    /** 5 mil (0.127 mm): thinner bars blur into their neighbours on a school's laser printer. */
    static final float NARROWEST_MODULE = 0.36f;

    static final float PADDING = mm(4);
    static final float BARS_HEIGHT = mm(15);
    static final float SCHOOL_SIZE = 9;
    static final float BARCODE_SIZE = 10;
    static final float LARGEST_NAME = 16;
    static final float SMALLEST_NAME = 9;

    private final LabelFont regular = LabelFont.helvetica();
    private final LabelFont bold = LabelFont.helveticaBold();

    /** The cards flowed onto as many sheets as they need; every barcode must be printable (see {@link #fits}). */
    byte[] print(List<LibraryCard> cards, Symbology symbology, CardSheet sheet) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(new Rectangle(sheet.pageWidth(), sheet.pageHeight()), 0, 0, 0, 0);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.addTitle("Library cards");
        document.addCreator("Carrel");
        document.open();
        for (int index = 0; index < cards.size(); index++) {
            int position = index % sheet.cardsPerPage() + 1;
            if (index > 0 && position == 1) {
                document.newPage();
            }
            draw(writer.getDirectContent(), sheet.box(position), cards.get(index), symbology);
        }
        document.close();
        return out.toByteArray();
    }

    /** Whether the barcode's bars fit a card without going thinner than a school printer prints sharply. */
    static boolean fits(String barcode, Symbology symbology) {
        BitMatrix symbol = symbology.encode(barcode);
        return innerWidth() / symbol.getWidth() >= NARROWEST_MODULE;
    }

    /** Where the bars of this symbol go on a card: what {@link #draw} fills, so a test can find them. */
    static LabelBox barsBox(LabelBox card, BitMatrix symbol) {
        LabelBox inner = card.inset(PADDING);
        float width = Math.min(inner.width(), symbol.getWidth() * WIDEST_MODULE);
        float bottom = inner.y() + BARCODE_SIZE * 1.3f;
        return new LabelBox(inner.x() + (inner.width() - width) / 2, bottom, width, BARS_HEIGHT);
    }

    /** The name as printed and its size: the largest size at which it fits, else the smallest, shortened. */
    record NameLine(String text, float size) {
    }

    NameLine nameLine(String name) {
        String text = LabelFont.printableLine(name);
        for (float size = LARGEST_NAME; size >= SMALLEST_NAME; size -= 1) {
            if (bold.width(text, size) <= innerWidth()) {
                return new NameLine(text, size);
            }
        }
        return new NameLine(bold.truncated(text, SMALLEST_NAME, innerWidth()), SMALLEST_NAME);
    }

    private void draw(PdfContentByte canvas, LabelBox card, LibraryCard content, Symbology symbology) {
        outline(canvas, card);
        LabelBox inner = card.inset(PADDING);
        float centre = inner.x() + inner.width() / 2;
        String school = regular.truncated(LabelFont.printableLine(content.schoolName()), SCHOOL_SIZE, inner.width());
        float schoolBaseline = inner.top() - regular.ascent(SCHOOL_SIZE);
        text(canvas, regular, SCHOOL_SIZE, school, centre, schoolBaseline);
        NameLine name = nameLine(content.name());
        float nameBaseline = schoolBaseline + regular.descent(SCHOOL_SIZE) - 4 - bold.ascent(name.size());
        text(canvas, bold, name.size(), name.text(), centre, nameBaseline);
        BitMatrix symbol = symbology.encode(content.barcode());
        BarcodeBars.draw(canvas, BarcodeBars.layOut(symbol, barsBox(card, symbol)));
        text(canvas, regular, BARCODE_SIZE, content.barcode(), centre, inner.y() - regular.descent(BARCODE_SIZE));
    }

    private static void outline(PdfContentByte canvas, LabelBox card) {
        canvas.saveState();
        canvas.setGrayStroke(0.75f);
        canvas.setLineWidth(0.25f);
        canvas.rectangle(card.x(), card.y(), card.width(), card.height());
        canvas.stroke();
        canvas.restoreState();
    }

    private static void text(PdfContentByte canvas, LabelFont font, float size, String text, float centre, float y) {
        canvas.beginText();
        canvas.setFontAndSize(font.baseFont(), size);
        canvas.showTextAligned(PdfContentByte.ALIGN_CENTER, text, centre, y, 0);
        canvas.endText();
    }

    private static float innerWidth() {
        return CardSheet.CARD_WIDTH - 2 * PADDING;
    }

    private static float mm(double millimetres) {
        return (float) (millimetres * 72 / 25.4);
    }
}
