package org.carrel.district;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.carrel.shared.DemoData;
import org.springframework.stereotype.Component;

/**
 * The demo district: Riverbend Unified with three elementary, two middle and one high school, their library
 * locations, and this school year's calendar computed from the clock. Runs first (order 100): accounts and later
 * modules scope their demo records to these schools.
 */
@Component
class DistrictDemoData implements DemoData {

    static final String NAME = "Riverbend Unified School District";
    private static final String ACTOR = "demo";

    private record DemoSchool(String code, String name, String lowest, String highest, SchoolLevel level,
                              String street) {
    }

    private static final List<DemoSchool> SCHOOLS = List.of(
            new DemoSchool("OAK", "Oak Hill Elementary", "K", "5", SchoolLevel.ELEMENTARY, "120 Oak Hill Road"),
            new DemoSchool("MAPLE", "Maple Grove Elementary", "PK", "5", SchoolLevel.ELEMENTARY, "45 Maple Avenue"),
            new DemoSchool("CEDAR", "Cedar Creek Elementary", "K", "5", SchoolLevel.ELEMENTARY, "900 Creek Drive"),
            new DemoSchool("LINC", "Lincoln Middle", "6", "8", SchoolLevel.MIDDLE, "1865 Lincoln Way"),
            new DemoSchool("WASH", "Washington Middle", "6", "8", SchoolLevel.MIDDLE, "17 Washington Street"),
            new DemoSchool("RHS", "Riverbend High", "9", "12", SchoolLevel.HIGH, "1 Riverside Parkway"));

    private static final List<String> ELEMENTARY_LOCATIONS = List.of("EASY Easy", "FIC Fiction", "NF Nonfiction",
            "BIO Biography", "REF Reference", "PROF Professional");
    private static final List<String> MIDDLE_LOCATIONS = List.of("FIC Fiction", "NF Nonfiction", "GN Graphic Novels",
            "BIO Biography", "REF Reference", "PROF Professional");
    private static final List<String> HIGH_LOCATIONS = List.of("FIC Fiction", "NF Nonfiction", "GN Graphic Novels",
            "PER Periodicals", "REF Reference", "PROF Professional");

    private final District district;
    private final Clock clock;

    DistrictDemoData(District district, Clock clock) {
        this.district = district;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public List<String> seed() {
        require(district.updateSettings(new DistrictForm(NAME, zoneOrChicago(), "en", "10", "PATRON", district.settings().version()), ACTOR));
        DemoCalendar calendar = DemoCalendar.containing(LocalDate.now(clock));
        for (DemoSchool demo : SCHOOLS) {
            long id = require(district.createSchool(new SchoolForm(demo.code(), demo.name(), demo.lowest(),
                    demo.highest(), demo.level().name(), demo.street(), null, "Riverbend", "OR", "97301", 0L), ACTOR));
            addLocations(id, demo.level());
            addCalendar(id, calendar);
        }
        return List.of("Demo district: " + NAME + ", " + SCHOOLS.size() + " schools, school year " + calendar.label()
                + " (" + calendar.firstDay() + " to " + calendar.lastDay() + ")");
    }

    private String zoneOrChicago() {
        String zone = clock.getZone().getId();
        return zone.contains("/") ? zone : "America/Chicago";
    }

    private void addLocations(long schoolId, SchoolLevel level) {
        List<String> locations = switch (level) {
            case ELEMENTARY -> ELEMENTARY_LOCATIONS;
            case MIDDLE -> MIDDLE_LOCATIONS;
            default -> HIGH_LOCATIONS;
        };
        for (int i = 0; i < locations.size(); i++) {
            String[] codeAndName = locations.get(i).split(" ", 2);
            require(district.addLocation(schoolId,
                    new LocationForm(codeAndName[0], codeAndName[1], String.valueOf((i + 1) * 10), 0L), ACTOR));
        }
    }

    private void addCalendar(long schoolId, DemoCalendar calendar) {
        require(district.setSchoolYear(schoolId, new SchoolYearForm(calendar.label(), calendar.firstDay().toString(),
                calendar.lastDay().toString(), 0L), ACTOR));
        calendar.semesters().forEach(term -> require(district.addTerm(schoolId,
                new TermForm(term.name(), term.startsOn().toString(), term.endsOn().toString()), ACTOR)));
        calendar.closedDays().forEach(closed -> require(district.addClosedDay(schoolId,
                new ClosedDayForm(closed.day().toString(), closed.reason()), ACTOR)));
    }

    /** Demo data is ours: a refusal means a bug here, not bad input. */
    private static long require(DistrictResult result) {
        if (result instanceof DistrictResult.Saved saved) {
            return saved.id();
        }
        throw new IllegalStateException("demo district refused: " + result.errors().byField());
    }
}
