package org.carrel.catalog.marc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;

/**
 * Decides a record's {@link Format}. The leader's type of record (06) and bibliographic level (07) come first,
 * because every MARC record has them; 008/23 (form of item), 007 and the RDA 336/337/338 codes refine a book into an
 * ebook or large print, and decide alone when the leader's type is missing or unknown.
 */
final class FormatRules {

    private FormatRules() {
    }

    static Format of(Record record, char type, char level, String fixed) {
        return switch (type) {
            case 'a', 't' -> text(record, level, fixed);
            case 'c', 'd' -> Format.SCORE;
            case 'e', 'f' -> Format.MAP;
            case 'g' -> Format.VIDEO;
            case 'i' -> Format.AUDIOBOOK;
            case 'j' -> Format.MUSIC;
            // Before RDA some ebooks were coded as computer files; their 336 still says the content is text.
            case 'm' -> codes(record, "336").contains("txt") ? Format.EBOOK : Format.COMPUTER_FILE;
            case 'o' -> Format.KIT;
            case 'r' -> Format.OBJECT;
            case 'k', 'p' -> Format.OTHER;
            default -> fromContentAndCarrier(record);
        };
    }

    /** Language material: a serial, else a book in one of its forms (008/23 for books). */
    private static Format text(Record record, char level, String fixed) {
        if (level == 's' || level == 'i') {
            return Format.SERIAL;
        }
        char form = Marc.position(fixed, 23);
        if (form == 'o' || form == 'q' || form == 's') {
            return Format.EBOOK;
        }
        if (form == 'd') {
            return Format.LARGE_PRINT;
        }
        return isOnline(record) ? Format.EBOOK : Format.BOOK;
    }

    /** RDA carrier "online resource" or media "computer", or a 007 for a remote electronic resource. */
    private static boolean isOnline(Record record) {
        if (codes(record, "338").contains("cr") || codes(record, "337").contains("c")) {
            return true;
        }
        String physical = Marc.control(record, "007");
        return physical != null && physical.startsWith("cr");
    }

    private static Format fromContentAndCarrier(Record record) {
        List<String> content = codes(record, "336");
        List<String> carrier = codes(record, "338");
        if (content.contains("spw")) {
            return Format.AUDIOBOOK;
        }
        if (content.contains("prm")) {
            return Format.MUSIC;
        }
        if (content.contains("tdi") || content.contains("tdm") || carrier.stream().anyMatch(c -> c.startsWith("v"))) {
            return Format.VIDEO;
        }
        if (content.contains("ntm")) {
            return Format.SCORE;
        }
        if (content.contains("cri") || content.contains("crm")) {
            return Format.MAP;
        }
        if (content.contains("txt")) {
            return isOnline(record) ? Format.EBOOK : Format.BOOK;
        }
        if (content.contains("cop")) {
            return Format.COMPUTER_FILE;
        }
        Format physical = fromPhysicalDescription(Marc.control(record, "007"));
        // Quick-added records often leave the leader blank; with an ISBN and nothing else to go on, it is a book.
        return physical == Format.OTHER && !Marc.fields(record, "020").isEmpty() ? Format.BOOK : physical;
    }

    /** 007/00, category of material, as the last resort. */
    private static Format fromPhysicalDescription(String physical) {
        return switch (Marc.position(physical, 0)) {
            case 'v', 'm' -> Format.VIDEO;
            case 's' -> Format.AUDIOBOOK;
            case 'c' -> Format.COMPUTER_FILE;
            case 'a', 'd' -> Format.MAP;
            case 'q' -> Format.SCORE;
            case 't' -> Format.BOOK;
            default -> Format.OTHER;
        };
    }

    /** The $b codes of every field with this tag, lower case as RDA writes them. */
    private static List<String> codes(Record record, String tag) {
        List<String> codes = new ArrayList<>(2);
        for (DataField field : Marc.fields(record, tag)) {
            for (Subfield subfield : field.getSubfields('b')) {
                if (subfield.getData() != null) {
                    codes.add(subfield.getData().strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return codes;
    }
}
