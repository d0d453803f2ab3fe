package org.carrel.circulation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.carrel.catalog.Catalog;
import org.carrel.catalog.CatalogResult;
import org.carrel.catalog.Copies;
import org.carrel.catalog.ItemForm;
import org.carrel.catalog.marc.BasicDescription;
import org.carrel.district.District;
import org.carrel.patrons.PatronForm;
import org.carrel.patrons.Patrons;
import org.carrel.patrons.PatronsResult;
import org.carrel.testing.TestData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Schools, titles, copies and patrons for circulation tests, each with barcodes of its own so tests sharing one
 * database never meet: {@code fixtures.school()}, {@code fixtures.title("Holes")}, {@code fixtures.copy(record,
 * school)}, {@code fixtures.student(school, "3")}.
 */
@Component
public class CirculationFixtures {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private final District district;
    private final Catalog catalog;
    private final Copies copies;
    private final Patrons patrons;
    private final JdbcClient jdbc;
    private final CirculationTime time;

    CirculationFixtures(District district, Catalog catalog, Copies copies, Patrons patrons, JdbcClient jdbc,
                        CirculationTime time) {
        this.district = district;
        this.catalog = catalog;
        this.copies = copies;
        this.patrons = patrons;
        this.jdbc = jdbc;
        this.time = time;
    }

    /** Now in the district's time zone, as circulation reads it. */
    public ZonedDateTime now() {
        return time.now();
    }

    /**
     * Moves an open loan into the past: due at the end of the day {@code daysAgo} days before {@code now}'s day,
     * checked out two weeks before that (what a loan made then would hold).
     */
    public void makeDue(long loanId, ZonedDateTime now, int daysAgo) {
        LocalDate dueOn = now.toLocalDate().minusDays(daysAgo);
        OffsetDateTime dueAt = dueOn.plusDays(1).atStartOfDay(now.getZone()).toOffsetDateTime().minusSeconds(1);
        int moved = jdbc.sql("update loan set due_on = :dueOn, due_at = :dueAt, checked_out_at = :out where id = :id")
                .param("dueOn", dueOn).param("dueAt", dueAt).param("out", dueAt.minusDays(14)).param("id", loanId)
                .update();
        if (moved != 1) {
            throw new IllegalStateException("no open loan " + loanId);
        }
    }

    /** A new school (K-8); its code. */
    public String school() {
        return TestData.newSchool(district, "CI");
    }

    public long schoolId(String code) {
        return district.school(code).orElseThrow().id();
    }

    public String schoolName(String code) {
        return district.school(code).orElseThrow().name();
    }

    public long title(String title) {
        CatalogResult saved = catalog.catalogue(new BasicDescription(title, null, "Author, An", List.of(), "Press",
                2001, List.of(), null, null, null, "FIC AUT", "BOOK", "eng"), "test");
        return ((CatalogResult.Saved) saved).id();
    }

    /** A new copy (a book at 12.50) of the record at the school; its barcode. */
    public String copy(long recordId, String school) {
        return copy(recordId, school, "BOOK");
    }

    public String copy(long recordId, String school, String itemType) {
        String barcode = "CI" + NEXT.incrementAndGet() + "X" + System.nanoTime() % 100000;
        CatalogResult saved = copies.addItem(recordId, new ItemForm(barcode, String.valueOf(schoolId(school)), "", "",
                itemType, "AVAILABLE", "", "12.50", "", "", "", "", "", ""), "test");
        if (!saved.saved()) {
            throw new IllegalStateException("copy not saved: " + saved);
        }
        return barcode;
    }

    /** A new copy with this price and replacement cost (either blank for none); its barcode. */
    public String copyCosting(long recordId, String school, String price, String replacementCost) {
        String barcode = "CI" + NEXT.incrementAndGet() + "X" + System.nanoTime() % 100000;
        CatalogResult saved = copies.addItem(recordId, new ItemForm(barcode, String.valueOf(schoolId(school)), "", "",
                "BOOK", "AVAILABLE", "", price, replacementCost, "", "", "", "", ""), "test");
        if (!saved.saved()) {
            throw new IllegalStateException("copy not saved: " + saved);
        }
        return barcode;
    }

    /** A new student of a homeroom (blank: none) and graduation year (blank: none); their barcode. */
    public String student(String school, String grade, String homeroom, String graduationYear) {
        return patron("STUDENT", "Pat" + NEXT.incrementAndGet(), school, grade, homeroom, graduationYear);
    }

    /** A new teacher, the teacher of the homeroom (created if new); their barcode. */
    public String teacherOf(String school, String homeroom, String givenName) {
        return patron("TEACHER", givenName, school, "", homeroom, "");
    }

    private String patron(String type, String givenName, String school, String grade, String homeroom,
                          String graduationYear) {
        String barcode = "P" + NEXT.incrementAndGet() + "X" + System.nanoTime() % 100000;
        PatronsResult saved = patrons.create(new PatronForm(type, givenName, "Tester", "", school, barcode,
                type.equals("STUDENT") ? "S" + barcode : "", grade, homeroom, graduationYear, "", "en", "", "", null),
                "test");
        if (!saved.saved()) {
            throw new IllegalStateException("patron not saved: " + saved.errors());
        }
        return barcode;
    }

    /** A new student in the grade at the school; their barcode. */
    public String student(String school, String grade) {
        return patron("STUDENT", school, grade);
    }

    public String teacher(String school) {
        return patron("TEACHER", school, "");
    }

    public String patron(String type, String school, String grade) {
        String barcode = "P" + NEXT.incrementAndGet() + "X" + System.nanoTime() % 100000;
        PatronsResult saved = patrons.create(new PatronForm(type, "Pat" + NEXT.get(), "Tester", "", school, barcode,
                type.equals("STUDENT") ? "S" + barcode : "", grade, "", "", "", "en", "", "", null), "test");
        if (!saved.saved()) {
            throw new IllegalStateException("patron not saved: " + saved.errors());
        }
        return barcode;
    }

    public long patronId(String barcode) {
        return patrons.byBarcode(barcode).orElseThrow().id();
    }
}
