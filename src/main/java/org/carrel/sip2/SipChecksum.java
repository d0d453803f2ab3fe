package org.carrel.sip2;

import java.nio.charset.StandardCharsets;

/**
 * The SIP2 checksum: the binary sum of the message's characters from the first up to and including the {@code AZ}
 * field id, as a 16-bit two's complement, written as four upper-case hexadecimal digits. Characters are counted as
 * their bytes in ISO-8859-1, the character set of the 2.00 specification.
 */
final class SipChecksum {

    private SipChecksum() {
    }

    /** The checksum of {@code upToAz}, which ends with {@code AZ}. */
    static String of(String upToAz) {
        int sum = 0;
        for (byte b : upToAz.getBytes(StandardCharsets.ISO_8859_1)) {
            sum += b & 0xff;
        }
        return String.format("%04X", -sum & 0xffff);
    }
}
