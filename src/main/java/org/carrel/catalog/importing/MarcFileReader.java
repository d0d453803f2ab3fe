package org.carrel.catalog.importing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.marc4j.marc.Record;

/**
 * Reads a MARC file record by record, in constant memory, whatever its size: ISO 2709 (MARC 21 "binary", in MARC-8 or
 * UTF-8) or MARCXML, told apart by the first byte that is not white space or a UTF-8 byte-order mark ({@code <} means
 * XML).
 *
 * <p>Each record is its own unit. It comes out as {@link Read} (the record in UTF-8, NFC, leader/09 {@code a}, plus
 * warnings about what was repaired) or as {@link Bad} (why it cannot be read), numbered from 1 in file order, and
 * reading goes on with the next record. {@link Entry#offset()} is the byte offset of the record's first byte for ISO
 * 2709, and the character offset of the end of the record's start tag for MARCXML. A MARCXML file that stops being
 * well-formed yields one last {@link Bad} and ends, since no later record can be trusted.
 *
 * <p>Not thread-safe. {@link #hasNext()} and {@link #next()} throw {@link UncheckedIOException} when the file itself
 * cannot be read.
 */
public final class MarcFileReader implements AutoCloseable, Iterator<MarcFileReader.Entry> {

    /** The two layouts this reader understands. */
    public enum Format { ISO_2709, MARCXML }

    /** One record of the file, readable or not. */
    public sealed interface Entry permits Read, Bad {
        /** Position of the record in the file, from 1. */
        int number();

        /** Where the record starts: bytes for ISO 2709, characters for MARCXML. */
        long offset();
    }

    /** A record that was read; {@code warnings} say what was odd and how it was repaired. */
    public record Read(int number, long offset, Record record, List<String> warnings) implements Entry {
        public Read {
            warnings = List.copyOf(warnings);
        }
    }

    /** A record that cannot be read, with a reason a cataloguer can act on. */
    public record Bad(int number, long offset, String reason) implements Entry {
    }

    /** Produces entries until it returns null. */
    interface Source extends AutoCloseable {
        Entry next() throws IOException;

        @Override
        void close() throws IOException;
    }

    private static final int SNIFF = 4096;

    private final Format format;
    private final Source source;
    private Entry pending;
    private boolean ended;

    private MarcFileReader(Format format, Source source) {
        this.format = format;
        this.source = source;
    }

    public static MarcFileReader open(Path file) throws IOException {
        return read(Files.newInputStream(file));
    }

    /** Reads from a stream, which the reader closes. */
    public static MarcFileReader read(InputStream stream) throws IOException {
        BufferedInputStream in = new BufferedInputStream(stream, 1 << 16);
        try {
            in.mark(SNIFF);
            byte[] head = in.readNBytes(SNIFF);
            in.reset();
            int start = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
                    && (head[2] & 0xFF) == 0xBF ? 3 : 0;
            int first = start;
            while (first < head.length && Character.isWhitespace(head[first])) {
                first++;
            }
            in.skipNBytes(first);
            if (first < head.length && head[first] == '<') {
                byte[] rest = in.readNBytes(SNIFF);
                return new MarcFileReader(Format.MARCXML, new MarcXmlSource(in, first, rest, rest.length));
            }
            return new MarcFileReader(Format.ISO_2709, new Iso2709Source(in, first));
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    public Format format() {
        return format;
    }

    @Override
    public boolean hasNext() {
        if (pending == null && !ended) {
            try {
                pending = source.next();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ended = pending == null;
        }
        return pending != null;
    }

    @Override
    public Entry next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Entry entry = pending;
        pending = null;
        return entry;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
