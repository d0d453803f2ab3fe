package org.carrel.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carrel.catalog.MarcFixtures.aRecord;

import org.carrel.catalog.CatalogEvents.ItemAdded;
import org.carrel.catalog.CatalogEvents.ItemChanged;
import org.carrel.catalog.CatalogEvents.ItemDeleted;
import org.carrel.catalog.CatalogEvents.RecordChanged;
import org.carrel.catalog.CatalogEvents.RecordCreated;
import org.carrel.catalog.CatalogEvents.RecordDeleted;
import org.carrel.district.District;
import org.carrel.district.DistrictResult;
import org.carrel.district.LocationForm;
import org.carrel.district.SchoolView;
import org.carrel.testing.CarrelTest;
import org.carrel.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The catalogue's rules for records and copies, through its facade. */
@CarrelTest
@RecordApplicationEvents
class CatalogTest {

    @Autowired
    Catalog catalog;

    @Autowired

    Copies copies;
    @Autowired
    District district;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    SchoolView oak;
    SchoolView maple;
    long record;

    @BeforeEach
    void aRecordAtOakHill() {
        TestData.emptyCatalogue(jdbc);
        oak = TestData.school(district, "OAK");
        maple = TestData.school(district, "MAPLE");
        record = saved(catalog.createRecord(aRecord("Frindle").isbn("9780689818769").build(), "test"));
    }

    static long saved(CatalogResult result) {
        assertThat(result).isInstanceOf(CatalogResult.Saved.class);
        return ((CatalogResult.Saved) result).id();
    }

    ItemForm copy(String barcode, SchoolView school, Long location) {
        return new ItemForm(barcode, String.valueOf(school.id()), location == null ? "" : location.toString(), "",
                "BOOK", "AVAILABLE", "1", "16.99", "", "2026-09-01", "Book fair", "good", "", "0");
    }

    @Test
    void addsACopyAndTellsOtherModules() {
        long item = saved(copies.addItem(record, copy(" 3100042 ", oak, null), "test"));

        ItemView added = copies.itemByBarcode("3100042").orElseThrow();
        assertThat(added.id()).isEqualTo(item);
        assertThat(added.condition()).isEqualTo("GOOD");
        assertThat(events.stream(RecordCreated.class)).containsExactly(new RecordCreated(record));
        assertThat(events.stream(ItemAdded.class)).containsExactly(new ItemAdded(item, record, oak.id()));
    }

    @Test
    void refusesADuplicateBarcodeAndAnotherSchoolsLocation() {
        copies.addItem(record, copy("3100043", oak, null), "test");
        long mapleShelf = saved(district.addLocation(maple.id(), new LocationForm("MYS", "Mystery", "", 0L), "test"));

        assertThat(copies.addItem(record, copy("3100043", maple, null), "test"))
                .isInstanceOf(CatalogResult.Duplicate.class);
        assertThat(copies.addItem(record, copy("3100044", oak, mapleShelf), "test").errors().get("location"))
                .isEqualTo("catalog.item.location.otherSchool");
        assertThat(copies.addItem(record, copy("has space", oak, null), "test").errors().get("barcode"))
                .isEqualTo("catalog.item.barcode.invalid");
    }

    @Test
    void changesAStatusOnlyWithAReasonAndNeverForACopyInCirculation() {
        long item = saved(copies.addItem(record, copy("3100045", oak, null), "test"));

        assertThat(copies.changeStatus(item, 0, ItemStatus.MISSING, " ", "test").errors().get("reason"))
                .isEqualTo("form.required");
        assertThat(copies.changeStatus(item, 0, ItemStatus.CHECKED_OUT, "x", "test").errors().get("status"))
                .isEqualTo("catalog.item.status.circulationOnly");
        saved(copies.changeStatus(item, 0, ItemStatus.MISSING, "Not found at inventory", "test"));
        assertThat(copies.item(item).orElseThrow().statusReason()).isEqualTo("Not found at inventory");
        assertThat(events.stream(ItemChanged.class)).extracting(ItemChanged::status).containsExactly(ItemStatus.MISSING);
        assertThat(copies.changeStatus(item, 0, ItemStatus.DAMAGED, "stale", "test")).isEqualTo(CatalogResult.stale());

        jdbc.sql("update item set status = 'CHECKED_OUT' where id = :id").param("id", item).update();
        assertThat(copies.changeStatus(item, 2, ItemStatus.AVAILABLE, "found", "test"))
                .isInstanceOf(CatalogResult.Refused.class);
    }

    @Test
    void neverDeletesACopyOnLoanOrAWithdrawnOne() {
        long onLoan = saved(copies.addItem(record, copy("3100046", oak, null), "test"));
        long withdrawn = saved(copies.addItem(record, copy("3100047", oak, null), "test"));
        long mistake = saved(copies.addItem(record, copy("3100048", oak, null), "test"));
        jdbc.sql("update item set status = 'CHECKED_OUT' where id = :id").param("id", onLoan).update();
        copies.changeStatus(withdrawn, 0, ItemStatus.WITHDRAWN, "Weeded: outdated", "test");

        assertThat(copies.deleteItem(onLoan, "test")).extracting(r -> ((CatalogResult.Refused) r).messageKey())
                .isEqualTo("catalog.item.delete.inCirculation");
        assertThat(copies.deleteItem(withdrawn, "test")).extracting(r -> ((CatalogResult.Refused) r).messageKey())
                .isEqualTo("catalog.item.delete.withdrawn");
        saved(copies.deleteItem(mistake, "test"));
        assertThat(copies.item(mistake)).isEmpty();
        assertThat(events.stream(ItemDeleted.class)).containsExactly(new ItemDeleted(mistake, record, oak.id()));
    }

    @Test
    void deletesARecordOnlyOnceItsCopiesAreGoneOrWithdrawnAndKeepsWithdrawnOnesForStatistics() {
        long item = saved(copies.addItem(record, copy("3100049", oak, null), "test"));

        assertThat(catalog.deleteRecord(record, "test")).isInstanceOf(CatalogResult.Refused.class);
        copies.changeStatus(item, 0, ItemStatus.WITHDRAWN, "Weeded", "test");
        saved(catalog.deleteRecord(record, "test"));

        assertThat(catalog.record(record)).isEmpty();
        assertThat(copies.item(item)).as("the withdrawn copy stays for statistics").isPresent();
        assertThat(events.stream(RecordDeleted.class)).containsExactly(new RecordDeleted(record));
    }

    @Test
    void aLocationWithCopiesCannotBeRemoved() {
        long shelf = saved(district.addLocation(oak.id(), new LocationForm("BIGB", "Big books", "", 0L), "test"));
        long item = saved(copies.addItem(record, copy("3100050", oak, shelf), "test"));

        DistrictResult refused = district.removeLocation(oak.id(), shelf, "test").orElseThrow();
        assertThat(refused.errors().get("")).isEqualTo("district.location.inUse");
        assertThat(district.location(oak.id(), shelf)).isPresent();

        copies.deleteItem(item, "test");
        assertThat(district.removeLocation(oak.id(), shelf, "test").orElseThrow().saved()).isTrue();
    }

    @Test
    void editsAMarcRecordOnlyFromTheVersionTheEditorSaw() {
        assertThat(catalog.updateRecord(record, 0, aRecord("Frindle : a novel").build(), "test").saved()).isTrue();
        assertThat(events.stream(RecordChanged.class)).containsExactly(new RecordChanged(record));
        assertThat(catalog.updateRecord(record, 0, aRecord("Frindle again").build(), "test"))
                .isEqualTo(CatalogResult.stale());
        assertThat(catalog.updateRecord(record, 1, MarcFixtures.aRecord("x").build(), "test").saved()).isTrue();
        org.marc4j.marc.Record untitled = aRecord("x").build();
        untitled.removeVariableField(untitled.getVariableField("245"));
        assertThat(catalog.updateRecord(record, 2, untitled, "test").errors().get("marc"))
                .isEqualTo("catalog.record.title.required");
    }

    private static long saved(DistrictResult result) {
        assertThat(result.saved()).isTrue();
        return ((DistrictResult.Saved) result).id();
    }
}
