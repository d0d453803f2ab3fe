package org.carrel.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.util.BytesRef;
import org.carrel.catalog.Copies;
import org.carrel.catalog.ItemView;
import org.carrel.catalog.RecordView;
import org.carrel.catalog.marc.CallNumbers;
import org.carrel.catalog.marc.Description;
import org.carrel.catalog.marc.Isbn;
import org.carrel.catalog.marc.ReadingLevels;

/** Turns a catalogue record and its copies into the index's document (see {@link IndexFields}). */
final class RecordDocuments {

    /**
     * A Dewey number at the start of a call number, after an optional prefix such as REF or J: three digits followed
     * by a point and the decimals (segmentation marks / and ' inside them are dropped), a space, a slash or the end.
     */
    private static final Pattern DEWEY = Pattern.compile(
            "^(?:[A-Za-z]{1,4}\\s+)?(\\d{3})(?:/?\\.([\\d/']*)|(?=[\\s/]|$))");
    private static final int FACET_VALUE_MAX = 100;

    static final FacetsConfig FACETS = facetsConfig();

    private RecordDocuments() {
    }

    private static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        for (String dim : List.of(Facets.SCHOOL, Facets.AVAILABLE, Facets.GRADE_BAND, Facets.SUBJECT, Facets.LANGUAGE)) {
            config.setMultiValued(dim, true);
        }
        // Filters look up a dimension and value; a term for the dimension alone would be half the facet terms.
        for (String dim : Facets.ALL) {
            config.setDrillDownTermsIndexing(dim, FacetsConfig.DrillDownTermsIndexing.FULL_PATH_ONLY);
        }
        return config;
    }

    static Document of(RecordView record) {
        Description d = record.description();
        Document doc = new Document();
        doc.add(new StringField(IndexFields.ID, Long.toString(record.id()), Field.Store.NO));
        List<SchoolCopies> holdings = SchoolCopies.of(record.items());
        doc.add(new BinaryDocValuesField(IndexFields.HIT, HitCodec.encode(record, holdings)));
        WeightedText.Builder keywords = new WeightedText.Builder();
        List<String> spelling = new ArrayList<>();
        TextValue mainTitle = TextValue.of(d.title());
        TextValue title = mainTitle.then(TextValue.of(d.subtitle()));
        keyword(doc, keywords, IndexFields.TITLE, title);
        spelling.addAll(title.plain());
        List<String> pairs = title.pairs();
        if (!pairs.isEmpty()) {
            doc.add(TextValue.field(IndexFields.TITLE_PAIRS, pairs, TextValue.COUNTED));
        }
        for (String author : d.authors()) {
            spelling.addAll(keyword(doc, keywords, IndexFields.AUTHOR, TextValue.of(author)).plain());
        }
        keyword(doc, keywords, IndexFields.AUTHOR, TextValue.of(d.responsibility()));
        for (String subject : d.subjects()) {
            spelling.addAll(keyword(doc, keywords, IndexFields.SUBJECT, TextValue.of(subject)).plain());
        }
        d.genres().forEach(genre -> keyword(doc, keywords, IndexFields.SUBJECT, TextValue.of(genre)));
        for (String series : d.series()) {
            spelling.addAll(keyword(doc, keywords, IndexFields.SERIES, TextValue.of(series)).plain());
        }
        keyword(doc, keywords, IndexFields.SUMMARY, TextValue.of(d.summary()));
        keyword(doc, keywords, IndexFields.NOTES, TextValue.of(join(d.audienceNote(), d.edition(), d.publisher())));
        keyword(doc, keywords, IndexFields.CALL_NUMBER_TEXT, TextValue.of(d.callNumber()));
        if (!spelling.isEmpty()) {
            doc.add(TextValue.field(IndexFields.SPELL, spelling, TextValue.LISTED));
        }
        if (d.languages().contains("spa")) {
            List<String> spanish = Analyzers.words(Analyzers.SPANISH, String.join(" ", join(d.title(), d.subtitle()),
                    String.join(" ", d.subjects()), d.summary() == null ? "" : d.summary()));
            doc.add(TextValue.field(IndexFields.SPANISH, spanish, TextValue.SEARCHED));
            keywords.add(IndexFields.SPANISH, spanish);
        }
        Field text = keywords.field();
        if (text != null) {
            doc.add(text);
        }
        identifiers(doc, d, mainTitle, title);
        numbers(doc, record, d, SchoolCopies.total(holdings));
        items(doc, record.items(), holdings);
        facets(doc, d);
        return build(doc);
    }

    private static Document build(Document doc) {
        try {
            return FACETS.build(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void identifiers(Document doc, Description d, TextValue mainTitle, TextValue fullTitle) {
        for (Isbn isbn : d.isbns()) {
            doc.add(new StringField(IndexFields.ISBN, isbn.isbn13(), Field.Store.NO));
            isbn.isbn10().ifPresent(ten -> doc.add(new StringField(IndexFields.ISBN, ten, Field.Store.NO)));
        }
        String title = Analyzers.exact(mainTitle.plain());
        if (!title.isEmpty()) {
            doc.add(new StringField(IndexFields.TITLE_EXACT, title, Field.Store.NO));
            String full = Analyzers.exact(fullTitle.plain());
            if (!full.equals(title)) {
                doc.add(new StringField(IndexFields.TITLE_EXACT, full, Field.Store.NO));
            }
        }
        for (String author : d.authors()) {
            for (String form : nameForms(author)) {
                doc.add(new StringField(IndexFields.AUTHOR_EXACT, form, Field.Store.NO));
            }
        }
        String sortKey = d.callNumber() == null ? "" : CallNumbers.sortKey(d.callNumber());
        doc.add(new StringField(IndexFields.CALL_NUMBER_SORT, sortKey, Field.Store.NO));
        doc.add(new SortedDocValuesField(IndexFields.CALL_NUMBER_SORT, new BytesRef(sortKey)));
    }

    /** "Rowling, J. K." is also found as "J. K. Rowling". */
    static Set<String> nameForms(String author) {
        Set<String> forms = new LinkedHashSet<>();
        String asWritten = Analyzers.exact(author);
        if (!asWritten.isEmpty()) {
            forms.add(asWritten);
        }
        int comma = author.indexOf(',');
        if (comma > 0) {
            String direct = Analyzers.exact(author.substring(comma + 1) + " " + author.substring(0, comma));
            if (!direct.isEmpty()) {
                forms.add(direct);
            }
        }
        return forms;
    }

    private static void numbers(Document doc, RecordView record, Description d, long copies) {
        if (d.year() != null) {
            doc.add(new IntPoint(IndexFields.YEAR, d.year()));
            doc.add(new NumericDocValuesField(IndexFields.YEAR, d.year()));
        }
        ReadingLevels levels = d.readingLevels();
        Integer lexile = ReadingBands.lexile(levels);
        if (lexile != null) {
            doc.add(new IntPoint(IndexFields.LEXILE, lexile));
        }
        Integer guided = ReadingBands.guided(levels.guidedReading());
        if (guided != null) {
            doc.add(new IntPoint(IndexFields.GUIDED, guided));
        }
        long created = record.createdAt() == null ? 0 : record.createdAt().toInstant().toEpochMilli();
        doc.add(new NumericDocValuesField(IndexFields.CREATED, created));
        doc.add(new NumericDocValuesField(IndexFields.COPIES, copies));
    }

    /**
     * Copies: barcodes and notes for staff searches, and the schools holding copies in the collection and those with
     * a copy on the shelf, for the school and availability facets.
     */
    private static void items(Document doc, List<ItemView> items, List<SchoolCopies> holdings) {
        for (ItemView item : items) {
            doc.add(new StringField(IndexFields.BARCODE, Copies.normaliseBarcode(item.barcode()), Field.Store.NO));
            text(doc, IndexFields.ITEM_NOTES, item.notes());
        }
        for (SchoolCopies school : holdings) {
            doc.add(new SortedSetDocValuesFacetField(Facets.SCHOOL, Long.toString(school.schoolId())));
            if (school.available() > 0) {
                doc.add(new SortedSetDocValuesFacetField(Facets.AVAILABLE, Long.toString(school.schoolId())));
            }
        }
    }

    private static void facets(Document doc, Description d) {
        doc.add(new SortedSetDocValuesFacetField(Facets.FORMAT, d.format().name()));
        ReadingBands.gradeBands(d.audience(), d.readingLevels(), d.audienceNote())
                .forEach(band -> doc.add(new SortedSetDocValuesFacetField(Facets.GRADE_BAND, band.name())));
        Integer lexile = ReadingBands.lexile(d.readingLevels());
        if (lexile != null) {
            doc.add(new SortedSetDocValuesFacetField(Facets.LEXILE, ReadingBands.lexileBand(lexile)));
        }
        Integer guided = ReadingBands.guided(d.readingLevels().guidedReading());
        if (guided != null && guided <= 26) {
            doc.add(new SortedSetDocValuesFacetField(Facets.GUIDED, String.valueOf((char) ('A' + guided - 1))));
        }
        Set<String> subjects = new LinkedHashSet<>();
        d.subjects().forEach(subject -> subjects.add(mainHeading(subject)));
        d.genres().forEach(genre -> subjects.add(mainHeading(genre)));
        subjects.stream().filter(s -> !s.isEmpty())
                .forEach(subject -> doc.add(new SortedSetDocValuesFacetField(Facets.SUBJECT, subject)));
        d.languages().stream().filter(code -> !code.isBlank()).distinct()
                .forEach(code -> doc.add(new SortedSetDocValuesFacetField(Facets.LANGUAGE, code)));
        if (d.year() != null && d.year() >= 1000 && d.year() <= 2999) {
            doc.add(new SortedSetDocValuesFacetField(Facets.DECADE, Integer.toString(d.year() / 10 * 10)));
        }
        String dewey = deweyClass(d.callNumber());
        if (dewey != null) {
            doc.add(new SortedSetDocValuesFacetField(Facets.DEWEY, dewey));
        }
    }

    /** The part of a subject heading before its first subdivision, without a closing full stop. */
    static String mainHeading(String subject) {
        int dashes = subject.indexOf(" -- ");
        String heading = (dashes < 0 ? subject : subject.substring(0, dashes)).strip();
        if (heading.endsWith(".")) {
            heading = heading.substring(0, heading.length() - 1).strip();
        }
        return heading.length() > FACET_VALUE_MAX ? heading.substring(0, FACET_VALUE_MAX) : heading;
    }

    /** The Dewey hundreds ("500") of a call number that starts with a Dewey number, else null. */
    static String deweyClass(String callNumber) {
        String dewey = deweyNumber(callNumber);
        return dewey == null ? null : dewey.charAt(0) + "00";
    }

    /** The Dewey number ("598.2", "598") a call number starts with, else null. */
    static String deweyNumber(String callNumber) {
        if (callNumber == null) {
            return null;
        }
        Matcher dewey = DEWEY.matcher(callNumber.strip());
        if (!dewey.find()) {
            return null;
        }
        String decimals = dewey.group(2) == null ? "" : dewey.group(2).replaceAll("[/']", "");
        return decimals.isEmpty() ? dewey.group(1) : dewey.group(1) + "." + decimals;
    }

    /** A searched field of its own, and its words in the weighted keyword field; returns {@code value}. */
    private static TextValue keyword(Document doc, WeightedText.Builder keywords, String field, TextValue value) {
        if (!value.isEmpty()) {
            doc.add(TextValue.field(field, value.stems(), TextValue.SEARCHED));
            keywords.add(field, value.stems());
        }
        return value;
    }

    private static void text(Document doc, String field, String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new TextField(field, value, Field.Store.NO));
        }
    }

    private static String join(String... parts) {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                text.append(text.length() == 0 ? "" : " ").append(part);
            }
        }
        return text.toString();
    }
}
