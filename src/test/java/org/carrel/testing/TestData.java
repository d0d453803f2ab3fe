package org.carrel.testing;

import org.carrel.district.District;
import org.carrel.district.LocationForm;
import org.carrel.district.SchoolForm;
import org.carrel.district.SchoolView;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Schools and an empty catalogue for Spring tests that share one database. */
public final class TestData {

    private TestData() {
    }

    /** The school with this code, created (elementary, K-5, named CODE + " School") if the database lacks it. */
    public static SchoolView school(District district, String code) {
        return district.school(code).orElseGet(() -> {
            district.createSchool(new SchoolForm(code, code + " School", "K", "5", "ELEMENTARY", null, null, null, null,
                    null, 0L), "test");
            return district.school(code).orElseThrow();
        });
    }

    /** As {@link #school}, with a Fiction location (code FIC) added when the school is created; its id. */
    public static long schoolWithFiction(District district, String code) {
        boolean created = district.school(code).isEmpty();
        long id = school(district, code).id();
        if (created) {
            district.addLocation(id, new LocationForm("FIC", "Fiction", "", 0L), "test");
        }
        return id;
    }

    /** Empties the catalogue's tables (no events: a search index has to be rebuilt afterwards). */
    public static void emptyCatalogue(JdbcClient jdbc) {
        for (String table : new String[] {"label_queue", "item", "record_identifier", "bib_record",
                "marc_import_line", "marc_import"}) {
            jdbc.sql("delete from " + table).update();
        }
    }
}
