package org.carrel.district;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.carrel.accounts.AuditLog;
import org.carrel.district.CalendarView.ClosedDay;
import org.carrel.district.CalendarView.SchoolYear;
import org.carrel.district.CalendarView.Term;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * The district, its schools, their library locations and calendars. Changes return a {@link DistrictResult}
 * (refusals are values with a message key per field, never exceptions), use optimistic locking on the
 * {@code version} the editor saw, and write an audit entry named {@code district.<record>.<act>} in the same
 * transaction. {@code actor} is the user name of whoever acts (or {@code demo}, {@code command-line}).
 */
@Service
public class District {

    /** How long another node's change to the schools, settings or calendars may go unseen by this one. */
    static final Duration READ_MOSTLY_MAX_AGE = Duration.ofSeconds(5);

    private final DistrictStore district;
    private final SchoolStore schools;
    private final LocationStore locations;
    private final CalendarStore calendars;
    private final AuditLog audit;
    private final Clock clock;
    private final ReadMostly<Void, List<SchoolView>> schoolList = new ReadMostly<>(READ_MOSTLY_MAX_AGE);
    private final ReadMostly<Void, DistrictSettings> savedSettings = new ReadMostly<>(READ_MOSTLY_MAX_AGE);
    private final ReadMostly<Long, SchoolCalendar> wholeCalendars = new ReadMostly<>(READ_MOSTLY_MAX_AGE);

    District(DistrictStore district, SchoolStore schools, LocationStore locations, CalendarStore calendars,
             AuditLog audit, Clock clock) {
        this.district = district;
        this.schools = schools;
        this.locations = locations;
        this.calendars = calendars;
        this.audit = audit;
        this.clock = clock;
    }

    // District settings

    /**
     * The district settings, or {@link DistrictSettings#DEFAULTS} before anyone saved them. Read on every circulation
     * act (for the time zone), so kept in memory like {@link #schools()}.
     */
    public DistrictSettings settings() {
        return savedSettings.get(() -> district.find().orElse(DistrictSettings.DEFAULTS));
    }

    @Transactional
    public DistrictResult updateSettings(DistrictForm form, String actor) {
        SchoolRules.Checked<DistrictSettings> checked = SettingsRules.check(form);
        if (!checked.valid()) {
            return DistrictResult.invalid(checked.errors());
        }
        savedSettings.changed();
        if (!district.save(checked.values(), versionOf(form.version()))) {
            return DistrictResult.stale();
        }
        DistrictSettings saved = checked.values();
        audit.record(actor, "district.settings.updated", "district", 1, saved.name() + ", " + saved.timeZone()
                + ", min group " + saved.minGroupSize() + ", history " + saved.readingHistoryPolicy());
        return new DistrictResult.Saved(1);
    }

    // Schools

    /**
     * Every school, by name. Read on every catalogue request, so kept in memory: a change through this process shows
     * at once, one made on another node within {@link #READ_MOSTLY_MAX_AGE}.
     */
    public List<SchoolView> schools() {
        return schoolList.get(() -> List.copyOf(schools.all()));
    }

    /** The school with this code (case-insensitive). */
    @Transactional(readOnly = true)
    public Optional<SchoolView> school(String code) {
        return schools.byCode(SchoolRules.normaliseCode(code));
    }

    @Transactional(readOnly = true)
    public Optional<SchoolView> school(long id) {
        return schools.byId(id);
    }

    /** Adds a school; a code already in use is a {@link DistrictResult.Duplicate}. */
    @Transactional
    public DistrictResult createSchool(SchoolForm form, String actor) {
        SchoolRules.Checked<SchoolStore.SchoolValues> checked = SchoolRules.check(form);
        if (!checked.valid()) {
            return DistrictResult.invalid(checked.errors());
        }
        SchoolStore.SchoolValues school = checked.values();
        if (schools.codeTaken(school.code(), null)) {
            return DistrictResult.duplicate("code", "district.school.code.taken");
        }
        schoolList.changed();
        Optional<Long> id = unlessTaken(() -> schools.insert(school));
        if (id.isEmpty()) {
            return DistrictResult.duplicate("code", "district.school.code.taken");
        }
        audit.record(actor, "district.school.created", "school", id.get(), school.code() + " " + school.name());
        return new DistrictResult.Saved(id.get());
    }

    /** Edits a school, code included, if nobody changed it since {@code form.version()}. */
    @Transactional
    public DistrictResult updateSchool(long id, SchoolForm form, String actor) {
        requireSchool(id);
        SchoolRules.Checked<SchoolStore.SchoolValues> checked = SchoolRules.check(form);
        if (!checked.valid()) {
            return DistrictResult.invalid(checked.errors());
        }
        SchoolStore.SchoolValues school = checked.values();
        if (schools.codeTaken(school.code(), id)) {
            return DistrictResult.duplicate("code", "district.school.code.taken");
        }
        schoolList.changed();
        Optional<Boolean> updated = unlessTaken(() -> schools.update(id, versionOf(form.version()), school));
        if (updated.isEmpty()) {
            return DistrictResult.duplicate("code", "district.school.code.taken");
        }
        if (!updated.get()) {
            return DistrictResult.stale();
        }
        audit.record(actor, "district.school.updated", "school", id, school.code() + " " + school.name());
        return new DistrictResult.Saved(id);
    }

    // Locations

    @Transactional(readOnly = true)
    public List<LocationView> locations(long schoolId) {
        return locations.ofSchool(schoolId);
    }

    @Transactional(readOnly = true)
    public Optional<LocationView> location(long schoolId, long locationId) {
        return locations.find(schoolId, locationId);
    }

    @Transactional
    public DistrictResult addLocation(long schoolId, LocationForm form, String actor) {
        requireSchool(schoolId);
        SchoolRules.Checked<SchoolRules.LocationValues> checked = SchoolRules.check(form);
        if (!checked.valid()) {
            return DistrictResult.invalid(checked.errors());
        }
        SchoolRules.LocationValues location = checked.values();
        if (locations.codeTaken(schoolId, location.code(), null)) {
            return DistrictResult.duplicate("code", "district.location.code.taken");
        }
        int sortOrder = location.sortOrder() != null ? location.sortOrder() : locations.nextSortOrder(schoolId);
        Optional<Long> id = unlessTaken(() -> locations.insert(schoolId, location.code(), location.name(), sortOrder));
        if (id.isEmpty()) {
            return DistrictResult.duplicate("code", "district.location.code.taken");
        }
        audit.record(actor, "district.location.created", "location", id.get(),
                location.code() + " " + location.name());
        return new DistrictResult.Saved(id.get());
    }

    @Transactional
    public DistrictResult updateLocation(long schoolId, long locationId, LocationForm form, String actor) {
        LocationView current = locations.find(schoolId, locationId)
                .orElseThrow(() -> new IllegalArgumentException("no location " + locationId + " in school " + schoolId));
        SchoolRules.Checked<SchoolRules.LocationValues> checked = SchoolRules.check(form);
        if (!checked.valid()) {
            return DistrictResult.invalid(checked.errors());
        }
        SchoolRules.LocationValues location = checked.values();
        if (locations.codeTaken(schoolId, location.code(), locationId)) {
            return DistrictResult.duplicate("code", "district.location.code.taken");
        }
        int sortOrder = location.sortOrder() != null ? location.sortOrder() : current.sortOrder();
        Optional<Boolean> updated = unlessTaken(() -> locations.update(schoolId, locationId,
                versionOf(form.version()), location.code(), location.name(), sortOrder));
        if (updated.isEmpty()) {
            return DistrictResult.duplicate("code", "district.location.code.taken");
        }
        if (!updated.get()) {
            return DistrictResult.stale();
        }
        audit.record(actor, "district.location.updated", "location", locationId, location.code() + " " + location.name());
        return new DistrictResult.Saved(locationId);
    }

    /**
     * Removes a location of the school: false when it has no such location, a refusal when copies are still shelved
     * there (the catalogue's items refer to it; move them first).
     */
    @Transactional
    public Optional<DistrictResult> removeLocation(long schoolId, long locationId, String actor) {
        Optional<LocationView> location = locations.find(schoolId, locationId);
        if (location.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (!locations.delete(schoolId, locationId)) {
                return Optional.empty();
            }
        } catch (DataIntegrityViolationException inUse) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return Optional.of(DistrictResult.invalid("", "district.location.inUse"));
        }
        audit.record(actor, "district.location.removed", "location", locationId, location.get().code());
        return Optional.of(new DistrictResult.Saved(locationId));
    }

    // Calendars

    /** The school's current school year (or, in summer, the coming one) with its terms and closed days. */
    @Transactional(readOnly = true)
    public CalendarView calendar(long schoolId) {
        return calendar(schoolId, today());
    }

    /** The school year containing {@code day}, else the next one, with its terms and closed days. */
    @Transactional(readOnly = true)
    public CalendarView calendar(long schoolId, LocalDate day) {
        Optional<SchoolYear> year = CalendarRules.currentOrNext(calendars.years(schoolId), day);
        return year.map(y -> new CalendarView(schoolId, y, calendars.terms(y.id()),
                        calendars.closedDays(schoolId, y.firstDay(), y.lastDay())))
                .orElseGet(() -> new CalendarView(schoolId, null, List.of(), List.of()));
    }

    /** Creates the school year with this label, or moves its first and last day. */
    @Transactional
    public DistrictResult setSchoolYear(long schoolId, SchoolYearForm form, String actor) {
        requireSchool(schoolId);
        SchoolRules.Checked<CalendarRules.YearValues> checked = CalendarRules.check(form, calendars.years(schoolId));
        if (!checked.valid()) {
            return DistrictResult.invalid(checked.errors());
        }
        CalendarRules.YearValues year = checked.values();
        Optional<SchoolYear> existing = calendars.yearByLabel(schoolId, year.label());
        long id;
        wholeCalendars.changed();
        if (existing.isPresent()) {
            id = existing.get().id();
            if (!calendars.updateYear(id, versionOf(form.version()), year.firstDay(), year.lastDay())) {
                return DistrictResult.stale();
            }
        } else {
            id = calendars.insertYear(schoolId, year.label(), year.firstDay(), year.lastDay());
        }
        audit.record(actor, "district.schoolYear." + (existing.isPresent() ? "updated" : "created"), "school_year", id,
                "school " + schoolId + ": " + year.label() + " " + year.firstDay() + " to " + year.lastDay());
        return new DistrictResult.Saved(id);
    }

    @Transactional
    public DistrictResult addTerm(long schoolId, TermForm form, String actor) {
        requireSchool(schoolId);
        SchoolRules.Checked<CalendarRules.TermValues> checked = CalendarRules.check(form, calendars.years(schoolId));
        if (!checked.valid()) {
            return DistrictResult.invalid(checked.errors());
        }
        CalendarRules.TermValues term = checked.values();
        wholeCalendars.changed();
        long id = calendars.insertTerm(term.year().id(), term.name(), term.startsOn(), term.endsOn());
        audit.record(actor, "district.term.created", "term", id,
                "school " + schoolId + ": " + term.name() + " " + term.startsOn() + " to " + term.endsOn());
        return new DistrictResult.Saved(id);
    }

    @Transactional
    public boolean removeTerm(long schoolId, long termId, String actor) {
        wholeCalendars.changed();
        if (!calendars.deleteTerm(schoolId, termId)) {
            return false;
        }
        audit.record(actor, "district.term.removed", "term", termId, "school " + schoolId);
        return true;
    }

    /** Adds a closed day; a day already closed is a {@link DistrictResult.Duplicate}. */
    @Transactional
    public DistrictResult addClosedDay(long schoolId, ClosedDayForm form, String actor) {
        requireSchool(schoolId);
        SchoolRules.Checked<CalendarRules.ClosedDayValues> checked =
                CalendarRules.check(form, calendars.years(schoolId));
        if (!checked.valid()) {
            return DistrictResult.invalid(checked.errors());
        }
        CalendarRules.ClosedDayValues closed = checked.values();
        if (calendars.isClosedDay(schoolId, closed.day())) {
            return DistrictResult.duplicate("closedOn", "district.closedDay.taken");
        }
        wholeCalendars.changed();
        Optional<Long> id = unlessTaken(() -> calendars.insertClosedDay(schoolId, closed.day(), closed.reason()));
        if (id.isEmpty()) {
            return DistrictResult.duplicate("closedOn", "district.closedDay.taken");
        }
        audit.record(actor, "district.closedDay.created", "closed_day", id.get(),
                "school " + schoolId + ": " + closed.day() + " " + closed.reason());
        return new DistrictResult.Saved(id.get());
    }

    @Transactional
    public boolean removeClosedDay(long schoolId, long closedDayId, String actor) {
        wholeCalendars.changed();
        if (!calendars.deleteClosedDay(schoolId, closedDayId)) {
            return false;
        }
        audit.record(actor, "district.closedDay.removed", "closed_day", closedDayId, "school " + schoolId);
        return true;
    }

    /**
     * Whether the school's library is closed on {@code day}: weekends, listed closed days, and days outside every
     * school year once the school has one (summer). Circulation uses it to move due dates.
     */
    @Transactional(readOnly = true)
    public boolean isClosed(long schoolId, LocalDate day) {
        return CalendarRules.isClosed(calendars.years(schoolId), calendars.isClosedDay(schoolId, day), day);
    }

    /** The last day of the school year containing {@code day} (in summer: of the coming year); empty without one. */
    @Transactional(readOnly = true)
    public Optional<LocalDate> schoolYearEnd(long schoolId, LocalDate day) {
        return CalendarRules.currentOrNext(calendars.years(schoolId), day).map(SchoolYear::lastDay);
    }

    /** Every school year of the school with its terms (roster imports compare them with a package's sessions). */
    @Transactional(readOnly = true)
    public Map<SchoolYear, List<Term>> schoolYears(long schoolId) {
        Map<SchoolYear, List<Term>> years = new LinkedHashMap<>();
        calendars.years(schoolId).forEach(year -> years.put(year, calendars.terms(year.id())));
        return years;
    }

    /** The terms of the school year containing {@code day} (in summer: of the coming year), by start. */
    @Transactional(readOnly = true)
    public List<Term> terms(long schoolId, LocalDate day) {
        return CalendarRules.currentOrNext(calendars.years(schoolId), day).map(y -> calendars.terms(y.id()))
                .orElse(List.of());
    }

    /**
     * The school's calendar from {@code from} on: the years that have not ended by then with their terms, and the
     * listed closed days from then on. Read on every circulation act, so each school's whole calendar is kept in
     * memory like {@link #schools()}.
     */
    @Transactional(readOnly = true)
    public SchoolCalendar schoolCalendar(long schoolId, LocalDate from) {
        return wholeCalendars.get(schoolId, this::wholeCalendar).from(from);
    }

    private SchoolCalendar wholeCalendar(long schoolId) {
        List<SchoolYear> years = calendars.years(schoolId);
        List<Term> terms = years.stream().flatMap(y -> calendars.terms(y.id()).stream()).toList();
        return new SchoolCalendar(schoolId, years, terms,
                calendars.closedDays(schoolId).stream().map(ClosedDay::closedOn).collect(Collectors.toSet()));
    }

    /**
     * The district's time zone, where its schools' days begin and end: the setting, else (should it not name a zone)
     * the clock's.
     */
    public ZoneId zone() {
        try {
            return ZoneId.of(settings().timeZone());
        } catch (DateTimeException | NullPointerException e) {
            return clock.getZone();
        }
    }

    /** Today in the clock's zone. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private void requireSchool(long schoolId) {
        if (schools.byId(schoolId).isEmpty()) {
            throw new IllegalArgumentException("no school " + schoolId);
        }
    }

    /** A missing version (an old form) never matches, so it cannot overwrite someone else's change. */
    private static long versionOf(Long version) {
        return version == null ? -1 : version;
    }

    /**
     * Runs a write that checked for a taken code or day beforehand; empty when a concurrent change took it in between
     * and the unique constraint refused the write. PostgreSQL then refuses every further statement of the
     * transaction, so it is marked for rollback (quietly: the caller returns a value, not an exception).
     */
    private static <T> Optional<T> unlessTaken(Supplier<T> write) {
        try {
            return Optional.of(write.get());
        } catch (DuplicateKeyException concurrentlyTaken) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return Optional.empty();
        }
    }
}
