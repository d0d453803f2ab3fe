package org.carrel.notifications;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class NoticeSettingsStore {

    private final JdbcClient jdbc;

    NoticeSettingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    NoticeSettings get() {
        return jdbc.sql("""
                        select courtesy_days_before, overdue_first_days, overdue_second_days,
                               hold_expiring_days_before, to_student, to_guardians, homeroom_digest,
                               homeroom_digest_titles, version
                        from notice_settings where id = 1""")
                .query((row, n) -> new NoticeSettings(row.getInt(1), row.getInt(2), row.getInt(3), row.getInt(4),
                        row.getBoolean(5), row.getBoolean(6), row.getBoolean(7), row.getBoolean(8), row.getLong(9)))
                .single();
    }

    /** Saves the settings if {@code s.version()} is current; false when someone else saved first. */
    boolean update(NoticeSettings s) {
        return jdbc.sql("""
                        update notice_settings set courtesy_days_before = :courtesy, overdue_first_days = :first,
                            overdue_second_days = :second, hold_expiring_days_before = :hold, to_student = :student,
                            to_guardians = :guardians, homeroom_digest = :digest, homeroom_digest_titles = :titles,
                            version = version + 1
                        where id = 1 and version = :version""")
                .param("courtesy", s.courtesyDaysBefore()).param("first", s.overdueFirstDays())
                .param("second", s.overdueSecondDays()).param("hold", s.holdExpiringDaysBefore())
                .param("student", s.toStudent()).param("guardians", s.toGuardians())
                .param("digest", s.homeroomDigest()).param("titles", s.homeroomDigestTitles())
                .param("version", s.version()).update() == 1;
    }
}
