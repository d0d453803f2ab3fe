package org.carrel.patrons;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.carrel.district.Grade;
import org.carrel.district.SchoolView;
import org.carrel.patrons.RolloverPreview.GradeRow;
import org.carrel.patrons.RolloverPreview.Leaver;
import org.carrel.patrons.RolloverPreview.Notice;
import org.carrel.patrons.RolloverPreview.Outcome;
import org.carrel.patrons.RolloverPreview.SchoolChoice;
import org.carrel.patrons.RolloverPreview.Unchanged;

/**
 * The rules of the year-end rollover, pure so they are tested without a database: every active student goes up a
 * grade; past grade 12 they graduate; past their school's highest grade they move to the school chosen for their
 * school (by default the first school by name whose span holds the next grade) or, if the admin says so, are marked
 * transferred. A student with no grade, or whose new grade the chosen school does not teach, is left unchanged and
 * listed. A school whose leaving students have nowhere to go and no choice made is a problem that stops the apply.
 */
final class RolloverPlan {

    /** An active student as the rollover reads them. */
    record Student(long id, String name, String barcode, long schoolId, Grade grade) {
    }

    /** What happens to one student: the school and grade after the rollover. */
    record Change(Student student, Outcome outcome, long schoolId, Grade grade) {
    }

    record Planned(RolloverPreview preview, List<Change> changes) {
    }

    private RolloverPlan() {
    }

    /**
     * @param schools  the district's schools, by name
     * @param choices  per sending school id: a receiving school id, {@link RolloverPreview#TRANSFER}, or blank for
     *                 the default
     * @param charges  null when the form named no known choice (a problem)
     */
    static Planned plan(String schoolYear, List<SchoolView> schools, List<Student> students,
                        Map<Long, String> choices, ChargesChoice charges, RolloverRecord applied) {
        Map<Long, SchoolView> byId = new LinkedHashMap<>();
        schools.forEach(school -> byId.put(school.id(), school));
        List<Notice> problems = new ArrayList<>();
        if (charges == null) {
            problems.add(new Notice("patrons.rollover.charges.invalid"));
        }
        List<SchoolChoice> schoolChoices = new ArrayList<>();
        for (SchoolView school : schools) {
            if (school.highestGrade().value() < 12) {
                schoolChoices.add(choice(school, schools, students, choices.get(school.id()), problems));
            }
        }
        List<Change> changes = new ArrayList<>();
        List<Unchanged> unchanged = new ArrayList<>();
        for (Student student : students) {
            SchoolView school = byId.get(student.schoolId());
            String schoolName = school == null ? "" : school.name();
            Optional<SchoolChoice> choice = schoolChoices.stream().filter(c -> c.schoolId() == student.schoolId())
                    .findFirst();
            String reason = null;
            String argument = "";
            if (school == null) {
                reason = "patrons.rollover.unchanged.noSchool";
            } else if (student.grade() == null) {
                reason = "patrons.rollover.unchanged.noGrade";
            } else if (student.grade().value() == 12) {
                changes.add(new Change(student, Outcome.GRADUATE, school.id(), student.grade()));
            } else {
                Grade next = Grade.of(student.grade().value() + 1);
                if (next.compareTo(school.highestGrade()) <= 0) {
                    changes.add(new Change(student, Outcome.STAY, school.id(), next));
                } else if (choice.isPresent() && RolloverPreview.TRANSFER.equals(choice.get().chosen())) {
                    changes.add(new Change(student, Outcome.TRANSFER, school.id(), next));
                } else {
                    Optional<SchoolView> receiver = choice.flatMap(c -> receiver(c, byId));
                    if (receiver.isEmpty()) {
                        reason = "patrons.rollover.unchanged.noChoice";
                    } else if (!teaches(receiver.get(), next)) {
                        reason = "patrons.rollover.unchanged.gradeNotTaught";
                        argument = receiver.get().name() + ", " + next.label();
                    } else {
                        changes.add(new Change(student, Outcome.MOVE, receiver.get().id(), next));
                    }
                }
            }
            if (reason != null) {
                unchanged.add(new Unchanged(student.id(), student.name(), student.barcode(), schoolName, reason,
                        argument));
            }
        }
        RolloverPreview preview = new RolloverPreview(schoolYear, applied, charges, schoolChoices,
                rows(schools, students, changes, unchanged, byId), leavers(changes, byId), unchanged, problems,
                totals(changes, unchanged.size()), fingerprint(schoolYear, charges, changes, unchanged));
        return new Planned(preview, changes);
    }

    private static SchoolChoice choice(SchoolView school, List<SchoolView> schools, List<Student> students,
                                       String raw, List<Notice> problems) {
        Grade next = Grade.of(school.highestGrade().value() + 1);
        List<SchoolView> receivers = schools.stream().filter(s -> s.id() != school.id() && teaches(s, next))
                .toList();
        int leaving = (int) students.stream().filter(s -> s.schoolId() == school.id() && s.grade() != null
                && s.grade().value() < 12 && s.grade().value() + 1 > school.highestGrade().value()).count();
        String value = raw == null ? "" : raw.strip();
        boolean known = value.isEmpty() || value.equals(RolloverPreview.TRANSFER)
                || receivers.stream().anyMatch(r -> String.valueOf(r.id()).equals(value));
        if (!known) {
            problems.add(new Notice("patrons.rollover.choice.invalid", school.name()));
        }
        String chosen = known && !value.isEmpty() ? value
                : receivers.isEmpty() ? "" : String.valueOf(receivers.get(0).id());
        if (known && chosen.isEmpty() && leaving > 0) {
            problems.add(new Notice("patrons.rollover.choice.none", school.name(), leaving, next.label()));
        }
        return new SchoolChoice(school.id(), school.name(), next, leaving, receivers, chosen);
    }

    private static Optional<SchoolView> receiver(SchoolChoice choice, Map<Long, SchoolView> schools) {
        return choice.receivers().stream().filter(r -> String.valueOf(r.id()).equals(choice.chosen())).findFirst()
                .map(r -> schools.get(r.id()));
    }

    private static boolean teaches(SchoolView school, Grade grade) {
        return school.lowestGrade().compareTo(grade) <= 0 && grade.compareTo(school.highestGrade()) <= 0;
    }

    /** Per school (by name) and grade (lowest first), the students of today and what becomes of them. */
    private static List<GradeRow> rows(List<SchoolView> schools, List<Student> students, List<Change> changes,
                                       List<Unchanged> unchanged, Map<Long, SchoolView> byId) {
        Map<Long, Student> byPatron = new LinkedHashMap<>();
        students.forEach(student -> byPatron.put(student.id(), student));
        List<GradeRow> rows = new ArrayList<>();
        for (SchoolView school : schools) {
            students.stream().filter(s -> s.schoolId() == school.id() && s.grade() != null)
                    .map(Student::grade).distinct().sorted().forEach(grade -> {
                        List<Change> here = changes.stream().filter(c -> c.student().schoolId() == school.id()
                                && c.student().grade().equals(grade)).toList();
                        long left = unchanged.stream().map(u -> byPatron.get(u.patronId()))
                                .filter(s -> s.schoolId() == school.id() && grade.equals(s.grade())).count();
                        String moveTo = here.stream().filter(c -> c.outcome() == Outcome.MOVE)
                                .map(c -> byId.get(c.schoolId()).name()).distinct().reduce((a, b) -> a + ", " + b)
                                .orElse(null);
                        rows.add(new GradeRow(school.id(), school.name(), grade, grade.value() < 12
                                ? Grade.of(grade.value() + 1) : null, count(here, Outcome.STAY),
                                count(here, Outcome.MOVE), moveTo, count(here, Outcome.GRADUATE),
                                count(here, Outcome.TRANSFER), (int) left));
                    });
        }
        return rows;
    }

    private static List<Leaver> leavers(List<Change> changes, Map<Long, SchoolView> byId) {
        return changes.stream().filter(c -> c.outcome() != Outcome.STAY)
                .map(c -> new Leaver(c.student().id(), c.student().name(), c.student().barcode(),
                        byId.get(c.student().schoolId()).name(), c.student().grade(), c.outcome(),
                        c.outcome() == Outcome.MOVE ? byId.get(c.schoolId()).name() : null, 0))
                .toList();
    }

    private static RolloverPreview.Totals totals(List<Change> changes, int unchanged) {
        return new RolloverPreview.Totals(count(changes, Outcome.STAY), count(changes, Outcome.MOVE),
                count(changes, Outcome.GRADUATE), count(changes, Outcome.TRANSFER), unchanged);
    }

    private static int count(List<Change> changes, Outcome outcome) {
        return (int) changes.stream().filter(c -> c.outcome() == outcome).count();
    }

    /** Names exactly these changes: any student added, changed or removed since the preview changes it. */
    static String fingerprint(String schoolYear, ChargesChoice charges, List<Change> changes,
                              List<Unchanged> unchanged) {
        StringBuilder text = new StringBuilder(schoolYear).append('|').append(charges);
        changes.forEach(c -> text.append('|').append(c.student().id()).append(':').append(c.student().schoolId())
                .append(':').append(c.student().grade()).append('>').append(c.outcome()).append(':')
                .append(c.schoolId()).append(':').append(c.grade()));
        unchanged.forEach(u -> text.append("|=").append(u.patronId()));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
