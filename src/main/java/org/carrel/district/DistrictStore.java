package org.carrel.district;

import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the single district row (id 1). */
@Repository
class DistrictStore {

    private final JdbcClient jdbc;

    DistrictStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<DistrictSettings> find() {
        return jdbc.sql("""
                        select name, time_zone, default_language, min_group_size, reading_history_policy, version
                        from district where id = 1""")
                .query((row, n) -> new DistrictSettings(row.getString("name"), row.getString("time_zone"),
                        row.getString("default_language"), row.getInt("min_group_size"),
                        ReadingHistoryPolicy.valueOf(row.getString("reading_history_policy")), row.getLong("version")))
                .optional();
    }

    /**
     * Writes the settings when {@code version} is the one stored (0 before the first save); false when someone else
     * saved meanwhile.
     */
    boolean save(DistrictSettings settings, long version) {
        if (find().isEmpty()) {
            if (version != 0) {
                return false;
            }
            try {
                jdbc.sql("""
                                insert into district (id, name, time_zone, default_language, min_group_size,
                                                      reading_history_policy, version)
                                values (1, :name, :zone, :language, :minGroup, :policy, 1)""")
                        .params(params(settings)).update();
                return true;
            } catch (DuplicateKeyException concurrentFirstSave) {
                return false;
            }
        }
        return jdbc.sql("""
                        update district set name = :name, time_zone = :zone, default_language = :language,
                               min_group_size = :minGroup, reading_history_policy = :policy, version = version + 1
                        where id = 1 and version = :version""")
                .params(params(settings)).param("version", version).update() == 1;
    }

    private static java.util.Map<String, Object> params(DistrictSettings settings) {
        return java.util.Map.of("name", settings.name(), "zone", settings.timeZone(),
                "language", settings.defaultLanguage(), "minGroup", settings.minGroupSize(),
                "policy", settings.readingHistoryPolicy().name());
    }
}
