package org.carrel.catalog.marc;

import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;

/** Where a school's call number is written in a bibliographic record, most local first. */
final class CallNumberFields {

    private CallNumberFields() {
    }

    /** 092 $a $b (local Dewey), else 082 $a with the 092 $b cutter, else 852 $k $h $i $m; null when none. */
    static String of(Record record) {
        DataField local = Marc.field(record, "092");
        String cutter = Marc.trimmed(Marc.subfield(local, 'b'), "");
        if (local != null && Marc.subfield(local, 'a') != null && !Marc.subfield(local, 'a').isBlank()) {
            return Marc.joined(local, "ab");
        }
        String dewey = Marc.subfield(Marc.field(record, "082"), 'a');
        if (dewey != null && !dewey.isBlank()) {
            // Segmentation marks (/ and ') show where a number may be cut, and LC brackets [Fic] for juvenile
            // fiction; neither is shelved.
            String number = dewey.replace("/", "").replace("'", "").replace("[", "").replace("]", "").strip();
            return cutter == null ? number : number + " " + cutter;
        }
        for (DataField holding : Marc.fields(record, "852")) {
            String shelved = Marc.joined(holding, "khim");
            if (shelved != null) {
                return shelved;
            }
        }
        return null;
    }
}
