package org.carrel.catalog;

/**
 * A new or edited copy as typed on the item page. Fields are text, checked by {@link ItemRules}; {@code status} is
 * read only for a new copy (later changes go through {@link Catalog#changeStatus}), {@code version} only for an edit.
 */
public record ItemForm(String barcode, String school, String location, String callNumber, String itemType,
                       String status, String copyNumber, String price, String replacementCost, String acquiredOn,
                       String fundingSource, String condition, String notes, String version) {

    /** An empty form for a new copy at a school, with the usual defaults. */
    public static ItemForm blank(long schoolId) {
        return new ItemForm("", String.valueOf(schoolId), "", "", ItemType.BOOK.name(), ItemStatus.AVAILABLE.name(),
                "", "", "", "", "", "", "", "");
    }

    /** The form showing an existing copy. */
    public static ItemForm of(ItemView item) {
        return new ItemForm(item.barcode(), String.valueOf(item.schoolId()),
                item.locationId() == null ? "" : String.valueOf(item.locationId()),
                item.ownCallNumber() == null ? "" : item.ownCallNumber(), item.itemType().name(), item.status().name(),
                text(item.copyNumber()), text(item.price()), text(item.replacementCost()), text(item.acquiredOn()),
                text(item.fundingSource()), text(item.condition()), text(item.notes()), String.valueOf(item.version()));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
