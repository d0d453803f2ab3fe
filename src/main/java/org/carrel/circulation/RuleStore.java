package org.carrel.circulation;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.carrel.catalog.ItemType;
import org.carrel.district.Grade;
import org.carrel.patrons.PatronType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of the loan rules and the district's circulation settings. */
@Repository
class RuleStore {

    private static final String SELECT = """
            select id, school_id, patron_type, lowest_grade, highest_grade, item_type, period_kind, period_length,
                   fixed_due_on, max_loans, max_renewals, holds_allowed, daily_fine, fine_cap, version
            from loan_rule
            """;

    private final JdbcClient jdbc;

    RuleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every rule, district-wide ones first, then by school, patron type, grades and item type. */
    List<LoanRule> all() {
        return jdbc.sql(SELECT + """
                         order by case when school_id is null then 0 else 1 end, school_id, patron_type nulls first,
                         lowest_grade nulls first, item_type nulls first, id""")
                .query(RuleStore::rule).list();
    }

    /** The rules that can apply at a school: its own and the district-wide ones. */
    List<LoanRule> forSchool(long schoolId) {
        return jdbc.sql(SELECT + " where school_id is null or school_id = :school").param("school", schoolId)
                .query(RuleStore::rule).list();
    }

    Optional<LoanRule> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(RuleStore::rule).optional();
    }

    long insert(LoanRule rule) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into loan_rule (school_id, patron_type, lowest_grade, highest_grade, item_type,
                            period_kind, period_length, fixed_due_on, max_loans, max_renewals, holds_allowed,
                            daily_fine, fine_cap)
                        values (:school, :patronType, :lowest, :highest, :itemType, :kind, :length, :fixed,
                            :maxLoans, :maxRenewals, :holds, :fine, :cap)""")
                .paramSource(params(rule)).update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean update(LoanRule rule) {
        return jdbc.sql("""
                        update loan_rule set school_id = :school, patron_type = :patronType, lowest_grade = :lowest,
                            highest_grade = :highest, item_type = :itemType, period_kind = :kind,
                            period_length = :length, fixed_due_on = :fixed, max_loans = :maxLoans,
                            max_renewals = :maxRenewals, holds_allowed = :holds, daily_fine = :fine, fine_cap = :cap,
                            version = version + 1
                        where id = :id and version = :version""")
                .paramSource(params(rule)).update() == 1;
    }

    boolean delete(long id, long version) {
        return jdbc.sql("delete from loan_rule where id = :id and version = :version")
                .param("id", id).param("version", version).update() == 1;
    }

    /**
     * Locks the settings row until the transaction ends, so rule changes run one after the other and the check for
     * duplicate criteria (nulls are distinct in the unique constraint) cannot race.
     */
    void lockRules() {
        jdbc.sql("select id from circulation_settings where id = 1 for update").query(Long.class).single();
    }

    CirculationSettings settings() {
        return jdbc.sql("""
                        select lost_after_days, hold_shelf_days, teachers_first, inter_school_holds,
                               default_replacement, version
                        from circulation_settings where id = 1""")
                .query((row, n) -> new CirculationSettings(row.getInt("lost_after_days"),
                        row.getInt("hold_shelf_days"), row.getBoolean("teachers_first"),
                        row.getBoolean("inter_school_holds"), row.getBigDecimal("default_replacement"),
                        row.getLong("version")))
                .single();
    }

    boolean updateSettings(CirculationSettings settings) {
        return jdbc.sql("""
                        update circulation_settings set lost_after_days = :lost, hold_shelf_days = :shelf,
                            teachers_first = :teachers, inter_school_holds = :interSchool,
                            default_replacement = :replacement, version = version + 1
                        where id = 1 and version = :version""")
                .param("lost", settings.lostAfterDays()).param("shelf", settings.holdShelfDays())
                .param("teachers", settings.teachersFirst()).param("interSchool", settings.interSchoolHolds())
                .param("replacement", settings.defaultReplacement()).param("version", settings.version())
                .update() == 1;
    }

    private static org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(LoanRule rule) {
        return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("id", rule.id()).addValue("version", rule.version())
                .addValue("school", rule.schoolId())
                .addValue("patronType", rule.patronType() == null ? null : rule.patronType().name())
                .addValue("lowest", rule.lowestGrade() == null ? null : rule.lowestGrade().value())
                .addValue("highest", rule.highestGrade() == null ? null : rule.highestGrade().value())
                .addValue("itemType", rule.itemType() == null ? null : rule.itemType().name())
                .addValue("kind", rule.period().kind().name()).addValue("length", rule.period().length())
                .addValue("fixed", rule.period().fixedDate())
                .addValue("maxLoans", rule.maxLoans()).addValue("maxRenewals", rule.maxRenewals())
                .addValue("holds", rule.holdsAllowed()).addValue("fine", rule.dailyFine())
                .addValue("cap", rule.fineCap());
    }

    private static LoanRule rule(ResultSet row, int n) throws SQLException {
        Integer lowest = (Integer) row.getObject("lowest_grade", Integer.class);
        Integer highest = (Integer) row.getObject("highest_grade", Integer.class);
        String patronType = row.getString("patron_type");
        String itemType = row.getString("item_type");
        BigDecimal fine = row.getBigDecimal("daily_fine");
        return new LoanRule(row.getLong("id"), (Long) row.getObject("school_id", Long.class),
                patronType == null ? null : PatronType.valueOf(patronType),
                lowest == null ? null : Grade.of(lowest), highest == null ? null : Grade.of(highest),
                itemType == null ? null : ItemType.valueOf(itemType),
                new LoanPeriod(LoanPeriod.Kind.valueOf(row.getString("period_kind")),
                        (Integer) row.getObject("period_length", Integer.class),
                        row.getObject("fixed_due_on", LocalDate.class)),
                row.getInt("max_loans"), row.getInt("max_renewals"), row.getBoolean("holds_allowed"),
                fine, row.getBigDecimal("fine_cap"), row.getLong("version"));
    }
}
