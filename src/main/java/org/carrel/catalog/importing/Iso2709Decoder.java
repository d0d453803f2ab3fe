package org.carrel.catalog.importing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;

/**
 * Decodes the bytes of one ISO 2709 record (ANSI/NISO Z39.2): a 24-byte leader, a directory of 12-byte entries (3 tag,
 * 4 length, 5 start) ended by a field terminator, then the fields. Written by hand rather than through marc4j's
 * stream readers so each refusal has a precise reason and so a record costs one pass over its bytes.
 *
 * <p>The caller has already split the file on record terminators, so the real length is known: a leader whose length
 * disagrees gets a warning and the real bytes are used. A base address that disagrees with the end of the directory
 * is handled the same way. Anything the directory cannot describe (an entry that is not numeric, a field outside the
 * record, a field not ending with a terminator) makes the record bad.
 *
 * <p>Character set: leader/09 {@code a} is UTF-8. Blank is MARC-8, except that a record which is valid UTF-8, has
 * bytes above 0x7F and no MARC-8 escape is read as UTF-8 with a warning: real exports (Aleph, Voyager) label UTF-8 as
 * MARC-8, and MARC-8 diacritics (0xE0-0xFE before an ASCII letter) are never valid UTF-8.
 */
final class Iso2709Decoder {

    static final byte FIELD_TERMINATOR = 0x1E;
    static final byte SUBFIELD_DELIMITER = 0x1F;
    private static final int LEADER_LENGTH = 24;
    private static final int ENTRY_LENGTH = 12;

    private final MarcFactory factory = MarcFactory.newInstance();
    private final FieldText text = new FieldText();

    /** One decoded record and what was odd about it. */
    record Decoded(Record record, List<String> warnings) {
    }

    /** {@code bytes[0..length)} is one record including its record terminator, if it had one. */
    Decoded decode(byte[] bytes, int length, boolean terminated) throws BadRecordException {
        List<String> warnings = new ArrayList<>(0);
        int end = terminated ? length - 1 : length;
        if (!terminated) {
            warnings.add("the record has no record terminator at the end of the file");
        }
        if (end < LEADER_LENGTH + 1) {
            throw new BadRecordException("the record is only " + end + " bytes long, too short for a leader and a"
                    + " directory");
        }
        if (!FieldText.isAscii(bytes, 0, LEADER_LENGTH)) {
            throw new BadRecordException("the leader contains characters that are not ASCII");
        }
        char[] leader = new String(bytes, 0, LEADER_LENGTH, StandardCharsets.ISO_8859_1).toCharArray();
        int declaredLength = number(leader, 0, 5, "the leader's record length");
        if (declaredLength != length) {
            warnings.add("the leader's record length " + declaredLength + " differs from the real length " + length
                    + "; the real length was used");
        }
        int baseAddress = number(leader, 12, 5, "the leader's base address of data");
        int directoryEnd = indexOf(bytes, LEADER_LENGTH, end, FIELD_TERMINATOR);
        if (directoryEnd < 0) {
            throw new BadRecordException("the directory has no field terminator");
        }
        if ((directoryEnd - LEADER_LENGTH) % ENTRY_LENGTH != 0) {
            throw new BadRecordException("the directory is " + (directoryEnd - LEADER_LENGTH)
                    + " bytes long, not a multiple of 12");
        }
        if (baseAddress != directoryEnd + 1) {
            warnings.add("the leader's base address " + baseAddress + " differs from the end of the directory "
                    + (directoryEnd + 1) + "; the directory was trusted");
            baseAddress = directoryEnd + 1;
        }
        if (leader[9] != 'a' && leader[9] != ' ') {
            throw new BadRecordException("leader/09 (character coding) is \"" + printable(bytes, 9, 1)
                    + "\", neither blank (MARC-8) nor 'a' (UTF-8)");
        }
        boolean utf8 = leader[9] == 'a' || looksLikeUtf8(bytes, baseAddress, end, warnings);
        leader[9] = 'a';
        fixFixedPositions(leader, warnings);
        Record record = factory.newRecord(factory.newLeader(new String(leader)));
        for (int entry = LEADER_LENGTH; entry < directoryEnd; entry += ENTRY_LENGTH) {
            readField(bytes, entry, baseAddress, end, utf8, record, warnings);
        }
        return new Decoded(record, warnings);
    }

    private void readField(byte[] bytes, int entry, int base, int end, boolean utf8, Record record,
            List<String> warnings) throws BadRecordException {
        String tag = tag(bytes, entry);
        int fieldLength = entryNumber(bytes, entry + 3, 4, tag, "length");
        int start = entryNumber(bytes, entry + 7, 5, tag, "starting position");
        int from = base + start;
        int to = from + fieldLength;
        if (fieldLength == 0 || to > end) {
            throw new BadRecordException("the directory entry for field " + tag + " points past the end of the"
                    + " record");
        }
        if (bytes[to - 1] != FIELD_TERMINATOR) {
            throw new BadRecordException("field " + tag + " does not end with a field terminator where the directory"
                    + " says it does");
        }
        to--;
        if (isControlTag(tag)) {
            record.addVariableField(factory.newControlField(tag, value(bytes, from, to - from, tag, utf8, warnings)));
            return;
        }
        if (to - from < 2) {
            throw new BadRecordException("field " + tag + " is too short to hold its two indicators");
        }
        char ind1 = Indicators.check((char) (bytes[from] & 0xFF), tag, 1, warnings);
        char ind2 = Indicators.check((char) (bytes[from + 1] & 0xFF), tag, 2, warnings);
        DataField field = factory.newDataField(tag, ind1, ind2);
        int at = from + 2;
        if (at < to && bytes[at] != SUBFIELD_DELIMITER) {
            // Seen in real exports as a third indicator or stray spaces ("  \\$p5.99"): not data anyone can use.
            int first = indexOf(bytes, at, to, SUBFIELD_DELIMITER);
            int stray = (first < 0 ? to : first) - at;
            warnings.add("field " + tag + " has " + stray + " stray bytes (\"" + printable(bytes, at, stray)
                    + "\") before its first subfield; they were dropped");
            at = first < 0 ? to : first;
        }
        while (at < to) {
            int next = indexOf(bytes, at + 1, to, SUBFIELD_DELIMITER);
            int stop = next < 0 ? to : next;
            if (stop == at + 1) {
                warnings.add("field " + tag + " has an empty subfield without a code; it was dropped");
            } else {
                char code = (char) (bytes[at + 1] & 0xFF);
                if (code <= 0x20 || code >= 0x7F) {
                    throw new BadRecordException(String.format("field %s has a subfield code that is not a printable"
                            + " ASCII character (0x%02X)", tag, (int) code));
                }
                field.addSubfield(factory.newSubfield(code,
                        value(bytes, at + 2, stop - at - 2, tag, utf8, warnings)));
            }
            at = stop;
        }
        record.addVariableField(field);
    }

    private String value(byte[] bytes, int from, int length, String tag, boolean utf8, List<String> warnings)
            throws BadRecordException {
        return utf8 ? text.utf8(bytes, from, length, tag) : text.marc8(bytes, from, length, tag, warnings);
    }

    private boolean looksLikeUtf8(byte[] bytes, int from, int to, List<String> warnings) {
        if (FieldText.isAscii(bytes, from, to - from) || indexOf(bytes, from, to, (byte) 0x1B) >= 0
                || !text.validUtf8(bytes, from, to - from)) {
            return false;
        }
        warnings.add("leader/09 says MARC-8 but the record is valid UTF-8; it was read as UTF-8");
        return true;
    }

    /**
     * Leader/10-11 and /20-23 are constants in MARC 21 ("22", "4500"); exports that blank or drop them (Aleph's
     * "45 0") lose nothing, since the directory layout they describe is fixed, so they are set back with a warning.
     */
    private static void fixFixedPositions(char[] leader, List<String> warnings) {
        String found = new String(leader, 10, 2) + "/" + new String(leader, 20, 4);
        if (!found.equals("22/4500")) {
            "22".getChars(0, 2, leader, 10);
            "4500".getChars(0, 4, leader, 20);
            warnings.add("leader/10-11 and /20-23 were \"" + found + "\" and were set to the MARC 21 values"
                    + " \"22/4500\"");
        }
    }

    /** MARC 21 control fields are 001-009; 00A-00Z do not occur in bibliographic data. */
    private static boolean isControlTag(String tag) {
        return tag.charAt(0) == '0' && tag.charAt(1) == '0';
    }

    private static String tag(byte[] bytes, int entry) throws BadRecordException {
        for (int i = entry; i < entry + 3; i++) {
            int b = bytes[i] & 0xFF;
            if (!(b >= '0' && b <= '9' || b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z')) {
                throw new BadRecordException("the directory entry at byte " + entry + " has a tag \""
                        + printable(bytes, entry, 3) + "\" that is not letters or digits");
            }
        }
        return new String(bytes, entry, 3, StandardCharsets.ISO_8859_1);
    }

    private static int entryNumber(byte[] bytes, int from, int digits, String tag, String what)
            throws BadRecordException {
        int value = 0;
        for (int i = from; i < from + digits; i++) {
            int b = bytes[i];
            if (b < '0' || b > '9') {
                throw new BadRecordException("the directory entry for field " + tag + " has a " + what + " \""
                        + printable(bytes, from, digits) + "\" that is not a number");
            }
            value = value * 10 + (b - '0');
        }
        return value;
    }

    private static int number(char[] leader, int from, int digits, String what) throws BadRecordException {
        int value = 0;
        for (int i = from; i < from + digits; i++) {
            if (leader[i] < '0' || leader[i] > '9') {
                throw new BadRecordException(what + " \"" + new String(leader, from, digits) + "\" is not a number");
            }
            value = value * 10 + (leader[i] - '0');
        }
        return value;
    }

    private static int indexOf(byte[] bytes, int from, int to, byte wanted) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static String printable(byte[] bytes, int from, int length) {
        StringBuilder shown = new StringBuilder(length);
        for (int i = from; i < from + length; i++) {
            int b = bytes[i] & 0xFF;
            if (b >= 0x20 && b < 0x7F) {
                shown.append((char) b);
            } else {
                shown.append(String.format("<%02X>", b));
            }
        }
        return shown.toString();
    }
}
