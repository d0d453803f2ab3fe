package org.carrel.catalog.importing;

import java.util.List;

import org.marc4j.marc.DataField;

/**
 * The items a record's holdings fields describe, what could not be taken from them as it stood, and the fields that
 * became items (852, 949, 952 with a barcode and the 876 that describe them): the catalogue keeps copies as item
 * rows and writes these fields back from them on export, so it drops them from the stored record.
 */
public record Holdings(List<ItemDraft> items, List<String> warnings, List<DataField> itemFields) {
    public Holdings {
        items = List.copyOf(items);
        warnings = List.copyOf(warnings);
        itemFields = List.copyOf(itemFields);
    }
}
