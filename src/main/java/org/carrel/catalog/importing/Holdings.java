package org.carrel.catalog.importing;

import java.util.List;

/** The items a record's holdings fields describe, and what could not be taken from them as it stood. */
public record Holdings(List<ItemDraft> items, List<String> warnings) {
    public Holdings {
        items = List.copyOf(items);
        warnings = List.copyOf(warnings);
    }
}
