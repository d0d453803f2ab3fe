package org.carrel.district;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.carrel.testing.CarrelTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The list of schools kept in memory: read once, yet never showing a school that is not (or no longer) so. */
@CarrelTest
class SchoolListTest {

    @Autowired
    District district;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void readsTheTableOnceWhileNothingChanges() {
        SchoolList list = new SchoolList(Duration.ofHours(1));
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
        SchoolList ageless = new SchoolList(Duration.ZERO);
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

    private static SchoolForm form(String code) {
        String name = code.charAt(0) + code.substring(1).toLowerCase() + " School";
        return new SchoolForm(code, name, "K", "5", "ELEMENTARY", null, null, null, null, null, null);
    }
}
