package org.carrel.patrons;
import org.carrel.catalog.labels.LabelBox;

/**
 * The paper library cards are printed on: ten credit-card-size cards (ISO/IEC 7810 ID-1, 85.6 x 54 mm), two across
 * and five down, centred, edge to edge so one cut separates two cards. Message key {@code patrons.cards.sheet.NAME}.
 */
public enum CardSheet {
    LETTER(8.5f * 72, 11f * 72), A4(mm(210), mm(297));

    static final float CARD_WIDTH = mm(85.6);
    static final float CARD_HEIGHT = mm(54);
    static final int COLUMNS = 2;
    static final int ROWS = 5;

    private final float pageWidth;
    private final float pageHeight;

    CardSheet(float pageWidth, float pageHeight) {
        this.pageWidth = pageWidth;
        this.pageHeight = pageHeight;
    }

    public String messageKey() {
        return "patrons.cards.sheet." + name();
    }

    /** The sheet named by a form value; null when it names none. */
    public static CardSheet parse(String text) {
        for (CardSheet sheet : values()) {
            if (sheet.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return sheet;
            }
        }
        return null;
    }

    public int cardsPerPage() {
        return COLUMNS * ROWS;
    }

    /** Page width in points (1/72 inch). */
    float pageWidth() {
        return pageWidth;
    }

    /** Page height in points (1/72 inch). */
    float pageHeight() {
        return pageHeight;
    }

    /**
     * Where the card at a position lies, in PDF coordinates (points, origin at the bottom left); positions run from 1
     * at the top left across each row, then down.
     */
    LabelBox box(int position) {
        if (position < 1 || position > cardsPerPage()) {
            throw new IllegalArgumentException("Position " + position + " is not on a sheet of cards");
        }
        float left = (pageWidth - COLUMNS * CARD_WIDTH) / 2 + (position - 1) % COLUMNS * CARD_WIDTH;
        float top = pageHeight - (pageHeight - ROWS * CARD_HEIGHT) / 2 - (position - 1) / COLUMNS * CARD_HEIGHT;
        return new LabelBox(left, top - CARD_HEIGHT, CARD_WIDTH, CARD_HEIGHT);
    }

    private static float mm(double millimetres) {
        return (float) (millimetres * 72 / 25.4);
    }
}
