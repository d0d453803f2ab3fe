package org.carrel.catalog.marc;

import java.util.ArrayList;
import java.util.List;

import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;

/** Null-safe reading of marc4j records and the ISBD punctuation catalogers leave at the end of subfields. */
final class Marc {

    private Marc() {
    }

    /** The data fields with one of these tags, in record order. */
    static List<DataField> fields(Record record, String... tags) {
        List<DataField> found = new ArrayList<>(2);
        for (DataField field : record.getDataFields()) {
            for (String tag : tags) {
                if (tag.equals(field.getTag())) {
                    found.add(field);
                    break;
                }
            }
        }
        return found;
    }

    static DataField field(Record record, String tag) {
        for (DataField field : record.getDataFields()) {
            if (tag.equals(field.getTag())) {
                return field;
            }
        }
        return null;
    }

    /** A control field's data, or null. */
    static String control(Record record, String tag) {
        for (ControlField field : record.getControlFields()) {
            if (tag.equals(field.getTag())) {
                return field.getData();
            }
        }
        return null;
    }

    /** The first subfield with this code, or null. */
    static String subfield(DataField field, char code) {
        if (field == null) {
            return null;
        }
        Subfield subfield = field.getSubfield(code);
        return subfield == null ? null : subfield.getData();
    }

    /** The subfields with these codes in field order, joined by one space; null when there are none. */
    static String joined(DataField field, String codes) {
        StringBuilder text = new StringBuilder();
        for (Subfield subfield : field.getSubfields()) {
            if (codes.indexOf(subfield.getCode()) >= 0 && subfield.getData() != null) {
                String data = subfield.getData().strip();
                if (!data.isEmpty()) {
                    text.append(text.length() == 0 ? "" : " ").append(data);
                }
            }
        }
        return text.length() == 0 ? null : text.toString();
    }

    /** A character of a fixed field, or a space when the field is missing or too short. */
    static char position(String fixed, int at) {
        return fixed != null && fixed.length() > at ? fixed.charAt(at) : ' ';
    }

    /**
     * Text without the ISBD punctuation that ends a MARC subfield ({@code " /"}, {@code " :"}, {@code " ;"},
     * {@code " ="}, a comma, a full stop); a full stop stays after an initial ({@code Rowling, J. K.}) and in an
     * ellipsis. Null for null or blank text.
     */
    static String trimmed(String text) {
        if (text == null) {
            return null;
        }
        int end = text.length();
        while (true) {
            while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            if (end == 0) {
                return null;
            }
            char last = text.charAt(end - 1);
            if (last == '/' || last == ':' || last == ';' || last == '=' || last == ',' || (last == '.'
                    && !isInitialOrEllipsis(text, end - 1))) {
                end--;
            } else {
                break;
            }
        }
        int start = 0;
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        return text.substring(start, end);
    }

    /** Text stripped of whitespace and of the listed characters at its end; null when nothing is left. */
    static String trimmed(String text, String endings) {
        if (text == null) {
            return null;
        }
        int end = text.length();
        while (end > 0 && (Character.isWhitespace(text.charAt(end - 1)) || endings.indexOf(text.charAt(end - 1)) >= 0)) {
            end--;
        }
        String result = text.substring(0, end).strip();
        return result.isEmpty() ? null : result;
    }

    private static boolean isInitialOrEllipsis(String text, int stop) {
        if (stop >= 1 && text.charAt(stop - 1) == '.') {
            return true;
        }
        return stop >= 1 && Character.isUpperCase(text.charAt(stop - 1))
                && (stop == 1 || text.charAt(stop - 2) == ' ' || text.charAt(stop - 2) == '.');
    }
}
