package org.carrel.catalog.labels;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;

import com.lowagie.text.pdf.BaseFont;

/**
 * Helvetica, one of the 14 fonts every PDF reader has, so nothing is embedded and a sheet of 80 labels stays small.
 * It only covers WinAnsi (Windows-1252): Spanish and French letters print, anything else (Chinese, Korean, emoji)
 * prints as {@code ?} instead of vanishing or failing the whole sheet.
 */
final class LabelFont {

    static final String ELLIPSIS = "\u2026";

    private static final Charset WIN_ANSI = Charset.forName("windows-1252");

    private final BaseFont font;

    private LabelFont(BaseFont font) {
        this.font = font;
    }

    static LabelFont helvetica() {
        try {
            return new LabelFont(BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED));
        } catch (Exception e) {
            throw new IllegalStateException("The built-in Helvetica font could not be loaded", e);
        }
    }

    BaseFont baseFont() {
        return font;
    }

    /** The text with every character Helvetica cannot show replaced by {@code ?}, tabs and line breaks by spaces. */
    static String printable(String text) {
        if (text == null) {
            return "";
        }
        CharsetEncoder encoder = WIN_ANSI.newEncoder();
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            String character = Character.toString(codePoint);
            if (Character.isWhitespace(codePoint)) {
                out.append(' ');
            } else {
                boolean shown = !Character.isISOControl(codePoint) && encoder.canEncode(character);
                out.append(shown ? character : "?");
            }
        });
        return out.toString();
    }

    float width(String text, float size) {
        return font.getWidthPoint(text, size);
    }

    /** Height of a line from the lowest descender to the highest ascender. */
    float lineHeight(float size) {
        return font.getFontDescriptor(BaseFont.ASCENT, size) - font.getFontDescriptor(BaseFont.DESCENT, size);
    }

    float ascent(float size) {
        return font.getFontDescriptor(BaseFont.ASCENT, size);
    }

    /** How far the lowest letters reach below the baseline, as a negative number. */
    float descent(float size) {
        return font.getFontDescriptor(BaseFont.DESCENT, size);
    }

    /** The text cut, at the end, to fit the width, with an ellipsis to show that it was cut. */
    String truncated(String text, float size, float maxWidth) {
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
