package org.carrel.patrons;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who to write to about patrons, read in bulk (notices go to thousands at once): each patron's name, e-mail address
 * and language, their guardians and their homeroom's teacher. Not audited: no loan is read here, and what a message
 * may say is the notifications module's rule.
 */
@Service
public class PatronContacts {

    /** A patron as a notice addresses them; {@code email} is null when none is on file. */
    public record Contact(long id, String name, PatronType type, PatronStatus status, long schoolId, String email,
                          String language, Long homeroomTeacherId, String homeroomName, List<Long> guardianIds) {
    }

    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;

    PatronContacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The contacts of these patrons, by id (unknown ids are left out). */
    @Transactional(readOnly = true)
    public Map<Long, Contact> of(Collection<Long> ids) {
        List<Long> all = ids.stream().distinct().toList();
        Map<Long, Contact> contacts = new HashMap<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            Map<Long, List<Long>> guardians = new HashMap<>();
            jdbc.sql("select student_id, guardian_id from patron_guardian where student_id in (:ids)"
                            + " order by student_id, guardian_id").param("ids", chunk)
                    .query(row -> {
                        guardians.computeIfAbsent(row.getLong(1), k -> new ArrayList<>()).add(row.getLong(2));
                    });
            jdbc.sql("""
                            select p.id, p.given_name, p.preferred_name, p.family_name, p.patron_type, p.status,
                                   p.school_id, p.email, p.preferred_language, h.teacher_id, h.name as homeroom
                            from patron p left join homeroom h on h.id = p.homeroom_id and h.kind = 'HOMEROOM'
                            where p.id in (:ids)""").param("ids", chunk)
                    .query(row -> {
                        long id = row.getLong("id");
                        contacts.put(id, new Contact(id, Names.display(row.getString("given_name"),
                                row.getString("preferred_name"), row.getString("family_name")),
                                PatronType.valueOf(row.getString("patron_type")),
                                PatronStatus.valueOf(row.getString("status")), row.getLong("school_id"),
                                blankToNull(row.getString("email")), row.getString("preferred_language"),
                                row.getObject("teacher_id", Long.class), row.getString("homeroom"),
                                List.copyOf(guardians.getOrDefault(id, List.of()))));
                    });
        }
        return contacts;
    }

    /** The active teachers of a school (all schools when null), by name. */
    @Transactional(readOnly = true)
    public List<Contact> teachers(Long schoolId) {
        List<Long> ids = jdbc.sql("select id from patron where patron_type = 'TEACHER' and status = 'ACTIVE'"
                        + (schoolId == null ? "" : " and school_id = :school") + " order by name_key, id")
                .param("school", schoolId == null ? -1L : schoolId).query(Long.class).list();
        Map<Long, Contact> found = of(ids);
        return ids.stream().map(found::get).toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
