package org.carrel.catalog.importing;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.carrel.catalog.ItemStatus;
import org.carrel.catalog.ItemType;

/**
 * One copy as a holdings field describes it, before it is matched to schools and locations and saved. Every value but
 * {@code barcode}, {@code itemType}, {@code status} and {@code sourceTag} may be null when the field does not say.
 * {@code sourceTag} is the MARC tag it came from (852, 949 or 952); {@code condition} (NEW, GOOD, FAIR, POOR) comes
 * only from an 876 $h.
 */
public record ItemDraft(String barcode, String schoolCode, String locationCode, String callNumber, ItemType itemType,
        ItemStatus status, BigDecimal price, BigDecimal replacementCost, LocalDate acquiredOn, String fundingSource,
        String notes, Integer copyNumber, String sourceTag, String condition) {

    /** The same copy with the status and condition an 876 Item Information field gives it. */
    ItemDraft with(ItemStatus newStatus, String newCondition) {
        return new ItemDraft(barcode, schoolCode, locationCode, callNumber, itemType, newStatus, price,
                replacementCost, acquiredOn, fundingSource, notes, copyNumber, sourceTag, newCondition);
    }
}
