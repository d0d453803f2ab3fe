package org.carrel.district;

import static org.assertj.core.api.Assertions.assertThat;

import org.carrel.testing.OnEachDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

class LocationStoreTest {

    @OnEachDatabase
    void listsASchoolsLocationsInSortOrder(JdbcClient jdbc) {
        long oak = new SchoolStore(jdbc).insert(SchoolStoreTest.oakHill());
        LocationStore store = new LocationStore(jdbc);
        store.insert(oak, "REF", "Reference", 30);
        store.insert(oak, "EASY", "Easy", 10);
        store.insert(oak, "FIC", "Fiction", 20);

        assertThat(store.ofSchool(oak)).extracting(LocationView::code).containsExactly("EASY", "FIC", "REF");
        assertThat(store.nextSortOrder(oak)).isEqualTo(40);
    }

    @OnEachDatabase
    void keepsCodesUniquePerSchoolOnly(JdbcClient jdbc) {
        SchoolStore schools = new SchoolStore(jdbc);
        long oak = schools.insert(SchoolStoreTest.oakHill());
        long lincoln = schools.insert(SchoolStoreTest.lincoln());
        LocationStore store = new LocationStore(jdbc);
        store.insert(oak, "FIC", "Fiction", 10);

        assertThat(store.codeTaken(oak, "FIC", null)).isTrue();
        assertThat(store.codeTaken(lincoln, "FIC", null)).isFalse();
        store.insert(lincoln, "FIC", "Fiction", 10);
        assertThat(store.ofSchool(lincoln)).hasSize(1);
    }

    @OnEachDatabase
    void neverEditsOrRemovesAnotherSchoolsLocation(JdbcClient jdbc) {
        SchoolStore schools = new SchoolStore(jdbc);
        long oak = schools.insert(SchoolStoreTest.oakHill());
        long lincoln = schools.insert(SchoolStoreTest.lincoln());
        LocationStore store = new LocationStore(jdbc);
        long fiction = store.insert(oak, "FIC", "Fiction", 10);

        assertThat(store.update(lincoln, fiction, 0, "FIC", "Mine now", 10)).isFalse();
        assertThat(store.delete(lincoln, fiction)).isFalse();
        assertThat(store.update(oak, fiction, 0, "FIC", "Fiction A-Z", 10)).isTrue();
        assertThat(store.find(oak, fiction).orElseThrow().name()).isEqualTo("Fiction A-Z");
        assertThat(store.delete(oak, fiction)).isTrue();
        assertThat(store.ofSchool(oak)).isEmpty();
    }
}
