package org.carrel.search;

import java.util.List;

/**
 * One record found, as the index holds it (at most a second behind the catalogue).
 *
 * @param format       a {@code Format} name
 * @param availability per school holding copies in the collection, in school id order
 * @param items        for staff searches every copy; empty for public ones
 */
public record SearchHit(long id, String title, String subtitle, List<String> authors, List<String> isbns,
                        Integer year, String callNumber, String format, List<Availability> availability,
                        List<ItemHit> items) {

    /** How many copies a school has and how many are on its shelf now. */
    public record Availability(long schoolId, int copies, int available) {
    }

    /** A copy as staff search lists it; {@code status} is an {@code ItemStatus} name. */
    public record ItemHit(long itemId, String barcode, long schoolId, String status, String callNumber) {
    }
}
