package org.carrel.catalog.web;

/**
 * The simple original-cataloguing form as typed: ISBNs and subjects one per line, {@code audience} a MARC 008/22
 * code, {@code format} a {@link org.carrel.catalog.marc.BasicDescription#FORMATS} name. Checked by
 * {@link RecordFormRules}.
 */
public record RecordForm(String title, String subtitle, String author, String isbns, String publisher, String year,
                         String subjects, String summary, String audience, String readingLevel, String callNumber,
                         String format, String language) {

    /** MARC 008/22 target audience codes offered, blank (unknown) first. Message key: catalog.audience.code.X */
    static final java.util.List<String> AUDIENCES = java.util.List.of("", "a", "b", "c", "j", "d", "e", "f", "g");

    static RecordForm blank() {
        return new RecordForm("", "", "", "", "", "", "", "", "", "", "", "BOOK", "eng");
    }
}
