package org.carrel.district;

import static org.assertj.core.api.Assertions.assertThat;

import org.carrel.testing.OnEachDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

class DistrictStoreTest {

    private static final DistrictSettings RIVERBEND = new DistrictSettings("Riverbend Unified School District",
            "America/Chicago", "es", 12, ReadingHistoryPolicy.GUARDIAN, 0);

    @OnEachDatabase
    void hasNoDistrictUntilTheFirstSave(JdbcClient jdbc) {
        assertThat(new DistrictStore(jdbc).find()).isEmpty();
    }

    @OnEachDatabase
    void savesTheDistrictOnceAndThenOnlyFromTheCurrentVersion(JdbcClient jdbc) {
        DistrictStore store = new DistrictStore(jdbc);

        assertThat(store.save(RIVERBEND, 0)).isTrue();
        assertThat(store.save(RIVERBEND, 0)).as("a second first save").isFalse();
        assertThat(store.save(RIVERBEND, 1)).isTrue();

        DistrictSettings saved = store.find().orElseThrow();
        assertThat(saved.name()).isEqualTo("Riverbend Unified School District");
        assertThat(saved.minGroupSize()).isEqualTo(12);
        assertThat(saved.readingHistoryPolicy()).isEqualTo(ReadingHistoryPolicy.GUARDIAN);
        assertThat(saved.version()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from district").query(Long.class).single()).isEqualTo(1);
    }
}
