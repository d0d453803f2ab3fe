package org.carrel.district;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import org.carrel.testing.CarrelTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The schools, settings and calendars kept in memory: read once, yet never showing a school, setting or closed day
 * that is not (or no longer) so.
 */
@CarrelTest
class ReadMostlyTest {

    @Autowired
    District district;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void readsTheTableOnceWhileNothingChanges() {
        ReadMostly<Void, List<SchoolView>> list = new ReadMostly<>(Duration.ofHours(1));
        AtomicInteger reads = new AtomicInteger();
        Supplier<List<SchoolView>> read = () -> {
            reads.incrementAndGet();
            return List.of();
        };
        list.get(read);
        list.get(read);
        assertThat(reads).hasValue(1);
        list.changed();
        list.get(read);
        assertThat(reads).hasValue(2);
    }

    @Test
    void anotherNodesChangeIsSeenOnceTheCopyIsOlderThanItsMaximumAge() {
        AtomicInteger reads = new AtomicInteger();
        Supplier<List<SchoolView>> read = () -> {
            reads.incrementAndGet();
            return List.of();
        };
        ReadMostly<Void, List<SchoolView>> ageless = new ReadMostly<>(Duration.ZERO);
        ageless.get(read);
        ageless.get(read);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aSchoolIsListedAsSoonAsItIsAdded() {
        int before = district.schools().size();
        assertThat(district.createSchool(form("NEWLIST"), "test").saved()).isTrue();
        assertThat(district.schools()).hasSize(before + 1).anyMatch(s -> s.code().equals("NEWLIST"));
    }

    @Test
    void aSchoolAddedInATransactionThatRolledBackIsNotListed() {
        district.schools();
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.executeWithoutResult(status -> {
            assertThat(district.createSchool(form("GHOST"), "test").saved()).isTrue();
            assertThat(district.schools()).anyMatch(s -> s.code().equals("GHOST"));
            status.setRollbackOnly();
        });
        assertThat(district.schools()).noneMatch(s -> s.code().equals("GHOST"));
    }

    @Test
    void aListReadByAnotherThreadBeforeTheAdditionCommittedIsNotKept() {
        district.schools();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            assertThat(district.createSchool(form("LATE"), "test").saved()).isTrue();
            List<SchoolView> meanwhile = CompletableFuture.supplyAsync(district::schools).join();
            assertThat(meanwhile).noneMatch(s -> s.code().equals("LATE"));
        });
        assertThat(district.schools()).anyMatch(s -> s.code().equals("LATE"));
    }

    @Test
    void aRenameIsListedAtOnce() {
        assertThat(district.createSchool(form("RENAME"), "test").saved()).isTrue();
        SchoolView school = district.school("RENAME").orElseThrow();
        assertThat(district.schools()).anyMatch(s -> s.name().equals("Rename School"));
        assertThat(district.updateSchool(school.id(), new SchoolForm("RENAME", "Renamed School", "K", "5",
                "ELEMENTARY", null, null, null, null, null, school.version()), "test").saved()).isTrue();
        assertThat(district.schools()).anyMatch(s -> s.name().equals("Renamed School"))
                .noneMatch(s -> s.name().equals("Rename School"));
    }

    @Test
    void keysAreKeptApartAndAChangeDropsThemAll() {
        ReadMostly<Long, String> values = new ReadMostly<>(Duration.ofHours(1));
        AtomicInteger reads = new AtomicInteger();
        Function<Long, String> read = key -> key + "/" + reads.incrementAndGet();
        assertThat(values.get(1L, read)).isEqualTo("1/1");
        assertThat(values.get(2L, read)).isEqualTo("2/2");
        assertThat(values.get(1L, read)).isEqualTo("1/1");
        values.changed();
        assertThat(values.get(2L, read)).isEqualTo("2/3");
        assertThat(values.get(1L, read)).isEqualTo("1/4");
    }

    @Test
    void aClosedDayCountsAtOnceAndARolledBackOneNever() {
        assertThat(district.createSchool(form("CLOSING"), "test").saved()).isTrue();
        long school = district.school("CLOSING").orElseThrow().id();
        LocalDate monday = LocalDate.of(2031, 3, 3);
        LocalDate tuesday = monday.plusDays(1);
        assertThat(district.setSchoolYear(school, new SchoolYearForm("2030-2031", "2030-08-20", "2031-06-10", null),
                "test").saved()).isTrue();
        assertThat(district.schoolCalendar(school, monday).isClosed(monday)).isFalse();
        assertThat(district.addClosedDay(school, new ClosedDayForm(monday.toString(), "Snow"), "test").saved())
                .isTrue();
        assertThat(district.schoolCalendar(school, monday).isClosed(monday)).isTrue();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            assertThat(district.addClosedDay(school, new ClosedDayForm(tuesday.toString(), "Ice"), "test").saved())
                    .isTrue();
            assertThat(district.schoolCalendar(school, monday).isClosed(tuesday)).isTrue();
            assertThat(CompletableFuture.supplyAsync(() -> district.schoolCalendar(school, monday)).join()
                    .isClosed(tuesday)).isFalse();
            status.setRollbackOnly();
        });
        assertThat(district.schoolCalendar(school, monday).isClosed(tuesday)).isFalse();
    }

    @Test
    void aSavedTimeZoneIsReadAtOnceByItsTransactionAndNeverAfterItRolledBack() {
        DistrictSettings before = district.settings();
        String other = before.timeZone().equals("America/Denver") ? "America/Chicago" : "America/Denver";
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            assertThat(district.updateSettings(form(before, other), "test").saved()).isTrue();
            assertThat(district.settings().timeZone()).isEqualTo(other);
            assertThat(CompletableFuture.supplyAsync(district::settings).join().timeZone())
                    .isEqualTo(before.timeZone());
            status.setRollbackOnly();
        });
        assertThat(district.settings()).isEqualTo(before);
    }

    private static DistrictForm form(DistrictSettings settings, String zone) {
        DistrictForm same = DistrictForm.of(settings);
        return new DistrictForm(settings.configured() ? same.name() : "Read Mostly District", zone,
                same.defaultLanguage(), same.minGroupSize(), same.readingHistoryPolicy(), same.version());
    }

    private static SchoolForm form(String code) {
        String name = code.charAt(0) + code.substring(1).toLowerCase() + " School";
        return new SchoolForm(code, name, "K", "5", "ELEMENTARY", null, null, null, null, null, null);
    }
}
