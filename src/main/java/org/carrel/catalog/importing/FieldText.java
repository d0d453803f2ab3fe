package org.carrel.catalog.importing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import org.marc4j.converter.impl.AnselToUnicode;

/**
 * Turns the bytes of one field value into a Java string in Unicode NFC, from UTF-8 or from MARC-8.
 *
 * <p>MARC-8 goes through marc4j's {@link AnselToUnicode} with an error handler, so a broken escape sequence or an
 * unmapped byte is a warning (marc4j then skips the escape or writes {@code <U+00XX>} in the text) rather than a lost
 * record: the rest of the record is still worth having and a cataloguer can fix one character. Not thread-safe; one
 * per reader.
 */
final class FieldText {

    private final CharsetDecoder strictUtf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final List<String> marc8Problems = new ArrayList<>();
    private final AnselToUnicode marc8 = new AnselToUnicode((severity, message) -> marc8Problems.add(message));

    /** UTF-8 bytes to NFC; malformed UTF-8 is a bad record whose reason names the field. */
    String utf8(byte[] bytes, int from, int length, String tag) throws BadRecordException {
        if (isAscii(bytes, from, length)) {
            return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
        }
        String text = new String(bytes, from, length, StandardCharsets.UTF_8);
        // The lenient decoder writes U+FFFD for bad bytes; only then is the strict (slower) check worth running,
        // because a real U+FFFD in the data is legal.
        if (text.indexOf('\uFFFD') >= 0 && !validUtf8(bytes, from, length)) {
            throw new BadRecordException("field " + tag + " is not valid UTF-8");
        }
        return nfc(text);
    }

    /** MARC-8 bytes to NFC; problems the converter reports are added to {@code warnings}, naming the field. */
    String marc8(byte[] bytes, int from, int length, String tag, List<String> warnings) {
        if (isAscii(bytes, from, length)) {
            return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
        }
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) (bytes[from + i] & 0xFF);
        }
        marc8Problems.clear();
        String text;
        try {
            text = marc8.convert(chars);
        } catch (RuntimeException e) {
            // AnselToUnicode still throws on a few truncated multibyte sequences even with a handler.
            warnings.add("field " + tag + " has MARC-8 text that cannot be converted (" + e.getMessage()
                    + "); the bytes were kept as Latin-1");
            return nfc(new String(chars));
        }
        for (String problem : marc8Problems) {
            warnings.add("field " + tag + ": " + problem);
        }
        if (text.contains("<U+")) {
            warnings.add("field " + tag + " has MARC-8 characters with no Unicode equivalent, written as <U+....>");
        }
        return nfc(text);
    }

    boolean validUtf8(byte[] bytes, int from, int length) {
        try {
            strictUtf8.reset().decode(ByteBuffer.wrap(bytes, from, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    static boolean isAscii(byte[] bytes, int from, int length) {
        for (int i = from, end = from + length; i < end; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** Every character below U+0300 is already NFC and combines with nothing before it, so most text skips the work. */
    static String nfc(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            if (text.charAt(i) >= '\u0300') {
                return Normalizer.isNormalized(text, Normalizer.Form.NFC)
                        ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
            }
        }
        return text;
    }
}
