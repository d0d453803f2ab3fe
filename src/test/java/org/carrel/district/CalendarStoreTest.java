package org.carrel.district;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.carrel.testing.OnEachDatabase;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

class CalendarStoreTest {

    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 8, 17);
    private static final LocalDate LAST_DAY = LocalDate.of(2027, 6, 4);

    @OnEachDatabase
    void keepsASchoolYearWithItsTerms(JdbcClient jdbc) {
        long oak = new SchoolStore(jdbc).insert(SchoolStoreTest.oakHill());
        CalendarStore store = new CalendarStore(jdbc);
        long year = store.insertYear(oak, "2026-2027", FIRST_DAY, LAST_DAY);
        store.insertTerm(year, "Spring semester", LocalDate.of(2027, 1, 4), LAST_DAY);
        store.insertTerm(year, "Fall semester", FIRST_DAY, LocalDate.of(2026, 12, 18));

        assertThat(store.years(oak)).singleElement().satisfies(y -> {
            assertThat(y.label()).isEqualTo("2026-2027");
            assertThat(y.firstDay()).isEqualTo(FIRST_DAY);
            assertThat(y.lastDay()).isEqualTo(LAST_DAY);
        });
        assertThat(store.terms(year)).extracting(CalendarView.Term::name)
                .containsExactly("Fall semester", "Spring semester");
        assertThat(store.yearByLabel(oak, "2026-2027")).isPresent();
    }

    @OnEachDatabase
    void movesASchoolYearOnlyFromTheCurrentVersion(JdbcClient jdbc) {
        long oak = new SchoolStore(jdbc).insert(SchoolStoreTest.oakHill());
        CalendarStore store = new CalendarStore(jdbc);
        long year = store.insertYear(oak, "2026-2027", FIRST_DAY, LAST_DAY);

        assertThat(store.updateYear(year, 0, FIRST_DAY, LAST_DAY.plusDays(3))).isTrue();
        assertThat(store.updateYear(year, 0, FIRST_DAY, LAST_DAY)).isFalse();
        assertThat(store.years(oak).get(0).lastDay()).isEqualTo(LAST_DAY.plusDays(3));
    }

    @OnEachDatabase
    void knowsTheClosedDaysOfEachSchool(JdbcClient jdbc) {
        SchoolStore schools = new SchoolStore(jdbc);
        long oak = schools.insert(SchoolStoreTest.oakHill());
        long lincoln = schools.insert(SchoolStoreTest.lincoln());
        CalendarStore store = new CalendarStore(jdbc);
        LocalDate laborDay = LocalDate.of(2026, 9, 7);
        long closed = store.insertClosedDay(oak, laborDay, "Labor Day");

        assertThat(store.isClosedDay(oak, laborDay)).isTrue();
        assertThat(store.isClosedDay(lincoln, laborDay)).isFalse();
        assertThat(store.closedDays(oak, FIRST_DAY, LAST_DAY)).extracting(CalendarView.ClosedDay::reason)
                .containsExactly("Labor Day");
        assertThatThrownBy(() -> store.insertClosedDay(oak, laborDay, "again")).isInstanceOf(DuplicateKeyException.class);
        assertThat(store.deleteClosedDay(lincoln, closed)).isFalse();
        assertThat(store.deleteClosedDay(oak, closed)).isTrue();
    }

    @OnEachDatabase
    void removesOnlyTheSchoolsOwnTerms(JdbcClient jdbc) {
        SchoolStore schools = new SchoolStore(jdbc);
        long oak = schools.insert(SchoolStoreTest.oakHill());
        long lincoln = schools.insert(SchoolStoreTest.lincoln());
        CalendarStore store = new CalendarStore(jdbc);
        long term = store.insertTerm(store.insertYear(oak, "2026-2027", FIRST_DAY, LAST_DAY), "Fall", FIRST_DAY,
                LocalDate.of(2026, 12, 18));

        assertThat(store.deleteTerm(lincoln, term)).isFalse();
        assertThat(store.deleteTerm(oak, term)).isTrue();
    }
}
