package org.carrel.catalog.importing;

import java.util.List;

/**
 * What an indicator may hold. MARC 21 allows a blank, a digit or a lower-case letter, and {@code |} (fill character)
 * is legal too. Exports often write {@code #} for blank, copying the MARC documentation's convention: it becomes a
 * blank with a warning. Other printable characters are kept with a warning (they lose nothing); only a control
 * character, which means the field's layout is broken, makes the record bad.
 */
final class Indicators {

    private Indicators() {
    }

    static char check(char indicator, String tag, int which, List<String> warnings) throws BadRecordException {
        if (indicator == ' ' || indicator == '|' || indicator >= '0' && indicator <= '9'
                || indicator >= 'a' && indicator <= 'z') {
            return indicator;
        }
        if (indicator == '#') {
            warnings.add("field " + tag + ": indicator " + which + " '#' was read as a blank");
            return ' ';
        }
        if (indicator < 0x20 || indicator == 0x7F || indicator >= 0x80 && indicator < 0xA0) {
            throw new BadRecordException(String.format(
                    "field %s: indicator %d is a control character (0x%02X), so the field is broken",
                    tag, which, (int) indicator));
        }
        warnings.add("field " + tag + ": indicator " + which + " '" + indicator + "' is not a MARC 21 value");
        return indicator;
    }
}
