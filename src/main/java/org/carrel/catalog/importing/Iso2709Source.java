package org.carrel.catalog.importing;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import org.carrel.catalog.importing.MarcFileReader.Bad;
import org.carrel.catalog.importing.MarcFileReader.Entry;
import org.carrel.catalog.importing.MarcFileReader.Read;

/**
 * Splits an ISO 2709 stream on the record terminator (0x1D) itself, so every record's byte offset is exact and a
 * wrong length in one leader cannot swallow the records after it, then hands each record to the decoder.
 *
 * <p>Line breaks, spaces, NULs and a DOS end-of-file mark between records are skipped (some exports write one record
 * per line). A run of more than {@link #MAX_RECORD} bytes without a terminator is reported as one bad record and
 * skipped, which keeps memory flat on a file that is not MARC at all.
 */
final class Iso2709Source implements MarcFileReader.Source {

    /** ISO 2709 caps a record at 99,999 bytes; oversize records exist in the wild, garbage of 1 MB does not. */
    static final int MAX_RECORD = 1 << 20;
    private static final byte RECORD_TERMINATOR = 0x1D;

    private final InputStream in;
    private final Iso2709Decoder decoder = new Iso2709Decoder();
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private long bufferStart;
    private byte[] record = new byte[1 << 14];
    private int number;

    Iso2709Source(InputStream in, long startOffset) {
        this.in = in;
        this.bufferStart = startOffset;
    }

    @Override
    public Entry next() throws IOException {
        if (!skipSeparators()) {
            return null;
        }
        long offset = bufferStart + position;
        int length = 0;
        boolean terminated = false;
        boolean oversize = false;
        while (!terminated) {
            if (position == limit && !fill()) {
                break;
            }
            int stop = indexOfTerminator();
            int end = stop < 0 ? limit : stop + 1;
            int chunk = end - position;
            if (!oversize && length + chunk > MAX_RECORD) {
                oversize = true;
            }
            if (!oversize) {
                ensureCapacity(length + chunk);
                System.arraycopy(buffer, position, record, 0 + length, chunk);
            }
            length += chunk;
            position = end;
            terminated = stop >= 0;
        }
        number++;
        if (oversize) {
            return new Bad(number, offset, "no record terminator within the first " + MAX_RECORD
                    + " bytes; the data up to the next terminator was skipped");
        }
        try {
            Iso2709Decoder.Decoded decoded = decoder.decode(record, length, terminated);
            return new Read(number, offset, decoded.record(), decoded.warnings());
        } catch (BadRecordException e) {
            return new Bad(number, offset, e.getMessage());
        }
    }

    /** Skips bytes that cannot start a record; false at the end of the input. */
    private boolean skipSeparators() throws IOException {
        while (true) {
            if (position == limit && !fill()) {
                return false;
            }
            byte b = buffer[position];
            if (b != '\n' && b != '\r' && b != ' ' && b != '\t' && b != 0 && b != 0x1A) {
                return true;
            }
            position++;
        }
    }

    private int indexOfTerminator() {
        for (int i = position; i < limit; i++) {
            if (buffer[i] == RECORD_TERMINATOR) {
                return i;
            }
        }
        return -1;
    }

    private boolean fill() throws IOException {
        bufferStart += limit;
        position = 0;
        limit = 0;
        int read = in.readNBytes(buffer, 0, buffer.length);
        limit = Math.max(read, 0);
        return limit > 0;
    }

    private void ensureCapacity(int needed) {
        if (needed > record.length) {
            record = Arrays.copyOf(record, Math.max(needed, record.length * 2));
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
