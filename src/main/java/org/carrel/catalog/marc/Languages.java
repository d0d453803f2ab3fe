package org.carrel.catalog.marc;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;

/** The MARC language codes of a record: 008/35-37 and 041 $a, where one subfield may hold several codes run together. */
final class Languages {

    private Languages() {
    }

    /** 008/35-37, else the first code in 041 $a; null when neither holds a three-letter code. */
    static String primary(Record record, String fixed) {
        String coded = fixed != null && fixed.length() >= 38 ? code(fixed, 35) : null;
        if (coded != null) {
            return coded;
        }
        for (String code : codes(record)) {
            return code;
        }
        return null;
    }

    /** The primary language, then every 041 $a code, each once. */
    static List<String> all(Record record, String primary) {
        Set<String> languages = new LinkedHashSet<>();
        if (primary != null) {
            languages.add(primary);
        }
        languages.addAll(codes(record));
        return List.copyOf(languages);
    }

    private static Set<String> codes(Record record) {
        Set<String> codes = new LinkedHashSet<>();
        for (DataField field : Marc.fields(record, "041")) {
            for (Subfield subfield : field.getSubfields('a')) {
                String data = subfield.getData() == null ? "" : subfield.getData().strip();
                // Before 2001, 041 $a ran the codes together ("engspa"); each is three letters.
                for (int at = 0; at + 3 <= data.length(); at += 3) {
                    String code = code(data, at);
                    if (code != null) {
                        codes.add(code);
                    }
                }
            }
        }
        return codes;
    }

    /** Three letters from {@code at}, lower case; null for blanks, fill characters or anything else. */
    private static String code(String text, int at) {
        for (int i = at; i < at + 3; i++) {
            char c = text.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                return null;
            }
        }
        return text.substring(at, at + 3).toLowerCase(Locale.ROOT);
    }
}
