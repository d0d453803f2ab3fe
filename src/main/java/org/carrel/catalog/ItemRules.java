package org.carrel.catalog;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.carrel.shared.Fields;
import org.carrel.shared.FormErrors;

/** The rules a copy must meet before it is saved; pure, so they are tested without a database. */
final class ItemRules {

    /**
     * Printable ASCII without spaces, 1 to 40 characters: what Code 39 and Code 128 scanners send. Stored as typed,
     * upper-cased, because Code 39 has no lower case and scanners disagree on case.
     */
    static final Pattern BARCODE = Pattern.compile("[\\x21-\\x7E]{1,40}");
    static final Set<String> CONDITIONS = Set.of("NEW", "GOOD", "FAIR", "POOR");

    /** A checked form: the values to store, or the field messages. */
    record Checked(ItemValues values, FormErrors errors) {
        boolean valid() {
            return !errors.any();
        }
    }

    private ItemRules() {
    }

    static String normaliseBarcode(String barcode) {
        return barcode == null ? "" : barcode.strip().toUpperCase(Locale.ROOT);
    }

    static Checked check(ItemForm form) {
        Fields fields = new Fields();
        String barcode = normaliseBarcode(form.barcode());
        if (barcode.isEmpty()) {
            fields.refuse("barcode", "form.required");
        } else if (!BARCODE.matcher(barcode).matches()) {
            fields.refuse("barcode", "catalog.item.barcode.invalid");
        }
        Long school = id(fields, "school", form.school(), true);
        Long location = id(fields, "location", form.location(), false);
        String callNumber = fields.optional("callNumber", form.callNumber(), 200);
        ItemType type = choice(fields, "itemType", form.itemType(), ItemType.class, ItemType.BOOK);
        ItemStatus status = choice(fields, "status", form.status(), ItemStatus.class, ItemStatus.AVAILABLE);
        Integer copy = fields.whole("copyNumber", form.copyNumber(), 1, 9999);
        var price = fields.money("price", form.price());
        var replacement = fields.money("replacementCost", form.replacementCost());
        var acquired = fields.optionalDate("acquiredOn", form.acquiredOn());
        String funding = fields.optional("fundingSource", form.fundingSource(), 200);
        String condition = fields.optional("condition", form.condition(), 20);
        if (condition != null) {
            condition = condition.toUpperCase(Locale.ROOT);
            if (!CONDITIONS.contains(condition)) {
                fields.refuse("condition", "catalog.item.condition.invalid");
            }
        }
        String notes = fields.optional("notes", form.notes(), 2000);
        if (fields.any()) {
            return new Checked(null, fields.errors());
        }
        return new Checked(new ItemValues(barcode, school, location, callNumber, type, status, copy, price,
                replacement, acquired, funding, condition, notes), FormErrors.NONE);
    }

    private static Long id(Fields fields, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                fields.refuse(field, "form.required");
            }
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            fields.refuse(field, "form.choice.invalid");
            return null;
        }
    }

    private static <E extends Enum<E>> E choice(Fields fields, String field, String value, Class<E> type, E blank) {
        if (value == null || value.isBlank()) {
            return blank;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            fields.refuse(field, "form.choice.invalid");
            return null;
        }
    }
}
