package org.carrel.patrons;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One CSV file of a roster: UTF-8 with or without a byte-order mark, quoted fields holding commas and line breaks,
 * columns found by name in any order and any case, columns it does not know ignored (extensions such as
 * {@code metadata.*}). A file that is not UTF-8 or not CSV, or whose header lacks a required column, is one
 * problem on line 1.
 */
final class RosterCsv {

    /** A data line: its number in the file (the header is line 1) and its values by lower-case column name. */
    record Line(String file, long number, Map<String, String> values) {

        /** The stripped value, or "" when the column is missing or empty. */
        String get(String column) {
            String value = values.get(column.toLowerCase(Locale.ROOT));
            return value == null ? "" : value.strip();
        }

        /** The first column of these names that has a value (a column spelt two ways in real packages). */
        String first(String... columns) {
            for (String column : columns) {
                if (!get(column).isEmpty()) {
                    return get(column);
                }
            }
            return "";
        }

        RosterProblem problem(String reason) {
            return new RosterProblem(file, number, reason);
        }
    }

    /** The lines of a file and its header (column names as written), or the problem that kept it from being read. */
    record Table(String file, List<Line> lines, RosterProblem problem, List<String> headers) {
        Table(String file, List<Line> lines, RosterProblem problem) {
            this(file, lines, problem, List.of());
        }
    }

    private RosterCsv() {
    }

    static Table read(String file, byte[] bytes, Set<String> required) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new Table(file, List.of(), new RosterProblem(file, 1, "bad encoding: the file is not UTF-8 text"));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Line> lines = new ArrayList<>();
        List<String> written = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true)
                .get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> header = null;
            long end = 0;
            for (CSVRecord record : parser) {
                long start = end + 1;
                end = parser.getCurrentLineNumber();
                if (header == null) {
                    List<String> names = new ArrayList<>();
                    for (String name : record) {
                        names.add(name.strip().toLowerCase(Locale.ROOT));
                        written.add(name.strip());
                    }
                    header = names;
                    List<String> missing = required.stream()
                            .filter(column -> !names.contains(column.toLowerCase(Locale.ROOT))).sorted().toList();
                    if (!missing.isEmpty()) {
                        return new Table(file, List.of(), new RosterProblem(file, 1, "bad header: no column "
                                + String.join(", ", missing)));
                    }
                    continue;
                }
                Map<String, String> values = new java.util.HashMap<>();
                for (int i = 0; i < header.size() && i < record.size(); i++) {
                    if (!header.get(i).isEmpty()) {
                        values.putIfAbsent(header.get(i), record.get(i));
                    }
                }
                lines.add(new Line(file, start, values));
            }
            if (header == null) {
                return new Table(file, List.of(), new RosterProblem(file, 1, "bad header: the file is empty"));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            long at = lines.isEmpty() ? 2 : lines.get(lines.size() - 1).number() + 1;
            return new Table(file, lines, new RosterProblem(file, at,
                    "not valid CSV from here on (an unclosed quote?)"));
        }
        return new Table(file, lines, null, List.copyOf(written));
    }

}
