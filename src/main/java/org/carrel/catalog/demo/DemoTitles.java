package org.carrel.catalog.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.carrel.catalog.marc.BasicDescription;

/**
 * The titles of the demo catalogue, read from {@code demo/catalog.tsv}: tab-separated, a header line first,
 * {@code #} lines are comments, subjects separated by {@code ;}.
 */
public final class DemoTitles {

    static final String RESOURCE = "/demo/catalog.tsv";

    static final List<String> COLUMNS = List.of("title", "subtitle", "author", "isbn", "year", "publisher",
            "subjects", "audience", "reading_level", "call_number", "format", "copies", "summary", "language");

    /** The circulation item type for each cataloguing format the demo uses. */
    private static final Map<String, String> ITEM_TYPES = Map.of("VIDEO", "DVD", "OBJECT", "EQUIPMENT", "KIT", "KIT",
            "EBOOK", "EBOOK", "AUDIOBOOK", "AUDIOBOOK", "BOOK", "BOOK");

    /**
     * One demo title and how many copies the seeder should shelve.
     *
     * @param itemType one of BOOK, EBOOK, AUDIOBOOK, DVD, KIT, EQUIPMENT
     */
    public record DemoTitle(BasicDescription description, String itemType, int copies) {
    }

    private DemoTitles() {
    }

    /** Every title in the file, in file order. */
    public static List<DemoTitle> load() {
        try (InputStream in = DemoTitles.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The demo catalogue " + RESOURCE + " is not on the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return parse(reader.lines().collect(Collectors.toList()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<DemoTitle> parse(List<String> lines) {
        List<DemoTitle> titles = new ArrayList<>();
        boolean header = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                if (!Arrays.asList(line.split("\t")).equals(COLUMNS)) {
                    throw new IllegalStateException("Unexpected header in " + RESOURCE + ": " + line);
                }
                header = false;
                continue;
            }
            titles.add(row(line.split("\t", -1), i + 1));
        }
        return titles;
    }

    private static DemoTitle row(String[] cells, int lineNumber) {
        if (cells.length != COLUMNS.size()) {
            throw new IllegalStateException(RESOURCE + " line " + lineNumber + " has " + cells.length + " columns, not "
                    + COLUMNS.size());
        }
        String format = cells[10].strip();
        String itemType = ITEM_TYPES.get(format);
        if (itemType == null) {
            throw new IllegalStateException(RESOURCE + " line " + lineNumber + ": unknown format " + format);
        }
        BasicDescription description = new BasicDescription(cells[0].strip(), orNull(cells[1]), orNull(cells[2]),
                list(cells[3]), orNull(cells[5]), cells[4].isBlank() ? null : Integer.valueOf(cells[4].strip()),
                list(cells[6]), orNull(cells[12]), orNull(cells[7]), orNull(cells[8]), orNull(cells[9]), format,
                orNull(cells[13]));
        return new DemoTitle(description, itemType, Integer.parseInt(cells[11].strip()));
    }

    private static List<String> list(String cell) {
        return Arrays.stream(cell.split(";")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toList());
    }

    private static String orNull(String cell) {
        return cell.isBlank() ? null : cell.strip();
    }
}
