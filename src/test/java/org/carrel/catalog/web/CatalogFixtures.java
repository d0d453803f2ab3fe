package org.carrel.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.carrel.catalog.Catalog;
import org.carrel.catalog.Copies;
import org.carrel.catalog.CatalogResult;
import org.carrel.catalog.ItemForm;
import org.carrel.district.District;
import org.carrel.district.SchoolForm;
import org.carrel.district.SchoolView;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;

/**
 * Schools, records and copies for the catalogue page tests, made through the facades. Every school is new (tests
 * share one database), so a test sees only its own copies.
 */
final class CatalogFixtures {

    private static final AtomicInteger SCHOOLS = new AtomicInteger();
    private static final MarcFactory MARC = MarcFactory.newInstance();

    private final District district;
    private final Catalog catalog;
    private final Copies copies;

    CatalogFixtures(District district, Catalog catalog, Copies copies) {
        this.copies = copies;
        this.district = district;
        this.catalog = catalog;
    }

    SchoolView newSchool() {
        String code = "TOOLS" + SCHOOLS.incrementAndGet();
        assertThat(district.createSchool(new SchoolForm(code, "Test school " + code, "K", "5", "ELEMENTARY", "", "",
                "", "", "", 0L), "test").saved()).as("school %s", code).isTrue();
        return district.school(code).orElseThrow();
    }

    /** A school with this code, made once. */
    SchoolView school(String code) {
        return district.school(code).orElseGet(() -> {
            district.createSchool(new SchoolForm(code, code + " Elementary", "K", "5", "ELEMENTARY", "", "", "", "", "",
                    0L), "test");
            return district.school(code).orElseThrow();
        });
    }

    long record(String title) {
        CatalogResult result = catalog.createRecord(marc(title, null, null), "test");
        assertThat(result).isInstanceOf(CatalogResult.Saved.class);
        return ((CatalogResult.Saved) result).id();
    }

    long copy(long recordId, SchoolView school, String barcode, String callNumber) {
        ItemForm blank = ItemForm.blank(school.id());
        ItemForm form = new ItemForm(barcode, blank.school(), "", callNumber, blank.itemType(), blank.status(), "", "",
                "", "", "", "", "", "");
        CatalogResult result = copies.addItem(recordId, form, "test");
        assertThat(result).as("copy %s: %s", barcode, result.errors()).isInstanceOf(CatalogResult.Saved.class);
        return ((CatalogResult.Saved) result).id();
    }

    /** A book record; with a school code and barcode, a Koha 952 holdings field for one copy. */
    static Record marc(String title, String schoolCode, String barcode) {
        Record record = MARC.newRecord("00000nam a2200000 a 4500");
        record.addVariableField(MARC.newControlField("008", "260101s2020    xxu           000 1 eng d"));
        DataField titleField = MARC.newDataField("245", '1', '0');
        titleField.addSubfield(MARC.newSubfield('a', title));
        record.addVariableField(titleField);
        if (barcode != null) {
            DataField holdings = MARC.newDataField("952", ' ', ' ');
            holdings.addSubfield(MARC.newSubfield('a', schoolCode));
            holdings.addSubfield(MARC.newSubfield('o', "FIC TES"));
            holdings.addSubfield(MARC.newSubfield('p', barcode));
            holdings.addSubfield(MARC.newSubfield('y', "BK"));
            record.addVariableField(holdings);
        }
        return record;
    }
}
