package org.carrel.catalog.labels;

/**
 * Label sheets Carrel prints on, with their geometry; message key {@code catalog.labels.sheet.NAME}.
 *
 * <p>Positions are numbered from 1 at the top left, across each row and then down, as Avery's own templates and
 * word processors fill a sheet; so "start at 4" on a 3-across sheet is the first label of the second row.
 *
 * <p>Sources: the US Letter Avery sheets follow gLabels' template file {@code avery-us-templates.xml}, which agrees
 * with Avery's published margins and pitches. L7160 uses Avery UK's nominal label size (63.5 x 38.1 mm) centred on
 * A4 with its 2.5 mm column gap (pitch 66.0 mm, as gLabels' 187.2 pt). For the 1" x 1-1/2" spine sheet no vendor
 * template was at hand: its grid is the largest one that fits US Letter, centred, with a 1/8" column gap, the gap
 * the Avery sheets above use. Print a test page on plain paper and hold it against a sheet before a large run.
 */
public enum LabelSheet {
    /** Avery 5160 and look-alikes (5260, 8160, ...): 30 address labels, 1" x 2-5/8", 3 across, 10 down. */
    AVERY_5160(Paper.LETTER, inches(0.1875), inches(0.5), 3, 10, inches(2.625), inches(1), inches(0.125), 0),
    /** Avery 5167 and look-alikes (5267, 8167, ...): 80 return-address labels, 1/2" x 1-3/4", 4 across, 20 down. */
    AVERY_5167(Paper.LETTER, inches(0.28125), inches(0.5), 4, 20, inches(1.75), inches(0.5), inches(0.3125), 0),
    /** A spine label sheet of 1" wide by 1-1/2" tall labels, 7 across, 7 down (49 a sheet). */
    SPINE_1X1_5(Paper.LETTER, inches(0.375), inches(0.25), 7, 7, inches(1), inches(1.5), inches(0.125), 0),
    /** Avery L7160 (J8160): 21 address labels on A4, 63.5 x 38.1 mm, 3 across, 7 down. */
    AVERY_L7160(Paper.A4, millimetres(7.25), millimetres(15.15), 3, 7, millimetres(63.5), millimetres(38.1),
            millimetres(2.5), 0);

    private final Paper paper;
    private final float leftMargin;
    private final float topMargin;
    private final int columns;
    private final int rows;
    private final float labelWidth;
    private final float labelHeight;
    private final float columnGap;
    private final float rowGap;

    LabelSheet(Paper paper, float leftMargin, float topMargin, int columns, int rows, float labelWidth,
            float labelHeight, float columnGap, float rowGap) {
        this.paper = paper;
        this.leftMargin = leftMargin;
        this.topMargin = topMargin;
        this.columns = columns;
        this.rows = rows;
        this.labelWidth = labelWidth;
        this.labelHeight = labelHeight;
        this.columnGap = columnGap;
        this.rowGap = rowGap;
    }

    public String messageKey() {
        return "catalog.labels.sheet." + name();
    }

    public int labelsPerPage() {
        return columns * rows;
    }

    public int columns() {
        return columns;
    }

    public int rows() {
        return rows;
    }

    /** Page width in points (1/72 inch). */
    public float pageWidth() {
        return paper.width;
    }

    /** Page height in points (1/72 inch). */
    public float pageHeight() {
        return paper.height;
    }

    /** Label width in points (1/72 inch). */
    public float labelWidth() {
        return labelWidth;
    }

    /** Label height in points (1/72 inch). */
    public float labelHeight() {
        return labelHeight;
    }

    /**
     * Where the label at a position on the page lies, in PDF coordinates (points, origin at the bottom left).
     *
     * @param position 1 to {@link #labelsPerPage()}
     */
    LabelBox box(int position) {
        if (position < 1 || position > labelsPerPage()) {
            throw new IllegalArgumentException("Position " + position + " is not on a " + name() + " sheet");
        }
        int column = (position - 1) % columns;
        int row = (position - 1) / columns;
        float left = leftMargin + column * (labelWidth + columnGap);
        float top = paper.height - topMargin - row * (labelHeight + rowGap);
        return new LabelBox(left, top - labelHeight, labelWidth, labelHeight);
    }

    private static float inches(double inches) {
        return (float) (inches * 72);
    }

    private static float millimetres(double millimetres) {
        return (float) (millimetres * 72 / 25.4);
    }

    private enum Paper {
        LETTER(inches(8.5), inches(11)), A4(millimetres(210), millimetres(297));

        private final float width;
        private final float height;

        Paper(float width, float height) {
            this.width = width;
            this.height = height;
        }
    }
}
