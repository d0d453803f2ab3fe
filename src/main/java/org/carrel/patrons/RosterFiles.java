package org.carrel.patrons;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The CSV files of a roster package, from a folder or a zip, by name without regard to case ({@code userProfiles.csv}
 * and {@code userprofiles.csv} are one file). A zip is read with limits, so a zip bomb is refused instead of
 * filling memory: at most {@link #MAX_FILES} files and {@link #MAX_BYTES} bytes once uncompressed.
 */
final class RosterFiles {

    static final int MAX_FILES = 200;
    static final long MAX_BYTES = 512L * 1024 * 1024;

    /** A package that cannot be read at all. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    private final Map<String, Named> files;

    private record Named(String name, byte[] bytes) {
    }

    private RosterFiles(Map<String, Named> files) {
        this.files = files;
    }

    static RosterFiles open(Path path) throws Unreadable {
        try {
            if (Files.isDirectory(path)) {
                return folder(path);
            }
            if (Files.isRegularFile(path)) {
                try (InputStream in = Files.newInputStream(path)) {
                    return zip(in);
                }
            }
        } catch (IOException e) {
            throw new Unreadable("cannot read " + path + ": " + e.getMessage());
        }
        throw new Unreadable("no folder or zip file at " + path);
    }

    static RosterFiles zip(InputStream in) throws Unreadable, IOException {
        Map<String, Named> files = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = Path.of(entry.getName()).getFileName().toString();
                if (entry.isDirectory() || !name.toLowerCase(Locale.ROOT).endsWith(".csv") || name.startsWith("._")) {
                    continue;
                }
                if (files.size() >= MAX_FILES) {
                    throw new Unreadable("the zip holds more than " + MAX_FILES + " CSV files");
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                byte[] buffer = new byte[64 * 1024];
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    total += n;
                    if (total > MAX_BYTES) {
                        throw new Unreadable("the zip unpacks to more than " + MAX_BYTES / (1024 * 1024) + " MB");
                    }
                    bytes.write(buffer, 0, n);
                }
                put(files, name, bytes.toByteArray());
            }
        } catch (java.util.zip.ZipException e) {
            throw new Unreadable("not a zip file: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new Unreadable("no CSV file in the zip (is it a OneRoster package?)");
        }
        return new RosterFiles(files);
    }

    private static RosterFiles folder(Path folder) throws IOException, Unreadable {
        Map<String, Named> files = new LinkedHashMap<>();
        try (Stream<Path> listing = Files.list(folder)) {
            for (Path file : listing.sorted().toList()) {
                String name = file.getFileName().toString();
                if (Files.isRegularFile(file) && name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                    if (Files.size(file) > MAX_BYTES) {
                        throw new Unreadable(name + " is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
                    }
                    put(files, name, Files.readAllBytes(file));
                }
            }
        }
        if (files.isEmpty()) {
            throw new Unreadable("no CSV file in " + folder + " (is it a OneRoster package?)");
        }
        return new RosterFiles(files);
    }

    private static void put(Map<String, Named> files, String name, byte[] bytes) throws Unreadable {
        if (files.putIfAbsent(name.toLowerCase(Locale.ROOT), new Named(name, bytes)) != null) {
            throw new Unreadable("two files named " + name + " (names are compared without case)");
        }
    }

    /** The file's name as found and its bytes, if the package has it. */
    Optional<Map.Entry<String, byte[]>> file(String name) {
        Named named = files.get(name.toLowerCase(Locale.ROOT));
        return named == null ? Optional.empty() : Optional.of(Map.entry(named.name(), named.bytes()));
    }
}
