package org.carrel.catalog.labels;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.text.Normalizer;

import com.lowagie.text.pdf.BaseFont;

/**
 * Helvetica and Helvetica Bold, two of the 14 fonts every PDF reader has, so nothing is embedded and a sheet of 80
 * labels stays small. They cover WinAnsi (Windows-1252) only: a letter outside it loses the accents it cannot show
 * ("Nguyễn" prints as "Nguyên", the nearest letter Helvetica has), and what is left unprintable (Chinese, emoji)
 * prints as {@code ?} instead of vanishing or failing the whole sheet. Library cards ({@code patrons}) use it too.
 */
public final class LabelFont {

    public static final String ELLIPSIS = "\u2026";

    private static final Charset WIN_ANSI = Charset.forName("windows-1252");

    private final BaseFont font;

    private LabelFont(BaseFont font) {
        this.font = font;
    }

    public static LabelFont helvetica() {
        return of(BaseFont.HELVETICA);
    }

    public static LabelFont helveticaBold() {
        return of(BaseFont.HELVETICA_BOLD);
    }

    private static LabelFont of(String name) {
        try {
            return new LabelFont(BaseFont.createFont(name, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED));
        } catch (Exception e) {
            throw new IllegalStateException("The built-in font " + name + " could not be loaded", e);
        }
    }

    public BaseFont baseFont() {
        return font;
    }

    /**
     * The text as Helvetica can show it, character for character: a letter it lacks without the accents it cannot
     * show, else {@code ?}; tabs and line breaks as spaces.
     */
    public static String printable(String text) {
        if (text == null) {
            return "";
        }
        CharsetEncoder encoder = WIN_ANSI.newEncoder();
        StringBuilder out = new StringBuilder(text.length());
        Normalizer.normalize(text, Normalizer.Form.NFC).codePoints().forEach(codePoint -> {
            if (Character.isWhitespace(codePoint)) {
                out.append(' ');
            } else if (Character.isISOControl(codePoint)) {
                out.append('?');
            } else {
                out.append(nearest(Character.toString(codePoint), encoder));
            }
        });
        return out.toString();
    }

    /** {@link #printable} on one line: runs of white space as one space, none at the ends. */
    public static String printableLine(String text) {
        return printable(text).replaceAll(" +", " ").strip();
    }

    /** The character, else it with its last accents taken off until Helvetica has it, else {@code ?}. */
    private static String nearest(String character, CharsetEncoder encoder) {
        String decomposed = Normalizer.normalize(character, Normalizer.Form.NFD);
        for (int keep = decomposed.length(); keep > 0; keep--) {
            String candidate = Normalizer.normalize(decomposed.substring(0, keep), Normalizer.Form.NFC);
            if (encoder.canEncode(candidate)) {
                return candidate;
            }
        }
        return "?";
    }

    public float width(String text, float size) {
        return font.getWidthPoint(text, size);
    }

    /** Height of a line from the lowest descender to the highest ascender. */
    float lineHeight(float size) {
        return font.getFontDescriptor(BaseFont.ASCENT, size) - font.getFontDescriptor(BaseFont.DESCENT, size);
    }

    public float ascent(float size) {
        return font.getFontDescriptor(BaseFont.ASCENT, size);
    }

    /** How far the lowest letters reach below the baseline, as a negative number. */
    public float descent(float size) {
        return font.getFontDescriptor(BaseFont.DESCENT, size);
    }

    /** The text cut, at the end, to fit the width, with an ellipsis to show that it was cut. */
    public String truncated(String text, float size, float maxWidth) {
        if (width(text, size) <= maxWidth) {
            return text;
        }
        int[] codePoints = text.strip().codePoints().toArray();
        for (int keep = codePoints.length - 1; keep > 0; keep--) {
            String candidate = new String(codePoints, 0, keep).stripTrailing() + ELLIPSIS;
            if (width(candidate, size) <= maxWidth) {
                return candidate;
            }
        }
        return width(ELLIPSIS, size) <= maxWidth ? ELLIPSIS : "";
    }
}
