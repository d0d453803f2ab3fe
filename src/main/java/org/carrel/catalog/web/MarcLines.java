package org.carrel.catalog.web;

import java.util.ArrayList;
import java.util.List;

import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;
import org.marc4j.marc.VariableField;

/**
 * MARC as staff type it in the editor, the common "mnemonic / line" form, one field per line:
 *
 * <pre>
 * LDR 00000nam a2200000 i 4500
 * 001 ocm123
 * 245 10 $aCharlotte's web /$cby E.B. White.
 * </pre>
 *
 * A data field is its tag, a space, two indicators ({@code _}, {@code #} or a space for blank), a space, then its
 * subfields, each {@code $} and a one-character code followed by the data exactly as written up to the next
 * {@code $}. A dollar sign inside data is written {@code {dollar}}. Control fields (00X) are the tag, a space and the
 * data as is. Blank lines are ignored. Parsing never throws: it gives the record or every problem found, by line.
 */
public final class MarcLines {

    /** How a literal dollar sign is written inside subfield data, since {@code $} starts a subfield. */
    public static final String DOLLAR = "{dollar}";

    private static final MarcFactory FACTORY = MarcFactory.newInstance();

    /** A problem on a line (1-based; 0 for the text as a whole); {@code key} names a message taking the line first. */
    public record Problem(int line, String key, List<String> arguments) {

        /** The message arguments: the line number, then the problem's own. */
        public Object[] messageArguments() {
            List<Object> all = new ArrayList<>();
            all.add(line);
            all.addAll(arguments);
            return all.toArray();
        }
    }

    /** The parsed record, or null with the problems found. */
    public record Parsed(Record record, List<Problem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /** A field laid out for reading: tag, indicators and {@code $a data $c data}. */
    public record Line(String tag, String indicators, String data) {
    }

    private MarcLines() {
    }

    public static Parsed parse(String text) {
        List<Problem> problems = new ArrayList<>();
        Record record = FACTORY.newRecord();
        boolean leader = false;
        boolean title = false;
        boolean titleWritten = false;
        String[] lines = (text == null ? "" : text).split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            String tag = line.length() >= 3 ? line.substring(0, 3) : line.strip();
            if (tag.equals("LDR")) {
                leader |= readLeader(record, number, line, leader, problems);
            } else if (!tag.matches("[0-9A-Za-z]{3}") || (line.length() > 3 && line.charAt(3) != ' ')) {
                problems.add(new Problem(number, "catalog.marc.problem.tag", List.of(firstWord(line))));
            } else if (tag.startsWith("00")) {
                readControlField(record, number, tag, line.length() > 4 ? line.substring(4) : "", problems);
            } else {
                titleWritten |= tag.equals("245") && line.contains("$a");
                title |= readDataField(record, number, tag, line.stripTrailing(), problems);
            }
        }
        if (!leader) {
            problems.add(0, new Problem(0, "catalog.marc.problem.noLeader", List.of()));
        }
        // A 245 $a with a problem of its own is reported on its line, not again as a missing title.
        if (!title && !titleWritten) {
            problems.add(new Problem(0, "catalog.marc.problem.noTitle", List.of()));
        }
        return problems.isEmpty() ? new Parsed(record, List.of()) : new Parsed(null, List.copyOf(problems));
    }

    /** The record in the editor's form; {@link #parse} gives back the same fields. */
    public static String render(Record record) {
        StringBuilder text = new StringBuilder();
        text.append("LDR ").append(record.getLeader().marshal()).append('\n');
        for (VariableField field : record.getVariableFields()) {
            text.append(field.getTag()).append(' ');
            if (field instanceof ControlField control) {
                text.append(control.getData());
            } else {
                DataField data = (DataField) field;
                text.append(indicator(data.getIndicator1())).append(indicator(data.getIndicator2())).append(' ');
                for (Subfield subfield : data.getSubfields()) {
                    text.append('$').append(subfield.getCode()).append(subfield.getData().replace("$", DOLLAR));
                }
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** The record laid out for reading, the leader first, with a space around each subfield code. */
    public static List<Line> display(Record record) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("LDR", "", record.getLeader().marshal()));
        for (VariableField field : record.getVariableFields()) {
            if (field instanceof ControlField control) {
                lines.add(new Line(field.getTag(), "", control.getData()));
                continue;
            }
            DataField data = (DataField) field;
            StringBuilder text = new StringBuilder();
            for (Subfield subfield : data.getSubfields()) {
                text.append(text.length() == 0 ? "" : " ").append('$').append(subfield.getCode()).append(' ')
                        .append(subfield.getData());
            }
            lines.add(new Line(field.getTag(), "" + indicator(data.getIndicator1()) + indicator(data.getIndicator2()),
                    text.toString()));
        }
        return lines;
    }

    private static boolean readLeader(Record record, int number, String line, boolean seen, List<Problem> problems) {
        String value = line.length() > 4 ? line.substring(4) : "";
        if (seen) {
            problems.add(new Problem(number, "catalog.marc.problem.secondLeader", List.of()));
            return false;
        }
        if (line.length() < 4 || line.charAt(3) != ' ' || value.length() != 24) {
            problems.add(new Problem(number, "catalog.marc.problem.leaderLength",
                    List.of(String.valueOf(value.length()))));
            return false;
        }
        // Record length, indicator and subfield code counts and base address are numbers (the writer recomputes them).
        if (!(value.substring(0, 5) + value.substring(10, 17)).chars().allMatch(Character::isDigit)) {
            problems.add(new Problem(number, "catalog.marc.problem.leaderDigits", List.of()));
            return false;
        }
        record.setLeader(FACTORY.newLeader(value));
        return true;
    }

    private static void readControlField(Record record, int number, String tag, String data, List<Problem> problems) {
        if (data.indexOf('$') >= 0) {
            problems.add(new Problem(number, "catalog.marc.problem.controlSubfields", List.of(tag)));
        } else if (data.isBlank()) {
            problems.add(new Problem(number, "catalog.marc.problem.emptyControl", List.of(tag)));
        } else {
            record.addVariableField(FACTORY.newControlField(tag, data));
        }
    }

    /** Adds the field when it is well formed; true when it is a 245 with a non-empty $a. */
    private static boolean readDataField(Record record, int number, String tag, String line, List<Problem> problems) {
        if (line.length() < 7 || line.charAt(6) != ' ' || line.indexOf('$') < 0) {
            problems.add(new Problem(number, line.indexOf('$') < 0 ? "catalog.marc.problem.noSubfields"
                    : "catalog.marc.problem.layout", List.of(tag)));
            return false;
        }
        int before = problems.size();
        char ind1 = readIndicator(line.charAt(4), number, tag, problems);
        char ind2 = readIndicator(line.charAt(5), number, tag, problems);
        String rest = line.substring(7);
        if (!rest.startsWith("$")) {
            problems.add(new Problem(number, "catalog.marc.problem.layout", List.of(tag)));
            return false;
        }
        DataField field = FACTORY.newDataField(tag, ind1, ind2);
        boolean title = false;
        for (String part : rest.substring(1).split("\\$", -1)) {
            if (part.isEmpty() || part.substring(1).isBlank()) {
                problems.add(new Problem(number, "catalog.marc.problem.emptySubfield",
                        List.of(tag, part.isEmpty() ? "$" : "$" + part.charAt(0))));
                continue;
            }
            char code = part.charAt(0);
            if (!((code >= 'a' && code <= 'z') || (code >= '0' && code <= '9'))) {
                problems.add(new Problem(number, "catalog.marc.problem.subfieldCode", List.of(tag, String.valueOf(code))));
                continue;
            }
            String data = part.substring(1).replace(DOLLAR, "$");
            field.addSubfield(FACTORY.newSubfield(code, data));
            title |= tag.equals("245") && code == 'a';
        }
        if (problems.size() > before) {
            return false;
        }
        record.addVariableField(field);
        return title;
    }

    private static char readIndicator(char written, int number, String tag, List<Problem> problems) {
        if (written == '_' || written == '#' || written == ' ') {
            return ' ';
        }
        if ((written >= '0' && written <= '9') || (written >= 'a' && written <= 'z')) {
            return written;
        }
        problems.add(new Problem(number, "catalog.marc.problem.indicator", List.of(tag, String.valueOf(written))));
        return ' ';
    }

    private static char indicator(char value) {
        return value == ' ' ? '_' : value;
    }

    private static String firstWord(String line) {
        String stripped = line.strip();
        int space = stripped.indexOf(' ');
        return space < 0 ? stripped : stripped.substring(0, space);
    }
}
