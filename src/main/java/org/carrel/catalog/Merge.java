package org.carrel.catalog;

import org.marc4j.marc.Record;
import org.marc4j.marc.VariableField;

/**
 * A merge on import: the incoming record replaces the stored one, except for the library's own local fields (59X
 * notes and 9XX local data), which the stored record keeps and the incoming record's versions of those tags lose.
 * This is the "protected local tags" rule school cataloguers know from their vendor record loads.
 */
final class Merge {

    private Merge() {
    }

    static boolean isLocal(String tag) {
        return tag.length() == 3 && (tag.charAt(0) == '9' || tag.startsWith("59"));
    }

    static Record keepLocalFields(Record incoming, Record stored) {
        for (VariableField field : incoming.getVariableFields().toArray(new VariableField[0])) {
            if (isLocal(field.getTag())) {
                incoming.removeVariableField(field);
            }
        }
        for (VariableField field : stored.getVariableFields()) {
            if (isLocal(field.getTag())) {
                incoming.addVariableField(field);
            }
        }
        return incoming;
    }
}
