package org.carrel.patrons;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which column of a plain CSV roster holds which patron value, for districts whose system exports no OneRoster:
 * saved once per district and used by every later import. A student id, given name and family name are required;
 * the school is required unless the import names one school for all.
 */
public record CsvMapping(Map<Field, String> columns) {

    /** The values a CSV roster can give; message key {@code patrons.csv.field.NAME}. */
    public enum Field {
        ID(true), GIVEN_NAME(true), FAMILY_NAME(true), PREFERRED_NAME(false), GRADE(false), SCHOOL(false),
        HOMEROOM(false), EMAIL(false), ROLE(false);

        private final boolean required;

        Field(boolean required) {
            this.required = required;
        }

        public boolean required() {
            return required;
        }

        public String messageKey() {
            return "patrons.csv.field." + name();
        }
    }

    public static final CsvMapping NONE = new CsvMapping(Map.of());

    public CsvMapping {
        Map<Field, String> kept = new EnumMap<>(Field.class);
        columns.forEach((field, column) -> {
            if (column != null && !column.isBlank()) {
                kept.put(field, column.strip());
            }
        });
        columns = java.util.Collections.unmodifiableMap(kept);
    }

    /** The column of a field, or null. */
    public String column(Field field) {
        return columns.get(field);
    }

    /** The required fields without a column. */
    public List<Field> missing() {
        return java.util.Arrays.stream(Field.values()).filter(f -> f.required() && !columns.containsKey(f)).toList();
    }

    /** A first guess from a file's headers: a column whose name reads like the field ("First Name", "grade_level"). */
    public static CsvMapping guess(List<String> headers) {
        Map<Field, List<String>> names = new LinkedHashMap<>();
        names.put(Field.ID, List.of("studentid", "studentnumber", "id", "sourcedid", "identifier", "localid"));
        names.put(Field.GIVEN_NAME, List.of("firstname", "givenname", "first", "given"));
        names.put(Field.FAMILY_NAME, List.of("lastname", "familyname", "surname", "last", "family"));
        names.put(Field.PREFERRED_NAME, List.of("preferredname", "nickname", "preferredfirstname"));
        names.put(Field.GRADE, List.of("grade", "gradelevel", "grades"));
        names.put(Field.SCHOOL, List.of("school", "schoolcode", "schoolid", "building"));
        names.put(Field.HOMEROOM, List.of("homeroom", "homeroomteacher", "room", "advisory"));
        names.put(Field.EMAIL, List.of("email", "emailaddress", "guardianemail", "parentemail"));
        names.put(Field.ROLE, List.of("role", "type", "usertype"));
        Map<Field, String> guessed = new EnumMap<>(Field.class);
        names.forEach((field, candidates) -> {
            for (String candidate : candidates) {
                for (String header : headers) {
                    if (squeeze(header).equals(candidate) && !guessed.containsValue(header)) {
                        guessed.putIfAbsent(field, header);
                    }
                }
            }
        });
        return new CsvMapping(guessed);
    }

    /** "field=column" lines, as stored. */
    String text() {
        StringBuilder text = new StringBuilder();
        columns.forEach((field, column) -> text.append(field.name()).append('=').append(column).append('\n'));
        return text.toString();
    }

    static CsvMapping parse(String text) {
        Map<Field, String> columns = new EnumMap<>(Field.class);
        for (String line : text.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                try {
                    columns.put(Field.valueOf(line.substring(0, equals)), line.substring(equals + 1));
                } catch (IllegalArgumentException ignored) {
                    // a field of an older version: dropped
                }
            }
        }
        return new CsvMapping(columns);
    }

    private static String squeeze(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
