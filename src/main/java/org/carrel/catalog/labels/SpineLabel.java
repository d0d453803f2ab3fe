package org.carrel.catalog.labels;

import java.util.List;

import com.lowagie.text.pdf.PdfContentByte;

/**
 * A spine label: the call number's lines centred, as large as the label allows up to {@link #LARGEST_SIZE}, so the
 * shelf can be read from a step away and a long Dewey number still fits.
 */
final class SpineLabel {

    static final float LARGEST_SIZE = 14f;

    private static final float LEADING = 1.1f;

    private SpineLabel() {
    }

    static void draw(PdfContentByte canvas, LabelFont font, LabelBox label, List<String> lines) {
        LabelBox inner = label.inset(Math.min(label.width(), label.height()) * 0.08f);
        float size = fittingSize(font, inner, lines);
        float leading = font.lineHeight(size) * LEADING;
        float blockTop = inner.y() + inner.height() / 2 + lines.size() * leading / 2;
        float firstBaseline = blockTop - (leading - font.lineHeight(size)) / 2 - font.ascent(size);
        float centreX = inner.x() + inner.width() / 2;
        for (int i = 0; i < lines.size(); i++) {
            LabelText.centred(canvas, font, size, lines.get(i), centreX, firstBaseline - i * leading);
        }
    }

    static float fittingSize(LabelFont font, LabelBox inner, List<String> lines) {
        float byHeight = inner.height() / (lines.size() * font.lineHeight(1f) * LEADING);
        float widestAtOnePoint = 0f;
        for (String line : lines) {
            widestAtOnePoint = Math.max(widestAtOnePoint, font.width(line, 1f));
        }
        float byWidth = widestAtOnePoint == 0f ? LARGEST_SIZE : inner.width() / widestAtOnePoint;
        return Math.min(LARGEST_SIZE, Math.min(byHeight, byWidth));
    }
}
