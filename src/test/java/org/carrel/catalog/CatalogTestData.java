package org.carrel.catalog;

import org.carrel.district.District;
import org.carrel.district.SchoolForm;
import org.carrel.district.SchoolView;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Schools and an empty catalogue for the catalogue's Spring tests, which share one database. */
final class CatalogTestData {

    private CatalogTestData() {
    }

    /** The school with this code, created (elementary, K-5) if the shared test database does not have it yet. */
    static SchoolView school(District district, String code) {
        return district.school(code).orElseGet(() -> {
            district.createSchool(new SchoolForm(code, code + " School", "K", "5", "ELEMENTARY", null, null, null, null,
                    null, 0L), "test");
            return district.school(code).orElseThrow();
        });
    }

    /** Empties the catalogue's tables, so each test starts from an empty catalogue. */
    static void emptyCatalogue(JdbcClient jdbc) {
        for (String table : new String[] {"label_queue", "item", "record_identifier", "bib_record",
                "marc_import_line", "marc_import"}) {
            jdbc.sql("delete from " + table).update();
        }
    }
}
