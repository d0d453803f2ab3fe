package org.carrel.circulation.web;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import org.carrel.catalog.labels.LabelFont;
import org.carrel.circulation.OverdueLoan;
import org.carrel.patrons.HomeroomView;

/**
 * Overdue lists per homeroom teacher as a PDF: one page (or more) per homeroom with its teacher's name, then each
 * student with overdue copies, by name, and under each name the titles with their due dates. Students without a
 * homeroom of the school come last. Helvetica shows what it can of every name ({@link LabelFont#printable}).
 */
final class OverduePdf {

    private static final Font TITLE = new Font(Font.HELVETICA, 16, Font.BOLD);
    private static final Font HEADING = new Font(Font.HELVETICA, 12, Font.NORMAL);
    private static final Font NAME = new Font(Font.HELVETICA, 11, Font.BOLD);
    private static final Font LINE = new Font(Font.HELVETICA, 10, Font.NORMAL);

    private final BiFunction<String, Object[], String> texts;

    /** {@code texts}: a message by key and arguments, in the reader's language. */
    OverduePdf(BiFunction<String, Object[], String> texts) {
        this.texts = texts;
    }

    /**
     * The homerooms' sections (those without overdue loans are left out) and, when {@code withoutHomeroom}, one for
     * the patrons in none of them.
     */
    byte[] print(String schoolName, LocalDate today, Collection<HomeroomView> homerooms, List<OverdueLoan> lines,
                 boolean withoutHomeroom) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.LETTER, 54, 54, 54, 54);
        PdfWriter.getInstance(document, out);
        document.addTitle(t("circulation.overdues.pdfTitle", schoolName));
        document.addCreator("Carrel");
        document.open();
        Set<Long> listed = homerooms.stream().map(HomeroomView::id).collect(Collectors.toSet());
        boolean first = true;
        for (HomeroomView homeroom : homerooms) {
            List<OverdueLoan> own = lines.stream().filter(l -> Long.valueOf(homeroom.id())
                    .equals(l.patron().homeroomId())).toList();
            if (!own.isEmpty()) {
                first = section(document, first, homeroom.name(), homeroom.teacherName() == null
                        ? t("circulation.overdues.noTeacher") : t("circulation.overdues.teacher",
                        homeroom.teacherName()), schoolName, today, own);
            }
        }
        List<OverdueLoan> rest = lines.stream().filter(l -> l.patron().homeroomId() == null
                || !listed.contains(l.patron().homeroomId())).toList();
        if (withoutHomeroom && !rest.isEmpty()) {
            first = section(document, first, t("circulation.overdues.withoutHomeroom"), "", schoolName, today, rest);
        }
        if (first) {
            document.add(new Paragraph(text(t("circulation.overdues.pdfTitle", schoolName)), TITLE));
            document.add(new Paragraph(text(t("circulation.overdues.none")), HEADING));
        }
        document.close();
        return out.toByteArray();
    }

    private boolean section(Document document, boolean first, String homeroom, String teacher, String schoolName,
                            LocalDate today, List<OverdueLoan> lines) {
        if (!first) {
            document.newPage();
        }
        document.add(new Paragraph(text(t("circulation.overdues.pdfHomeroom", homeroom)), TITLE));
        if (!teacher.isEmpty()) {
            document.add(new Paragraph(text(teacher), HEADING));
        }
        document.add(new Paragraph(text(t("circulation.overdues.pdfAsOf", schoolName, today.toString())), HEADING));
        Map<Long, List<OverdueLoan>> byPatron = new LinkedHashMap<>();
        lines.stream().sorted(Comparator.comparing((OverdueLoan l) -> l.patron().name(),
                        String.CASE_INSENSITIVE_ORDER).thenComparing(l -> l.loan().dueOn()))
                .forEach(l -> byPatron.computeIfAbsent(l.patron().id(), id -> new java.util.ArrayList<>()).add(l));
        for (List<OverdueLoan> loans : byPatron.values()) {
            Paragraph name = new Paragraph(text(loans.get(0).patron().name()), NAME);
            name.setSpacingBefore(10);
            document.add(name);
            for (OverdueLoan line : loans) {
                Paragraph title = new Paragraph(text(t("circulation.overdues.pdfLine", line.loan().title(),
                        line.loan().barcode(), line.loan().dueOn().toString(), line.daysOverdue())), LINE);
                title.setIndentationLeft(18);
                document.add(title);
            }
        }
        return false;
    }

    private String t(String key, Object... args) {
        return texts.apply(key, args);
    }

    private static String text(String value) {
        return LabelFont.printable(value);
    }
}
