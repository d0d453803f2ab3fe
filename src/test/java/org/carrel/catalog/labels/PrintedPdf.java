package org.carrel.catalog.labels;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

/** Reading back what the label printer wrote: pages, text lines, and the filled rectangles of the bars. */
final class PrintedPdf {

    private static final String NUMBER = "(-?[0-9.]+)";
    private static final Pattern RECTANGLE = Pattern.compile(
            NUMBER + " " + NUMBER + " " + NUMBER + " " + NUMBER + " re");

    private final PdfReader reader;

    PrintedPdf(byte[] pdf) {
        try {
            this.reader = new PdfReader(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int pages() {
        return reader.getNumberOfPages();
    }

    float pageWidth(int page) {
        return reader.getPageSize(page).getWidth();
    }

    float pageHeight(int page) {
        return reader.getPageSize(page).getHeight();
    }

    /** The page's text, one entry per printed line, trimmed. */
    List<String> lines(int page) {
        try {
            String text = new PdfTextExtractor(reader).getTextFromPage(page);
            return Arrays.stream(text.split("\n")).map(String::strip).filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every rectangle the page's content stream draws with the {@code re} operator. */
    List<LabelBox> rectangles(int page) {
        try {
            String content = new String(reader.getPageContent(page), StandardCharsets.ISO_8859_1);
            List<LabelBox> found = new ArrayList<>();
            Matcher matcher = RECTANGLE.matcher(content);
            while (matcher.find()) {
                found.add(new LabelBox(Float.parseFloat(matcher.group(1)), Float.parseFloat(matcher.group(2)),
                        Float.parseFloat(matcher.group(3)), Float.parseFloat(matcher.group(4))));
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
