package org.carrel.testing;

import java.util.concurrent.atomic.AtomicInteger;

import org.carrel.district.District;
import org.carrel.district.LocationForm;
import org.carrel.district.SchoolForm;
import org.carrel.district.SchoolView;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Schools and an empty catalogue for Spring tests that share one database. */
public final class TestData {

    private static final AtomicInteger NEW_SCHOOLS = new AtomicInteger();

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

    /** A new school (K-8) with a code of its own, {@code prefix} and a number, for tests that need a fresh school. */
    public static String newSchool(District district, String prefix) {
        String code = prefix + NEW_SCHOOLS.incrementAndGet();
        if (!district.createSchool(new SchoolForm(code, prefix + " School " + code, "K", "8", "ELEMENTARY", null, null,
                null, null, null, null), "test").saved()) {
            throw new IllegalStateException("could not create the test school " + code);
        }
        return code;
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
