package org.carrel.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.carrel.catalog.importing.MarcFileReader;

/**
 * Reads a MARC file and prepares its records ({@link Incoming#of}) on a thread of its own, a chunk ahead of the import
 * that matches and stores them. Reading and describing MARC is about a third of an import's CPU; on two cores it
 * overlaps with the database work instead of waiting for it. At most two prepared chunks wait, so memory stays flat.
 */
final class PreparedChunks implements AutoCloseable {

    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(2);
    private final Thread reader;
    private volatile boolean closed;

    /** Opens the file (a file that cannot be opened fails here) and starts reading it. */
    PreparedChunks(Path file, String name, int size) throws IOException {
        MarcFileReader records = MarcFileReader.open(file);
        reader = new Thread(() -> read(records, name, size), "marc-import-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** The next chunk of records in file order (rejected ones carry their problem), or null after the last. */
    @SuppressWarnings("unchecked")
    List<Incoming> next() throws IOException {
        Object next;
        try {
            next = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("the import was interrupted", e);
        }
        if (next == END) {
            return null;
        }
        if (next instanceof UncheckedIOException e) {
            throw e.getCause();
        }
        if (next instanceof RuntimeException e) {
            throw e;
        }
        return (List<Incoming>) next;
    }

    @Override
    public void close() {
        closed = true;
        reader.interrupt();
        queue.clear();
    }

    private void read(MarcFileReader records, String name, int size) {
        try (records) {
            List<Incoming> chunk = new ArrayList<>(size);
            while (!closed && records.hasNext()) {
                MarcFileReader.Entry entry = records.next();
                chunk.add(entry instanceof MarcFileReader.Bad bad ? Incoming.rejected(name, bad)
                        : Incoming.of(name, (MarcFileReader.Read) entry));
                if (chunk.size() == size) {
                    put(chunk);
                    chunk = new ArrayList<>(size);
                }
            }
            put(chunk);
            put(END);
        } catch (IOException e) {
            put(new UncheckedIOException(e));
        } catch (RuntimeException e) {
            put(e);
        }
    }

    private void put(Object item) {
        try {
            if (!closed) {
                queue.put(item);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
