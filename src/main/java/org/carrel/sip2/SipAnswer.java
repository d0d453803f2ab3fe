package org.carrel.sip2;

/**
 * A SIP2 answer being written: the command, then fixed fields in the order the specification gives, then variable
 * fields ({@code XXvalue|}). {@link #toString(SipMessage)} adds the sequence number and checksum when the request
 * had them. Variable values lose any {@code |} and control characters (they would end or break the field) and are
 * cut to 255 characters, the specification's limit.
 */
final class SipAnswer {

    static final int MAX_FIELD = 255;

    private final StringBuilder text;

    SipAnswer(String command) {
        text = new StringBuilder(command);
    }

    /** A fixed field, written as given (the caller pads it to its length). */
    SipAnswer fixed(String value) {
        text.append(value);
        return this;
    }

    /** A one-character flag field: Y or N. */
    SipAnswer flag(boolean yes) {
        text.append(yes ? 'Y' : 'N');
        return this;
    }

    /** A number padded with zeros to {@code width} digits (the largest such number when it is larger). */
    SipAnswer count(long value, int width) {
        long most = (long) Math.pow(10, width) - 1;
        text.append(String.format("%0" + width + "d", Math.max(0, Math.min(value, most))));
        return this;
    }

    /** A variable field; nothing when the value is null. */
    SipAnswer field(String id, String value) {
        if (value != null) {
            text.append(id).append(clean(value)).append('|');
        }
        return this;
    }

    /** The answer to {@code request}, with {@code AY} and {@code AZ} when it had them (without the CR). */
    String toString(SipMessage request) {
        if (request == null || !request.checksummed()) {
            return text.toString();
        }
        StringBuilder out = new StringBuilder(text);
        if (request.sequence() != null) {
            out.append("AY").append(request.sequence());
        }
        out.append("AZ");
        return out.append(SipChecksum.of(out.toString())).toString();
    }

    @Override
    public String toString() {
        return text.toString();
    }

    static String clean(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c != '|' && c >= 0x20 && c != 0x7f) {
                out.append(c);
            }
            if (out.length() == MAX_FIELD) {
                break;
            }
        }
        return out.toString();
    }
}
