package org.carrel.patrons;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A plain CSV roster read as the tables of a OneRoster package, so one planner checks and applies both: each line a
 * user (sourcedId {@code csv:} + the id column, which is also the student number), each school value an org (its id
 * the value itself, a school code or name), each
 * homeroom of a school a homeroom class with its enrollments. The made-up lines keep the file's name and the number
 * of the first line they come from, so a problem points at the file the admin has.
 */
final class CsvRoster {

    private CsvRoster() {
    }

    static Map<String, RosterCsv.Table> tables(RosterCsv.Table csv, CsvMapping mapping, List<RosterProblem> problems) {
        String file = csv.file();
        List<RosterCsv.Line> users = new ArrayList<>();
        Map<String, RosterCsv.Line> orgs = new LinkedHashMap<>();
        Map<String, RosterCsv.Line> classes = new LinkedHashMap<>();
        List<RosterCsv.Line> enrollments = new ArrayList<>();
        for (RosterCsv.Line line : csv.lines()) {
            String missing = missing(line, mapping);
            if (missing != null) {
                problems.add(line.problem("missing required field: " + missing));
                continue;
            }
            String id = "csv:" + value(line, mapping, CsvMapping.Field.ID);
            String school = value(line, mapping, CsvMapping.Field.SCHOOL);
            String org = school;
            String role = value(line, mapping, CsvMapping.Field.ROLE);
            Map<String, String> user = new HashMap<>();
            user.put("sourcedid", id);
            user.put("identifier", value(line, mapping, CsvMapping.Field.ID));
            user.put("givenname", value(line, mapping, CsvMapping.Field.GIVEN_NAME));
            user.put("familyname", value(line, mapping, CsvMapping.Field.FAMILY_NAME));
            user.put("preferredgivenname", value(line, mapping, CsvMapping.Field.PREFERRED_NAME));
            user.put("grades", value(line, mapping, CsvMapping.Field.GRADE));
            user.put("email", value(line, mapping, CsvMapping.Field.EMAIL));
            user.put("role", role.isEmpty() ? "student" : role);
            user.put("orgsourcedids", org);
            users.add(new RosterCsv.Line(file, line.number(), user));
            if (!org.isEmpty()) {
                orgs.computeIfAbsent(org, key -> new RosterCsv.Line(file, line.number(), Map.of("sourcedid", key,
                        "name", school, "identifier", school, "type", "school")));
            }
            String homeroom = value(line, mapping, CsvMapping.Field.HOMEROOM);
            if (!homeroom.isEmpty()) {
                String cls = "csv-homeroom:" + school.toLowerCase(Locale.ROOT) + ":"
                        + homeroom.toLowerCase(Locale.ROOT);
                classes.computeIfAbsent(cls, key -> new RosterCsv.Line(file, line.number(), Map.of("sourcedid", key,
                        "title", homeroom, "classtype", "homeroom", "schoolsourcedid", org)));
                enrollments.add(new RosterCsv.Line(file, line.number(), Map.of("classsourcedid", cls,
                        "usersourcedid", id, "role", role.equalsIgnoreCase("teacher") ? "teacher" : "student")));
            }
        }
        Map<String, RosterCsv.Table> tables = new HashMap<>();
        tables.put("orgs.csv", new RosterCsv.Table(file, new ArrayList<>(orgs.values()), null));
        tables.put("users.csv", new RosterCsv.Table(file, users, null));
        tables.put("classes.csv", new RosterCsv.Table(file, new ArrayList<>(classes.values()), null));
        tables.put("enrollments.csv", new RosterCsv.Table(file, enrollments, null));
        return tables;
    }

    /** The column of the first required value the line lacks, or null. */
    private static String missing(RosterCsv.Line line, CsvMapping mapping) {
        for (CsvMapping.Field field : CsvMapping.Field.values()) {
            if (field.required() && value(line, mapping, field).isEmpty()) {
                return mapping.column(field);
            }
        }
        return null;
    }

    private static String value(RosterCsv.Line line, CsvMapping mapping, CsvMapping.Field field) {
        String column = mapping.column(field);
        return column == null ? "" : line.get(column);
    }
}
