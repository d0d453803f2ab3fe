package org.carrel.district;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.carrel.testing.OnEachDatabase;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

class SchoolStoreTest {

    static SchoolStore.SchoolValues oakHill() {
        return new SchoolStore.SchoolValues("OAK", "Oak Hill Elementary", Grade.KINDERGARTEN, Grade.of(5),
                SchoolLevel.ELEMENTARY, "1 Oak Lane", null, "Riverbend", "OR", "97000");
    }

    static SchoolStore.SchoolValues lincoln() {
        return new SchoolStore.SchoolValues("LINC", "Lincoln Middle", Grade.of(6), Grade.of(8), SchoolLevel.MIDDLE,
                null, null, null, null, null);
    }

    @OnEachDatabase
    void storesASchoolAndFindsItByCodeAndId(JdbcClient jdbc) {
        SchoolStore store = new SchoolStore(jdbc);

        long id = store.insert(oakHill());

        SchoolView school = store.byCode("OAK").orElseThrow();
        assertThat(school.id()).isEqualTo(id);
        assertThat(school.name()).isEqualTo("Oak Hill Elementary");
        assertThat(school.gradeSpan()).isEqualTo("K-5");
        assertThat(school.level()).isEqualTo(SchoolLevel.ELEMENTARY);
        assertThat(school.addressLine2()).isNull();
        assertThat(school.version()).isZero();
        assertThat(store.byId(id)).contains(school);
    }

    @OnEachDatabase
    void listsSchoolsByName(JdbcClient jdbc) {
        SchoolStore store = new SchoolStore(jdbc);
        store.insert(oakHill());
        store.insert(lincoln());

        assertThat(store.all()).extracting(SchoolView::code).containsExactly("LINC", "OAK");
    }

    @OnEachDatabase
    void refusesASecondSchoolWithTheSameCode(JdbcClient jdbc) {
        SchoolStore store = new SchoolStore(jdbc);
        store.insert(oakHill());

        assertThat(store.codeTaken("OAK", null)).isTrue();
        assertThatThrownBy(() -> store.insert(oakHill())).isInstanceOf(DuplicateKeyException.class);
    }

    @OnEachDatabase
    void updatesOnlyWhenTheVersionIsCurrent(JdbcClient jdbc) {
        SchoolStore store = new SchoolStore(jdbc);
        long id = store.insert(oakHill());
        SchoolStore.SchoolValues renamed = new SchoolStore.SchoolValues("OAK", "Oak Hill School", Grade.PRE_K,
                Grade.of(5), SchoolLevel.ELEMENTARY, null, null, null, null, null);

        assertThat(store.update(id, 0, renamed)).isTrue();
        assertThat(store.update(id, 0, renamed)).as("second edit from the same stale page").isFalse();
        SchoolView school = store.byId(id).orElseThrow();
        assertThat(school.name()).isEqualTo("Oak Hill School");
        assertThat(school.gradeSpan()).isEqualTo("PK-5");
        assertThat(school.version()).isEqualTo(1);
    }

    @OnEachDatabase
    void doesNotCountTheSchoolItselfAsTakingItsCode(JdbcClient jdbc) {
        SchoolStore store = new SchoolStore(jdbc);
        long id = store.insert(oakHill());

        assertThat(store.codeTaken("OAK", id)).isFalse();
    }

    @OnEachDatabase
    void letsTheDatabaseRefuseAnInvertedGradeSpan(JdbcClient jdbc) {
        SchoolStore store = new SchoolStore(jdbc);
        SchoolStore.SchoolValues inverted = new SchoolStore.SchoolValues("BAD", "Bad", Grade.of(8), Grade.of(6),
                SchoolLevel.MIDDLE, null, null, null, null, null);

        assertThatThrownBy(() -> store.insert(inverted)).isInstanceOf(DataIntegrityViolationException.class);
    }
}
