package org.carrel.circulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.carrel.catalog.ItemType;
import org.carrel.district.Grade;
import org.carrel.patrons.PatronType;
import org.carrel.testing.OnEachDatabase;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The loan rules' SQL on H2 and PostgreSQL: versions, the unique criteria (which let rules with null criteria be
 * doubled, hence the facade's own check), and the settings row that rule changes lock.
 */
class RuleStoreTest {

    @OnEachDatabase
    void insertsFindsUpdatesWithTheVersionSeenAndDeletes(JdbcClient jdbc) {
        RuleStore store = new RuleStore(jdbc);
        long school = school(jdbc, "OAK");
        long id = store.insert(rule(0, school, PatronType.STUDENT, Grade.KINDERGARTEN, Grade.of(1), ItemType.BOOK,
                LoanPeriod.until(LocalDate.of(2027, 6, 1)), 0));

        LoanRule saved = store.find(id).orElseThrow();
        assertThat(saved.period()).isEqualTo(LoanPeriod.until(LocalDate.of(2027, 6, 1)));
        assertThat(saved.lowestGrade()).isEqualTo(Grade.KINDERGARTEN);
        assertThat(saved.dailyFine()).isEqualByComparingTo("0.10");
        assertThat(store.forSchool(school)).extracting(LoanRule::id).containsExactly(id);

        assertThat(store.update(rule(id, school, PatronType.STUDENT, Grade.KINDERGARTEN, Grade.of(1), ItemType.BOOK,
                LoanPeriod.hours(3), 0))).isTrue();
        assertThat(store.update(rule(id, school, PatronType.STUDENT, Grade.KINDERGARTEN, Grade.of(1), ItemType.BOOK,
                LoanPeriod.days(3), 0))).as("stale").isFalse();
        assertThat(store.find(id).orElseThrow().period()).isEqualTo(LoanPeriod.hours(3));
        assertThat(store.delete(id, 0)).as("stale").isFalse();
        assertThat(store.delete(id, 1)).isTrue();
        assertThat(store.find(id)).isEmpty();
    }

    @OnEachDatabase
    void theUniqueCriteriaCatchFullCriteriaButNotNullOnes(JdbcClient jdbc) {
        RuleStore store = new RuleStore(jdbc);
        long school = school(jdbc, "OAK");
        LoanRule full = rule(0, school, PatronType.STUDENT, Grade.of(1), Grade.of(2), ItemType.BOOK,
                LoanPeriod.days(7), 0);
        store.insert(full);
        assertThatThrownBy(() -> store.insert(full)).isInstanceOf(DuplicateKeyException.class);

        LoanRule withNulls = rule(0, school, PatronType.STUDENT, null, null, null, LoanPeriod.days(7), 0);
        store.insert(withNulls);
        store.insert(withNulls);
        assertThat(store.forSchool(school)).as("nulls are distinct: LoanRules checks duplicates itself").hasSize(3);
    }

    @OnEachDatabase
    void changesTheSettingsWithTheVersionSeenUnderTheLockOfRuleChanges(JdbcClient jdbc) {
        jdbc.sql("insert into circulation_settings (id) values (1)").update();
        RuleStore store = new RuleStore(jdbc);
        store.lockRules();
        CirculationSettings defaults = store.settings();
        assertThat(defaults.lostAfterDays()).isEqualTo(60);

        assertThat(store.updateSettings(new CirculationSettings(30, 5, false, true, new BigDecimal("20.00"),
                defaults.version()))).isTrue();
        assertThat(store.updateSettings(new CirculationSettings(40, 5, false, true, new BigDecimal("20.00"),
                defaults.version()))).as("stale").isFalse();
        assertThat(store.settings().lostAfterDays()).isEqualTo(30);
        assertThat(store.settings().version()).isEqualTo(defaults.version() + 1);
    }

    private static LoanRule rule(long id, Long school, PatronType type, Grade lowest, Grade highest,
                                 ItemType itemType, LoanPeriod period, long version) {
        return new LoanRule(id, school, type, lowest, highest, itemType, period, 2, 1, true, new BigDecimal("0.10"),
                new BigDecimal("1.00"), version);
    }

    private static long school(JdbcClient jdbc, String code) {
        jdbc.sql("""
                insert into school (code, name, lowest_grade, highest_grade, school_level)
                values (:code, :code, 0, 5, 'ELEMENTARY')""").param("code", code).update();
        return jdbc.sql("select id from school where code = :code").param("code", code).query(Long.class).single();
    }
}
