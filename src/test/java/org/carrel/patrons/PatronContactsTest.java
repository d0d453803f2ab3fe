package org.carrel.patrons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carrel.patrons.PatronStoreTest.NOW;
import static org.carrel.patrons.PatronStoreTest.student;

import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.carrel.testing.OnEachDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Who notices go to, read in bulk, on H2 and on PostgreSQL. */
class PatronContactsTest {

    @OnEachDatabase
    void readsNamesAddressesLanguagesGuardiansAndHomeroomTeachers(JdbcClient jdbc) {
        PatronStore store = new PatronStore(jdbc);
        long room = store.insertHomeroom(1, "Room 7");
        long teacher = store.insert(new PatronStore.Stored(PatronType.TEACHER, "Grace", "Hopper", null, 1, "T0001",
                null, null, null, null, " grace@example.org ", "en", false, null, null), NOW);
        store.setHomeroomTeacher(room, teacher);
        long ana = store.insert(student("Ana", "Lopez", "P0001", "S1", room), NOW);
        long rosa = store.insert(new PatronStore.Stored(PatronType.GUARDIAN, "Rosa", "Lopez", null, 1, "G0001", null,
                null, null, null, "rosa@example.org", "es", false, null, null), NOW);
        store.link(ana, rosa);
        PatronContacts contacts = new PatronContacts(jdbc);

        Map<Long, PatronContacts.Contact> found = contacts.of(List.of(ana, rosa, ana, 999_999L));

        assertThat(found).containsOnlyKeys(ana, rosa);
        PatronContacts.Contact student = found.get(ana);
        assertThat(student.name()).isEqualTo("Ana Lopez");
        assertThat(student.homeroomTeacherId()).isEqualTo(teacher);
        assertThat(student.homeroomName()).isEqualTo("Room 7");
        assertThat(student.guardianIds()).containsExactly(rosa);
        assertThat(found.get(rosa).language()).isEqualTo("es");
        assertThat(contacts.teachers(1L)).singleElement().extracting(PatronContacts.Contact::email)
                .isEqualTo("grace@example.org");
        assertThat(contacts.teachers(null)).hasSize(1);
        assertThat(contacts.teachers(2L)).isEmpty();

        List<Long> many = LongStream.range(0, 2500).map(i -> store.insert(student("Kid", "N" + i, "K" + i, "SK" + i,
                null), NOW)).boxed().toList();
        assertThat(contacts.of(many)).as("more than one chunk").hasSize(2500);
    }
}
