package org.carrel.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The columns of an {@code item} row as checked by {@link ItemRules}; {@code callNumber} may be null. */
record ItemValues(String barcode, long schoolId, Long locationId, String callNumber, ItemType itemType,
                  ItemStatus status, Integer copyNumber, BigDecimal price, BigDecimal replacementCost,
                  LocalDate acquiredOn, String fundingSource, String condition, String notes) {
}
