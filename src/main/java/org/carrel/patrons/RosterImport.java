package org.carrel.patrons;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.carrel.accounts.AuditLog;
import org.carrel.district.District;
import org.carrel.district.Grade;
import org.carrel.district.SchoolView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a OneRoster 1.1 or 1.2 CSV package (a zip or a folder) into patrons, first as a preview of what it would
 * add, update and deactivate and of every line it rejects (file, line, reason), then, unless it is a dry run, in one
 * transaction. Running the same package again changes nothing.
 *
 * <ul>
 * <li>Orgs of type school are the district's schools, matched by an earlier import's sourcedId, by identifier
 * (the school code) or by name; unmatched ones are created only with {@link Options#createSchools()}. Other org types
 * belong to their parent's school. Users whose org resolves to no school go to {@link Options#fallbackSchool()}
 * when given, else are rejected.</li>
 * <li>Users become patrons by role: student, teacher, staff (administrators, aides, proctors), guardian (guardian,
 * parent, relative); 1.2 packages give roles in {@code roles.csv}. The {@code identifier} of a student is the student
 * number. A student's first grade in {@code grades} (CEDS codes: PK, KG, 01 to 12) is the grade; a student without
 * one is imported without a grade. {@code agentSourcedIds} link guardians and students. Preferred names of 1.2 (also
 * spelt {@code preffered...}, as real packages do) are kept.</li>
 * <li>Classes of type homeroom become homerooms, other classes teachers' classes; enrollments place students in
 * them (a student has one homeroom and any number of classes) and name their teacher.</li>
 * <li>In a bulk file (the default), a patron from an earlier import who is missing now, at a school the package
 * covers, is deactivated, never deleted; {@code status=tobedeleted} deactivates too. Deactivating more than
 * {@link #HOLD_SHARE} of the active patrons waits for {@link Options#confirmDeactivations()}.</li>
 * </ul>
 *
 * Academic sessions of type schoolYear become each covered school's school year (labelled by their years,
 * {@code 2026-2027}), terms and semesters its terms; a session whose dates cannot be read, end before they start,
 * overlap another school year or lie in no school year is rejected.
 *
 * <p>Not imported, and said so in the report's notes: grading periods.
 */
@Service
public class RosterImport {

    /** Deactivating more than this share of the active patrons needs an admin's confirmation. */
    public static final double HOLD_SHARE = 0.05;

    /** How an import runs. */
    public record Options(String fallbackSchool, boolean createSchools, boolean confirmDeactivations,
                          boolean dryRun) {
    }

    private static final Set<String> STUDENT = Set.of("student");
    private static final Set<String> TEACHER = Set.of("teacher");
    private static final Set<String> STAFF = Set.of("administrator", "aide", "proctor", "districtadministrator",
            "siteadministrator", "systemadministrator", "principal", "staff");
    private static final Set<String> GUARDIAN = Set.of("guardian", "parent", "relative");
    private static final Set<String> NOT_SCHOOLS = Set.of("district", "state", "national");

    private final PatronStore store;
    private final BarcodeRanges ranges;
    private final District district;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transactions;

    RosterImport(PatronStore store, BarcodeRanges ranges, District district, AuditLog audit, Clock clock,
                 PlatformTransactionManager transactions) {
        this.store = store;
        this.ranges = ranges;
        this.district = district;
        this.audit = audit;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** A package that cannot be read at all (not a zip, no CSV file, too large once unpacked). */
    public static final class UnreadablePackage extends Exception {
        UnreadablePackage(String message) {
            super(message);
        }
    }

    /** Reads the package at {@code path} and previews (dry run) or applies it. */
    public RosterReport run(Path path, Options options, String actor) throws UnreadablePackage {
        RosterFiles files;
        try {
            files = RosterFiles.open(path);
        } catch (RosterFiles.Unreadable e) {
            throw new UnreadablePackage(e.getMessage());
        }
        return run(files, options, actor);
    }

    RosterReport run(RosterFiles files, Options options, String actor) {
        return run(new Planner(files, null, options).plan(), options, actor);
    }

    /** The column mapping saved for plain CSV imports, or {@link CsvMapping#NONE}. */
    public CsvMapping savedMapping() {
        return store.csvMapping().map(CsvMapping::parse).orElse(CsvMapping.NONE);
    }

    public void saveMapping(CsvMapping mapping, String actor) {
        transactions.executeWithoutResult(status -> {
            store.saveCsvMapping(mapping.text(), actor, OffsetDateTime.now(clock));
            audit.record(actor, "patrons.roster.mappingSaved", "roster", null, mapping.text().replace('\n', ';'));
        });
    }

    /** The column headers of a plain CSV file (for choosing the mapping), or empty when it cannot be read. */
    public List<String> headers(Path file) throws UnreadablePackage {
        RosterCsv.Table table = RosterCsv.read(file.getFileName().toString(), bytes(file), Set.of());
        if (table.problem() != null && table.lines().isEmpty()) {
            throw new UnreadablePackage(table.problem().reason());
        }
        return table.headers();
    }

    /**
     * Imports a plain CSV roster (one line per person) with {@code mapping}: each line is read as a OneRoster user
     * (role from the ROLE column, else student), its school value as an org (a school code or name) and its homeroom
     * as a homeroom class, then planned and applied as a package is. Problems name the file's own columns and lines.
     */
    public RosterReport runCsv(Path file, CsvMapping mapping, Options options, String actor) throws UnreadablePackage {
        String name = file.getFileName().toString();
        Set<String> required = new HashSet<>(mapping.columns().values());
        RosterCsv.Table table = RosterCsv.read(name, bytes(file), required);
        Plan plan;
        if (!mapping.missing().isEmpty()) {
            plan = new Plan();
            plan.problems.add(new RosterProblem(name, 0, "bad mapping: no column chosen for "
                    + mapping.missing().stream().map(f -> f.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    .toList()));
        } else if (table.problem() != null && table.lines().isEmpty()) {
            plan = new Plan();
            plan.problems.add(table.problem());
        } else {
            List<RosterProblem> problems = new ArrayList<>();
            Map<String, RosterCsv.Table> virtual = CsvRoster.tables(table, mapping, problems);
            plan = new Planner(null, virtual, options).plan();
            plan.problems.addAll(0, problems);
        }
        return run(plan, options, actor);
    }

    private static byte[] bytes(Path file) throws UnreadablePackage {
        try {
            if (!java.nio.file.Files.isRegularFile(file)) {
                throw new UnreadablePackage("no CSV file at " + file);
            }
            if (java.nio.file.Files.size(file) > RosterFiles.MAX_BYTES) {
                throw new UnreadablePackage(file.getFileName() + " is larger than "
                        + RosterFiles.MAX_BYTES / (1024 * 1024) + " MB");
            }
            return java.nio.file.Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new UnreadablePackage("cannot read " + file + ": " + e.getMessage());
        }
    }

    private RosterReport run(Plan plan, Options options, String actor) {
        long active = plan.deactivate.isEmpty() ? 0 : store.countActive();
        boolean held = !plan.deactivate.isEmpty() && plan.deactivate.size() > HOLD_SHARE * Math.max(1, active)
                && !options.confirmDeactivations();
        if (held) {
            plan.notes.add(0, "Held: this import would deactivate " + plan.deactivate.size() + " of "
                    + active + " active patrons (more than " + (int) (HOLD_SHARE * 100)
                    + "%). Check the package, then confirm the deactivations to apply it.");
        }
        if (!plan.years.isEmpty() || !plan.terms.isEmpty()) {
            plan.notes.add("Calendars: " + plan.years.size() + " school years and " + plan.terms.size()
                    + " terms to set on the schools of the package.");
        }
        boolean apply = !options.dryRun() && !held;
        if (apply) {
            transactions.executeWithoutResult(status -> apply(plan, actor));
        }
        List<RosterReport.Change> changes = new ArrayList<>();
        plan.add.forEach(w -> changes.add(new RosterReport.Change("ADD", Names.display(w.givenName(),
                w.preferredName(), w.familyName()), w.type(), w.sourceId())));
        plan.update.forEach(u -> {
            Wanted w = u.getValue();
            changes.add(new RosterReport.Change("UPDATE", Names.display(w.givenName(), w.preferredName(),
                    w.familyName()), w.type(), w.sourceId()));
        });
        plan.deactivate.forEach(row -> changes.add(new RosterReport.Change("DEACTIVATE", Names.display(row.givenName(),
                row.preferredName(), row.familyName()), row.type(), row.sourceId())));
        return new RosterReport(plan.add.size(), plan.update.size(), plan.deactivate.size(), plan.unchanged,
                List.copyOf(plan.problems), List.copyOf(plan.notes), held, apply, changes);
    }

    // The plan

    /** A patron as the roster gives it; school and homeroom by id and roster sourcedId. */
    private record Wanted(RosterCsv.Line line, String sourceId, PatronType type, String givenName, String familyName,
                          String preferredName, long schoolId, String studentNumber, Grade grade, String email,
                          String homeroomSource, List<String> agents) {
    }

    /** A homeroom class, or a scheduled class ({@code teachersClass}) kept with its students. */
    private record Homeroom(String sourceId, String title, long schoolId, boolean teachersClass) {
    }

    /** An academic session with readable dates. */
    private record Session(RosterCsv.Line line, String type, String title, LocalDate start, LocalDate end) {
        String label() {
            return start.getYear() + "-" + end.getYear();
        }
    }

    /** A school year to create, or to move to the package's dates ({@code version} of the existing one). */
    private record YearPlan(long schoolId, String label, LocalDate first, LocalDate last, Long version) {
    }

    private record TermPlan(long schoolId, String name, LocalDate start, LocalDate end) {
    }

    private static final class Plan {
        final List<Wanted> add = new ArrayList<>();
        final List<Map.Entry<PatronStore.Row, Wanted>> update = new ArrayList<>();
        final List<PatronStore.Row> deactivate = new ArrayList<>();
        final List<Wanted> all = new ArrayList<>();
        final Map<String, Long> orgSchools = new LinkedHashMap<>();
        final Map<String, String> schoolsToCreate = new LinkedHashMap<>();
        final Map<String, Homeroom> homerooms = new LinkedHashMap<>();
        final Map<String, String> homeroomTeachers = new HashMap<>();
        /** The students of each teacher's class, by sourcedIds. */
        final Map<String, Set<String>> classMembers = new HashMap<>();
        final List<RosterProblem> problems = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final Set<String> deletedUsers = new HashSet<>();
        final List<YearPlan> years = new ArrayList<>();
        final List<TermPlan> terms = new ArrayList<>();
        int unchanged;
    }

    /** Reads the package and decides what to do with each line; writes nothing. */
    private final class Planner {
        private final RosterFiles files;
        private final Options options;
        private final Plan plan = new Plan();
        private final Map<String, SchoolView> schoolsByCode = new HashMap<>();
        private final Map<String, SchoolView> schoolsByName = new HashMap<>();
        private Long fallbackSchool;
        /** Orgs to create a school for (with --create-schools), by sourcedId: a temporary negative id. */
        private long nextNewSchool = -1;

        /** Tables made from a plain CSV roster, by lower-case file name; null for a package. */
        private final Map<String, RosterCsv.Table> virtual;

        Planner(RosterFiles files, Map<String, RosterCsv.Table> virtual, Options options) {
            this.files = files;
            this.virtual = virtual;
            this.options = options;
        }

        Plan plan() {
            for (SchoolView school : district.schools()) {
                schoolsByCode.put(school.code().toLowerCase(Locale.ROOT), school);
                schoolsByName.put(school.name().toLowerCase(Locale.ROOT), school);
            }
            if (options.fallbackSchool() != null) {
                Optional<SchoolView> school = district.school(options.fallbackSchool());
                if (school.isEmpty()) {
                    plan.problems.add(new RosterProblem("(options)", 0, "unknown school: the district has no school '"
                            + options.fallbackSchool() + "' (given with --school)"));
                    return plan;
                }
                fallbackSchool = school.get().id();
            }
            Map<String, String> manifest = manifest();
            Optional<RosterCsv.Table> orgs = table("orgs.csv", Set.of("sourcedId", "name", "type"), true);
            Optional<RosterCsv.Table> users = table("users.csv", Set.of("sourcedId", "givenName", "familyName"), true);
            if (orgs.isEmpty() || users.isEmpty()) {
                return plan;
            }
            orgs(orgs.get());
            Map<String, String[]> roles = roles();
            classes();
            sessions();
            List<Wanted> wanted = users(users.get(), roles);
            enrollments(wanted);
            compare(wanted, !"delta".equalsIgnoreCase(manifest.getOrDefault("file.users", "bulk")));
            return plan;
        }

        private Map<String, String> manifest() {
            Map<String, String> values = new HashMap<>();
            table("manifest.csv", Set.of("propertyName", "value"), false).ifPresent(table -> table.lines()
                    .forEach(line -> values.put(line.get("propertyName").toLowerCase(Locale.ROOT), line.get("value"))));
            String version = values.getOrDefault("oneroster.version", "");
            if (!version.isEmpty() && !version.startsWith("1.1") && !version.startsWith("1.2")) {
                plan.notes.add("The manifest says OneRoster " + version + "; read as 1.1/1.2.");
            }
            return values;
        }

        private Optional<RosterCsv.Table> table(String name, Set<String> required, boolean mandatory) {
            if (virtual != null) {
                return Optional.ofNullable(virtual.get(name.toLowerCase(Locale.ROOT)));
            }
            Optional<Map.Entry<String, byte[]>> file = files.file(name);
            if (file.isEmpty()) {
                if (mandatory) {
                    plan.problems.add(new RosterProblem(name, 0, "missing file: the package has no " + name));
                }
                return Optional.empty();
            }
            RosterCsv.Table table = RosterCsv.read(file.get().getKey(), file.get().getValue(), required);
            if (table.problem() != null) {
                plan.problems.add(table.problem());
            }
            return table.problem() != null && table.lines().isEmpty() ? Optional.empty() : Optional.of(table);
        }

        private void orgs(RosterCsv.Table table) {
            Map<String, RosterCsv.Line> byId = new LinkedHashMap<>();
            for (RosterCsv.Line line : table.lines()) {
                String id = line.get("sourcedId");
                if (id.isEmpty()) {
                    plan.problems.add(line.problem("missing required field: sourcedId"));
                } else if (byId.putIfAbsent(id, line) != null) {
                    plan.problems.add(line.problem("duplicate id: '" + id + "' is on line "
                            + byId.get(id).number() + " too"));
                }
            }
            Map<String, Long> known = store.rosterOrgs();
            for (Map.Entry<String, RosterCsv.Line> org : byId.entrySet()) {
                if (isDeleted(org.getValue()) || NOT_SCHOOLS.contains(type(org.getValue()))) {
                    continue;
                }
                Long school = school(org.getKey(), byId, known, new HashSet<>());
                if (school != null) {
                    plan.orgSchools.put(org.getKey(), school);
                } else if (fallbackSchool == null) {
                    plan.problems.add(org.getValue().problem(orgProblem(org.getValue(), byId)));
                }
            }
        }

        private String orgProblem(RosterCsv.Line org, Map<String, RosterCsv.Line> byId) {
            if (type(org).equals("school")) {
                return "unknown school: the district has no school with the code '" + org.get("identifier")
                        + "' or the name '" + org.get("name") + "' (confirm creating it, or name a school for its"
                        + " users)";
            }
            String parent = org.get("parentSourcedId");
            return parent.isEmpty() || !byId.containsKey(parent)
                    ? "unknown school: this " + type(org) + " has no parent school in the package"
                    + (parent.isEmpty() ? "" : " (parent '" + parent + "')")
                    : "unknown school: its parent '" + parent + "' is not a known school";
        }

        /** The school of an org: remembered, matched, to be created, or its parent's; null when none. */
        private Long school(String id, Map<String, RosterCsv.Line> orgs, Map<String, Long> known, Set<String> seen) {
            if (known.containsKey(id)) {
                return known.get(id);
            }
            RosterCsv.Line org = orgs.get(id);
            if (org == null || !seen.add(id) || isDeleted(org)) {
                return null;
            }
            if (type(org).equals("school")) {
                SchoolView school = schoolsByCode.get(org.get("identifier").toLowerCase(Locale.ROOT));
                if (school == null) {
                    school = schoolsByName.get(org.get("name").toLowerCase(Locale.ROOT));
                }
                if (school != null) {
                    return school.id();
                }
                if (options.createSchools()) {
                    long placeholder = nextNewSchool--;
                    plan.schoolsToCreate.put(id, org.get("identifier") + "\t" + org.get("name") + "\t" + placeholder);
                    known.put(id, placeholder);
                    return placeholder;
                }
                return null;
            }
            String parent = org.get("parentSourcedId");
            return parent.isEmpty() ? null : school(parent, orgs, known, seen);
        }

        /** 1.2: each user's role and org from roles.csv, the primary role first. */
        private Map<String, String[]> roles() {
            Map<String, String[]> roles = new HashMap<>();
            table("roles.csv", Set.of("userSourcedId", "role"), false).ifPresent(table -> {
                for (RosterCsv.Line line : table.lines()) {
                    if (isDeleted(line)) {
                        continue;
                    }
                    String[] role = {line.get("role"), line.get("orgSourcedId")};
                    if ("primary".equalsIgnoreCase(line.get("roleType"))) {
                        roles.put(line.get("userSourcedId"), role);
                    } else {
                        roles.putIfAbsent(line.get("userSourcedId"), role);
                    }
                }
            });
            return roles;
        }

        private void classes() {
            table("classes.csv", Set.of("sourcedId", "title", "classType", "schoolSourcedId"), false)
                    .ifPresent(table -> {
                        for (RosterCsv.Line line : table.lines()) {
                            if (isDeleted(line)) {
                                continue;
                            }
                            boolean scheduled = !line.get("classType").equalsIgnoreCase("homeroom");
                            Long school = classSchool(line.get("schoolSourcedId"));
                            if (line.get("sourcedId").isEmpty() || line.get("title").isEmpty()) {
                                plan.problems.add(line.problem("missing required field: "
                                        + (line.get("sourcedId").isEmpty() ? "sourcedId" : "title")));
                            } else if (school == null) {
                                plan.problems.add(line.problem("unknown school: '" + line.get("schoolSourcedId")
                                        + "' is not a school of the package"));
                            } else if (plan.homerooms.putIfAbsent(line.get("sourcedId"),
                                    new Homeroom(line.get("sourcedId"), cut(line.get("title"), 80), school, scheduled))
                                    != null) {
                                plan.problems.add(line.problem("duplicate id: '" + line.get("sourcedId") + "'"));
                            } else if (scheduled) {
                                plan.classMembers.put(line.get("sourcedId"), new HashSet<>());
                            }
                        }
                    });
        }

        private void sessions() {
            List<Session> sessions = new ArrayList<>();
            table("academicSessions.csv", Set.of("sourcedId", "startDate", "endDate"), false).ifPresent(table -> {
                for (RosterCsv.Line line : table.lines()) {
                    if (isDeleted(line)) {
                        continue;
                    }
                    LocalDate start = date(line, "startDate");
                    LocalDate end = date(line, "endDate");
                    if (start != null && end != null) {
                        if (end.isBefore(start)) {
                            plan.problems.add(line.problem("bad date: endDate " + end + " is before startDate "
                                    + start));
                        } else {
                            sessions.add(new Session(line, line.get("type").toLowerCase(Locale.ROOT),
                                    cut(line.first("title", "sourcedId"), 100), start, end));
                        }
                    }
                }
            });
            Set<Long> schools = new java.util.TreeSet<>(plan.orgSchools.values());
            if (fallbackSchool != null) {
                schools.add(fallbackSchool);
            }
            Set<RosterProblem> problems = new java.util.LinkedHashSet<>();
            for (long school : schools) {
                calendar(school, sessions, problems);
            }
            plan.problems.addAll(problems);
            long others = sessions.stream().filter(s -> !s.type().equals("schoolyear") && !isTerm(s)).count();
            if (others > 0) {
                plan.notes.add(others + " academic sessions that are neither school years nor terms or semesters"
                        + " (grading periods, say) were read but not imported.");
            }
        }

        private boolean isTerm(Session session) {
            return session.type().equals("term") || session.type().equals("semester");
        }

        /** The school years and terms the package sets on one school, or the problems that stop them. */
        private void calendar(long school, List<Session> sessions, Set<RosterProblem> problems) {
            Map<org.carrel.district.CalendarView.SchoolYear, List<org.carrel.district.CalendarView.Term>> existing =
                    school < 0 ? Map.of() : district.schoolYears(school);
            List<Session> years = new ArrayList<>();
            for (Session year : sessions.stream().filter(s -> s.type().equals("schoolyear")).toList()) {
                var same = existing.keySet().stream().filter(y -> y.label().equals(year.label())).findFirst();
                Optional<String> overlap = existing.keySet().stream().filter(y -> !y.label().equals(year.label())
                        && !y.lastDay().isBefore(year.start()) && !y.firstDay().isAfter(year.end()))
                        .map(org.carrel.district.CalendarView.SchoolYear::label).findFirst()
                        .or(() -> years.stream().filter(y -> !y.label().equals(year.label())
                                && !y.end().isBefore(year.start()) && !y.start().isAfter(year.end()))
                                .map(Session::label).findFirst());
                if (overlap.isPresent()) {
                    problems.add(year.line().problem("bad date: the school year " + year.start() + " to "
                            + year.end() + " overlaps the year " + overlap.get() + " of a school"));
                    continue;
                }
                years.add(year);
                if (same.isEmpty() || !same.get().firstDay().equals(year.start())
                        || !same.get().lastDay().equals(year.end())) {
                    plan.years.add(new YearPlan(school, year.label(), year.start(), year.end(),
                            same.map(org.carrel.district.CalendarView.SchoolYear::version).orElse(null)));
                }
            }
            for (Session term : sessions.stream().filter(this::isTerm).toList()) {
                boolean inPackageYear = years.stream()
                        .anyMatch(y -> !term.start().isBefore(y.start()) && !term.end().isAfter(y.end()));
                var inYear = existing.entrySet().stream().filter(y -> !term.start().isBefore(y.getKey().firstDay())
                        && !term.end().isAfter(y.getKey().lastDay())).findFirst();
                if (!inPackageYear && inYear.isEmpty()) {
                    problems.add(term.line().problem("bad date: the " + term.type() + " '" + term.title() + "' ("
                            + term.start() + " to " + term.end() + ") lies in no school year of its schools"));
                    continue;
                }
                boolean known = inYear.isPresent() && inYear.get().getValue().stream().anyMatch(t -> t.name()
                        .equals(term.title()) && t.startsOn().equals(term.start()) && t.endsOn().equals(term.end()));
                if (!known) {
                    plan.terms.add(new TermPlan(school, term.title(), term.start(), term.end()));
                }
            }
        }

        private LocalDate date(RosterCsv.Line line, String column) {
            String text = line.get(column);
            if (text.isEmpty()) {
                plan.problems.add(line.problem("missing required field: " + column));
                return null;
            }
            try {
                return LocalDate.parse(text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text);
            } catch (DateTimeParseException e) {
                plan.problems.add(line.problem("bad date: " + column + " '" + cut(text, 40)
                        + "' is not a date like 2026-08-17"));
                return null;
            }
        }

        private List<Wanted> users(RosterCsv.Table table, Map<String, String[]> roles) {
            List<Wanted> wanted = new ArrayList<>();
            Map<String, Long> ids = new HashMap<>();
            Map<String, Long> numbers = new HashMap<>();
            for (RosterCsv.Line line : table.lines()) {
                String id = line.get("sourcedId");
                if (id.isEmpty()) {
                    plan.problems.add(line.problem("missing required field: sourcedId"));
                    continue;
                }
                if (ids.putIfAbsent(id, line.number()) != null) {
                    plan.problems.add(line.problem("duplicate id: '" + id + "' is on line " + ids.get(id) + " too"));
                    continue;
                }
                if (isDeleted(line)) {
                    plan.deletedUsers.add(id);
                    continue;
                }
                user(line, roles.get(id), numbers).ifPresent(wanted::add);
            }
            return wanted;
        }

        private Optional<Wanted> user(RosterCsv.Line line, String[] role12, Map<String, Long> numbers) {
            for (String column : List.of("givenName", "familyName")) {
                if (line.get(column).isEmpty()) {
                    plan.problems.add(line.problem("missing required field: " + column));
                    return Optional.empty();
                }
            }
            String role = (line.get("role").isEmpty() && role12 != null ? role12[0] : line.get("role"))
                    .toLowerCase(Locale.ROOT);
            if (role.isEmpty()) {
                plan.problems.add(line.problem("missing required field: role"));
                return Optional.empty();
            }
            PatronType type = STUDENT.contains(role) ? PatronType.STUDENT : TEACHER.contains(role) ? PatronType.TEACHER
                    : STAFF.contains(role) ? PatronType.STAFF : GUARDIAN.contains(role) ? PatronType.GUARDIAN : null;
            if (type == null) {
                plan.problems.add(line.problem("unknown role: '" + cut(role, 40) + "'"));
                return Optional.empty();
            }
            List<String> orgs = new ArrayList<>(split(line.get("orgSourcedIds")));
            if (role12 != null && !role12[1].isEmpty()) {
                orgs.add(role12[1]);
            }
            orgs.addAll(split(line.first("primaryOrgSourcedId", "primaryOrgSource")));
            Long school = orgs.stream().map(this::orgSchool).filter(Objects::nonNull).findFirst()
                    .orElse(fallbackSchool);
            if (school == null) {
                plan.problems.add(line.problem("unknown school: no school for the org '"
                        + (orgs.isEmpty() ? "" : orgs.get(0)) + "'"));
                return Optional.empty();
            }
            Grade grade = null;
            String number = null;
            if (type == PatronType.STUDENT) {
                List<String> grades = split(line.get("grades"));
                if (!grades.isEmpty()) {
                    Optional<Grade> parsed = grade(grades.get(0));
                    if (parsed.isEmpty()) {
                        plan.problems.add(line.problem("bad grade: '" + cut(grades.get(0), 20)
                                + "' is not PK, KG or 01 to 12"));
                        return Optional.empty();
                    }
                    grade = parsed.get();
                }
                number = line.get("identifier").isEmpty() ? null
                        : PatronRules.upper(cut(line.get("identifier"), 40));
                if (number != null && numbers.putIfAbsent(number, line.number()) != null) {
                    plan.problems.add(line.problem("duplicate id: the student number '" + number + "' is on line "
                            + numbers.get(number) + " too"));
                    return Optional.empty();
                }
            }
            String email = line.get("email");
            email = email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") && email.length() <= 200 ? email : null;
            String preferred = line.first("preferredGivenName", "prefferedGivenName");
            return Optional.of(new Wanted(line, line.get("sourcedId"), type, cut(line.get("givenName"), 100),
                    cut(line.get("familyName"), 100), preferred.isEmpty() ? null : cut(preferred, 100), school, number,
                    grade, email, null, split(line.get("agentSourcedIds"))));
        }

        private void enrollments(List<Wanted> wanted) {
            Map<String, Integer> byUser = new HashMap<>();
            for (int i = 0; i < wanted.size(); i++) {
                byUser.put(wanted.get(i).sourceId(), i);
            }
            table("enrollments.csv", Set.of("classSourcedId", "userSourcedId", "role"), false).ifPresent(table -> {
                for (RosterCsv.Line line : table.lines()) {
                    String classId = line.get("classSourcedId");
                    if (isDeleted(line) || !plan.homerooms.containsKey(classId)) {
                        continue;
                    }
                    Integer user = byUser.get(line.get("userSourcedId"));
                    if (user == null) {
                        plan.problems.add(line.problem("unknown user: '" + line.get("userSourcedId")
                                + "' is not an imported user of the package"));
                        continue;
                    }
                    Wanted w = wanted.get(user);
                    if (w.type() == PatronType.STUDENT && plan.classMembers.containsKey(classId)) {
                        plan.classMembers.get(classId).add(w.sourceId());
                    } else if (w.type() == PatronType.STUDENT && w.homeroomSource() == null) {
                        wanted.set(user, new Wanted(w.line(), w.sourceId(), w.type(), w.givenName(), w.familyName(),
                                w.preferredName(), w.schoolId(), w.studentNumber(), w.grade(), w.email(), classId,
                                w.agents()));
                    } else if (w.type() == PatronType.TEACHER) {
                        plan.homeroomTeachers.putIfAbsent(classId, w.sourceId());
                    }
                }
            });
        }

        /** Sorts each wanted patron into add, update or unchanged, and finds those to deactivate. */
        private void compare(List<Wanted> wanted, boolean bulk) {
            Map<String, PatronStore.Row> existing = store.rostered();
            Map<String, PatronStore.Row> byNumber = store.unrosteredByStudentNumber();
            Map<String, Long> homerooms = store.rosteredHomerooms();
            Set<String> present = new HashSet<>();
            for (Wanted w : wanted) {
                present.add(w.sourceId());
                plan.all.add(w);
                PatronStore.Row row = existing.get(w.sourceId());
                if (row == null && w.studentNumber() != null) {
                    row = byNumber.get(w.studentNumber());
                }
                if (row == null) {
                    plan.add.add(w);
                } else if (same(row, w, homerooms)) {
                    plan.unchanged++;
                } else {
                    plan.update.add(Map.entry(row, w));
                }
            }
            // A package speaks for the schools it names: patrons of other schools are not its to deactivate.
            Set<Long> covered = new HashSet<>(plan.orgSchools.values());
            if (fallbackSchool != null) {
                covered.add(fallbackSchool);
            }
            for (PatronStore.Row row : existing.values()) {
                boolean gone = plan.deletedUsers.contains(row.sourceId())
                        || bulk && !present.contains(row.sourceId()) && covered.contains(row.schoolId());
                if (gone && row.status() == PatronStatus.ACTIVE) {
                    plan.deactivate.add(row);
                }
            }
        }

        private boolean same(PatronStore.Row row, Wanted w, Map<String, Long> homerooms) {
            Long homeroom = w.homeroomSource() == null ? null : homerooms.get(w.homeroomSource());
            boolean homeroomSame = w.homeroomSource() == null ? row.homeroomId() == null
                    : homeroom != null && homeroom.equals(row.homeroomId());
            return row.status() == PatronStatus.ACTIVE && w.sourceId().equals(row.sourceId()) && row.type() == w.type()
                    && row.givenName().equals(w.givenName()) && row.familyName().equals(w.familyName())
                    && Objects.equals(row.preferredName(), w.preferredName()) && row.schoolId() == w.schoolId()
                    && Objects.equals(row.studentNumber(), w.studentNumber()) && Objects.equals(row.grade(), w.grade())
                    && Objects.equals(row.email(), w.email()) && homeroomSame;
        }

        private Long orgSchool(String id) {
            return id.isEmpty() ? null : plan.orgSchools.get(id);
        }

        /** The school of a class: its org's, else the school named for the package's unresolved orgs. */
        private Long classSchool(String id) {
            Long school = orgSchool(id);
            return school != null ? school : fallbackSchool;
        }
    }

    // Applying

    private void apply(Plan plan, String actor) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<Long, Long> created = new HashMap<>();
        for (Map.Entry<String, String> org : plan.schoolsToCreate.entrySet()) {
            String[] parts = org.getValue().split("\t", -1);
            created.put(Long.parseLong(parts[2]), createSchool(parts[0], parts[1], actor));
        }
        for (Map.Entry<String, Long> org : plan.orgSchools.entrySet()) {
            store.rememberRosterOrg(org.getKey(), created.getOrDefault(org.getValue(), org.getValue()));
        }
        Map<String, Long> homerooms = store.rosteredHomerooms();
        for (Homeroom room : plan.homerooms.values()) {
            if (!homerooms.containsKey(room.sourceId())) {
                long school = created.getOrDefault(room.schoolId(), room.schoolId());
                String name = store.homeroomId(school, room.title()).isPresent()
                        ? cut(room.title(), 60) + " (" + cut(room.sourceId(), 30) + ")" : room.title();
                homerooms.put(room.sourceId(), store.insertHomeroom(school, name, room.sourceId(),
                        room.teachersClass()));
            }
        }
        Map<Long, String> codes = new HashMap<>();
        district.schools().forEach(school -> codes.put(school.id(), school.code()));
        for (Wanted w : plan.add) {
            long school = created.getOrDefault(w.schoolId(), w.schoolId());
            String code = codes.get(school);
            String barcode = ranges.take(school, code, candidate -> store.barcodeTaken(candidate, null))
                    .orElseThrow(() -> new IllegalStateException("the barcode range of " + code + " is used up"));
            store.insert(stored(w, school, barcode, homerooms), now);
        }
        for (Map.Entry<PatronStore.Row, Wanted> change : plan.update) {
            Wanted w = change.getValue();
            long school = created.getOrDefault(w.schoolId(), w.schoolId());
            store.updateFromRoster(change.getKey().id(), stored(w, school, change.getKey().barcode(), homerooms), now);
        }
        for (PatronStore.Row row : plan.deactivate) {
            store.setStatus(row.id(), PatronStatus.INACTIVE, now);
        }
        Map<String, PatronStore.Row> all = store.rostered();
        for (Wanted w : plan.all) {
            PatronStore.Row self = all.get(w.sourceId());
            for (String agent : w.agents()) {
                PatronStore.Row other = all.get(agent);
                if (self == null || other == null) {
                    continue;
                }
                if (self.type() == PatronType.STUDENT && other.type() == PatronType.GUARDIAN) {
                    store.link(self.id(), other.id());
                } else if (self.type() == PatronType.GUARDIAN && other.type() == PatronType.STUDENT) {
                    store.link(other.id(), self.id());
                }
            }
        }
        for (Map.Entry<String, String> teacher : plan.homeroomTeachers.entrySet()) {
            PatronStore.Row row = all.get(teacher.getValue());
            if (row != null && homerooms.containsKey(teacher.getKey())) {
                store.setHomeroomTeacher(homerooms.get(teacher.getKey()), row.id());
            }
        }
        for (Map.Entry<String, Set<String>> members : plan.classMembers.entrySet()) {
            long classId = homerooms.get(members.getKey());
            Set<Long> wanted = new HashSet<>();
            members.getValue().stream().map(all::get).filter(Objects::nonNull).forEach(row -> wanted.add(row.id()));
            Set<Long> present = store.classMembers(classId);
            wanted.stream().filter(id -> !present.contains(id)).forEach(id -> store.addClassMember(classId, id));
            present.stream().filter(id -> !wanted.contains(id)).forEach(id -> store.removeClassMember(classId, id));
        }
        for (YearPlan year : plan.years) {
            long school = created.getOrDefault(year.schoolId(), year.schoolId());
            require(district.setSchoolYear(school, new org.carrel.district.SchoolYearForm(year.label(),
                    year.first().toString(), year.last().toString(), year.version()), actor), "school year");
        }
        for (TermPlan term : plan.terms) {
            long school = created.getOrDefault(term.schoolId(), term.schoolId());
            require(district.addTerm(school, new org.carrel.district.TermForm(term.name(), term.start().toString(),
                    term.end().toString()), actor), "term");
        }
        audit.record(actor, "patrons.roster.imported", "roster", null, "added " + plan.add.size() + ", updated "
                + plan.update.size() + ", deactivated " + plan.deactivate.size() + ", rejected "
                + plan.problems.size());
    }

    private static void require(org.carrel.district.DistrictResult result, String what) {
        if (!result.saved()) {
            throw new IllegalStateException("the " + what + " of the roster was refused: " + result.errors().byField());
        }
    }

    private long createSchool(String identifier, String name, String actor) {
        String code = identifier.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9-]", "");
        if (code.length() < 2 || code.length() > 12 || district.school(code).isPresent()) {
            String initials = name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9 ]", "").replaceAll("\\B\\w+", "")
                    .replace(" ", "");
            code = (initials.length() >= 2 ? initials : "SCH") + "-" + (district.schools().size() + 1);
            code = code.length() > 12 ? code.substring(0, 12) : code;
        }
        var result = district.createSchool(new org.carrel.district.SchoolForm(code, cut(name, 200), "K", "12", "OTHER",
                null, null, null, null, null, null), actor);
        if (!result.saved()) {
            throw new IllegalStateException("could not create the school " + code + ": " + result.errors().byField());
        }
        return ((org.carrel.district.DistrictResult.Saved) result).id();
    }

    private static PatronStore.Stored stored(Wanted w, long school, String barcode, Map<String, Long> homerooms) {
        Long homeroom = w.homeroomSource() == null ? null : homerooms.get(w.homeroomSource());
        return new PatronStore.Stored(w.type(), w.givenName(), w.familyName(), w.preferredName(), school, barcode,
                w.studentNumber(), w.grade(), homeroom, null, w.email(), "en", false, null, w.sourceId());
    }

    // Reading values

    /** CEDS grade codes (PK, KG, 01 to 12; also K and 1 to 12); empty for others (IT, PS, UG, 13, Other). */
    static Optional<Grade> grade(String code) {
        String text = code.strip().toUpperCase(Locale.ROOT);
        if (text.equals("PK") || text.equals("PR")) {
            return Optional.of(Grade.PRE_K);
        }
        if (text.equals("KG") || text.equals("K") || text.equals("TK")) {
            return Optional.of(Grade.KINDERGARTEN);
        }
        if (text.matches("0?[1-9]|1[0-2]")) {
            return Optional.of(Grade.of(Integer.parseInt(text)));
        }
        return Optional.empty();
    }

    private static boolean isDeleted(RosterCsv.Line line) {
        return line.get("status").equalsIgnoreCase("tobedeleted");
    }

    private static String type(RosterCsv.Line org) {
        return org.get("type").toLowerCase(Locale.ROOT);
    }

    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                parts.add(part.strip());
            }
        }
        return parts;
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
