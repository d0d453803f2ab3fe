package org.carrel.patrons;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The barcodes each school hands out to patrons who arrive without one: its prefix (by default {@code P} and the
 * school code) and a number of {@link #DEFAULT_WIDTH} digits, in order. A number already taken (typed in by hand,
 * say) is skipped. Numbers are drawn under a row lock, so two simultaneous additions never get the same one.
 */
@Repository
class BarcodeRanges {

    static final int DEFAULT_WIDTH = 6;

    /** A school's range: the next number and the last one it may hand out. */
    record Range(String prefix, long next, long last, int width) {
        String barcode(long number) {
            return prefix + String.format("%0" + width + "d", number);
        }
    }

    private final JdbcClient jdbc;

    BarcodeRanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Range> range(long schoolId) {
        return jdbc.sql("select prefix, next_number, last_number, width from patron_barcode_range"
                        + " where school_id = :id")
                .param("id", schoolId)
                .query((row, n) -> new Range(row.getString("prefix"), row.getLong("next_number"),
                        row.getLong("last_number"), row.getInt("width")))
                .optional();
    }

    /** The school's range as it is, or the default one ({@code P}+code, 1 to 999999), created now. */
    Range rangeOrDefault(long schoolId, String schoolCode) {
        Optional<Range> range = range(schoolId);
        if (range.isPresent()) {
            return range.get();
        }
        long last = (long) Math.pow(10, DEFAULT_WIDTH) - 1;
        jdbc.sql("""
                        insert into patron_barcode_range (school_id, prefix, next_number, last_number, width)
                        values (:id, :prefix, 1, :last, :width)
                        on conflict do nothing""")
                .param("id", schoolId).param("prefix", "P" + schoolCode.replace("-", ""))
                .param("last", last).param("width", DEFAULT_WIDTH).update();
        return range(schoolId).orElseThrow();
    }

    /**
     * Takes the school's next number under a row lock and returns its barcode; empty when the range is used up.
     * {@code taken} says whether a barcode is already a patron's (such numbers are passed over).
     */
    Optional<String> take(long schoolId, String schoolCode, java.util.function.Predicate<String> taken) {
        rangeOrDefault(schoolId, schoolCode);
        Range range = jdbc.sql("""
                        select prefix, next_number, last_number, width from patron_barcode_range
                        where school_id = :id for update""")
                .param("id", schoolId)
                .query((row, n) -> new Range(row.getString("prefix"), row.getLong("next_number"),
                        row.getLong("last_number"), row.getInt("width")))
                .single();
        long number = range.next();
        while (number <= range.last() && taken.test(range.barcode(number))) {
            number++;
        }
        if (number > range.last()) {
            return Optional.empty();
        }
        jdbc.sql("update patron_barcode_range set next_number = :next where school_id = :id")
                .param("next", number + 1).param("id", schoolId).update();
        return Optional.of(range.barcode(number));
    }
}
