package org.carrel.sip2;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One SIP2 message as a client sent it (without its CR): the two-digit command, the fixed-length fields that follow it
 * (their lengths are the command's, {@link SipCommand}), the variable fields ({@code XXvalue|}, by their two-letter
 * id; a repeated id keeps every value in order) and the error detection trailer ({@code AYn} sequence number and
 * {@code AZxxxx} checksum) when the client uses it. Parsing never throws: a message it cannot read is a
 * {@link Malformed} with the reason, so the server can answer it instead of dropping the connection.
 */
record SipMessage(SipCommand command, String fixed, Map<String, List<String>> fields, Character sequence,
                  boolean checksummed) {

    /** What {@link #parse} answers for a message it cannot read. */
    record Malformed(String reason, boolean badChecksum) {
    }

    /** A message, or why it could not be read. */
    record Parsed(SipMessage message, Malformed malformed) {
    }

    /** The first value of a variable field. */
    Optional<String> field(String id) {
        List<String> values = fields.get(id);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The first value of a variable field, or "" when it is absent. */
    String text(String id) {
        return field(id).orElse("");
    }

    /** One fixed-length field: {@code length} characters from {@code offset} in the part after the command. */
    String fixed(int offset, int length) {
        return fixed.substring(offset, offset + length);
    }

    /**
     * Reads one message. The checksum, when there is one ({@code AZ} and four hex digits at the very end), must be
     * right; a sequence number ({@code AY} and one digit) stands just before it.
     */
    static Parsed parse(String line) {
        if (line.length() < 2) {
            return malformed("the message is shorter than its two-digit command", false);
        }
        String body = line;
        boolean checksummed = false;
        Character sequence = null;
        int az = line.length() - 6;
        if (az >= 2 && line.startsWith("AZ", az) && trailerAt(line, az)) {
            String given = line.substring(az + 2);
            if (!given.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return malformed("the checksum '" + given + "' is not four hexadecimal digits", true);
            }
            String expected = SipChecksum.of(line.substring(0, az + 2));
            if (!expected.equalsIgnoreCase(given)) {
                return malformed("the checksum " + given + " is wrong (" + expected + " expected)", true);
            }
            checksummed = true;
            body = line.substring(0, az);
            int ay = body.length() - 3;
            if (ay >= 2 && body.startsWith("AY", ay) && Character.isDigit(body.charAt(ay + 2))) {
                sequence = body.charAt(ay + 2);
                body = body.substring(0, ay);
            }
        }
        Optional<SipCommand> command = SipCommand.byCode(body.substring(0, 2));
        if (command.isEmpty()) {
            return malformed("unknown command '" + printable(body.substring(0, 2)) + "'", false);
        }
        int fixedLength = command.get().fixedLength();
        if (body.length() < 2 + fixedLength) {
            return malformed("a " + command.get().code() + " message has " + fixedLength
                    + " characters of fixed fields; this one has " + (body.length() - 2), false);
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        int at = 2 + fixedLength;
        while (at < body.length()) {
            if (body.length() - at < 2) {
                return malformed("a field at position " + at + " has no two-letter id", false);
            }
            int bar = body.indexOf('|', at);
            // The last field may lack its '|' (clients differ); every other one ends with it.
            int end = bar < 0 ? body.length() : bar;
            fields.computeIfAbsent(body.substring(at, at + 2), id -> new ArrayList<>())
                    .add(body.substring(at + 2, end));
            at = end + 1;
        }
        return new Parsed(new SipMessage(command.get(), body.substring(2, 2 + fixedLength), fields, sequence,
                checksummed), null);
    }

    /**
     * Whether {@code AZ} at {@code az} opens the checksum rather than ending a field's value: it follows a sequence
     * number, a field's {@code |} or the fixed fields of the message's command.
     */
    private static boolean trailerAt(String line, int az) {
        boolean afterSequence = az >= 5 && line.startsWith("AY", az - 3) && Character.isDigit(line.charAt(az - 1));
        boolean afterField = line.charAt(az - 1) == '|';
        boolean afterFixed = SipCommand.byCode(line.substring(0, 2)).map(c -> az == 2 + c.fixedLength()).orElse(false);
        return afterSequence || afterField || afterFixed;
    }

    private static Parsed malformed(String reason, boolean badChecksum) {
        return new Parsed(null, new Malformed(reason, badChecksum));
    }

    /** Control characters shown as {@code \xNN}, so a reason can be logged and shown as it came. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c < 0x20 || c == 0x7f ? String.format("\\x%02X", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
