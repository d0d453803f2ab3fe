package org.carrel.patrons;

import static org.assertj.core.api.Assertions.assertThat;

import org.carrel.testing.OnEachDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The PIN store on H2 and on PostgreSQL: one hash per patron, replaced, deleted, and gone with the patron. */
class PinStoreTest {

    @OnEachDatabase
    void putsReplacesAndDeletesAPatronsPinHash(JdbcClient jdbc) {
        PatronStore patrons = new PatronStore(jdbc);
        long id = patrons.insert(PatronStoreTest.student("Mía", "Ruiz", "P0100", null, null), PatronStoreTest.NOW);
        PinStore store = new PinStore(jdbc);
        assertThat(store.hash(id)).isEmpty();

        store.put(id, "{bcrypt}first", PatronStoreTest.NOW, "staff");
        store.put(id, "{bcrypt}second", PatronStoreTest.NOW.plusDays(1), "staff");
        assertThat(store.hash(id)).contains("{bcrypt}second");
        assertThat(jdbc.sql("select count(*) from patron_pin").query(Integer.class).single()).isEqualTo(1);

        assertThat(store.delete(id)).isTrue();
        assertThat(store.delete(id)).isFalse();
        store.put(id, "{bcrypt}third", PatronStoreTest.NOW, "staff");
        new PatronRecordsStore(jdbc).delete(id);
        assertThat(store.hash(id)).as("deleted with the patron").isEmpty();
    }
}
