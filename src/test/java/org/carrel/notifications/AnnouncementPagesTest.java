package org.carrel.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.carrel.accounts.AuditLog;
import org.carrel.accounts.Role;
import org.carrel.circulation.CirculationFixtures;
import org.carrel.testing.CarrelTest;
import org.carrel.testing.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A librarian's announcement of new titles: previewed, then one message to every active teacher of the chosen
 * school and to nobody else (a copy to print for a teacher without an address), audited; bad picks are refused.
 */
@CarrelTest
@Import(CirculationFixtures.class)
class AnnouncementPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    CirculationFixtures fixtures;
    @Autowired
    Outbox outbox;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;

    String school;
    long schoolId;
    long maria;
    long noAddress;
    long owls;
    String frogsCopy;

    @BeforeEach
    void aSchoolWithTeachersAndNewTitles() {
        school = fixtures.school();
        schoolId = fixtures.schoolId(school);
        maria = teacher(school, "maria@example.org", "es");
        noAddress = teacher(school, null, "en");
        long retired = teacher(school, "retired@example.org", "en");
        jdbc.sql("update patron set status = 'INACTIVE' where id = :id").param("id", retired).update();
        long student = fixtures.patronId(fixtures.student(school, "4"));
        jdbc.sql("update patron set email = 'kid@example.org' where id = :id").param("id", student).update();
        teacher(fixtures.school(), "elsewhere@example.org", "en");
        owls = fixtures.title("Owls of the World");
        fixtures.copy(owls, school);
        frogsCopy = fixtures.copy(fixtures.title("Frogs and Toads"), school);
    }

    @Test
    void theAnnouncementReachesEveryActiveTeacherOfTheSchoolAndOnlyThem() throws Exception {
        mvc.perform(get("/staff/notices/announce").param("school", school).with(Users.as(Role.LIBRARIAN, schoolId)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"record\" value=\"" + owls + "\"")));
        mvc.perform(post("/staff/notices/announce/preview").with(csrf()).with(Users.as(Role.LIBRARIAN, schoolId))
                        .param("school", school).param("message", "New science books!")
                        .param("titles", frogsCopy.toLowerCase()).param("record", String.valueOf(owls)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2 teacher(s) get this message, 1 of them on paper")))
                .andExpect(content().string(containsString("Owls of the World")))
                .andExpect(content().string(containsString("Frogs and Toads")))
                .andExpect(content().string(not(containsString("retired@example.org"))));
        assertThat(announcements()).as("a preview queues nothing").isEmpty();

        mvc.perform(post("/staff/notices/announce").with(csrf()).with(Users.as(Role.LIBRARIAN, schoolId))
                        .param("school", school).param("message", "New science books!")
                        .param("titles", owls + " " + frogsCopy))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/staff/notices/announce?school=" + school + "&queued=2"));

        List<OutboxEntry> sent = announcements();
        assertThat(sent).extracting(OutboxEntry::recipientId).containsExactlyInAnyOrder(maria, noAddress);
        OutboxEntry toMaria = sent.stream().filter(e -> e.recipientId() == maria).findFirst().orElseThrow();
        assertThat(toMaria.recipientEmail()).isEqualTo("maria@example.org");
        assertThat(toMaria.subject()).isEqualTo("Novedades en la biblioteca");
        assertThat(toMaria.body()).contains("New science books!", "Owls of the World", "Frogs and Toads",
                "http://localhost:8080/catalog/records/" + owls);
        assertThat(toMaria.itemCount()).isEqualTo(2);
        assertThat(sent.stream().filter(e -> e.recipientId() == noAddress).findFirst().orElseThrow().noAddress())
                .isTrue();
        assertThat(audit.newest("notifications.announcement.queued", 50)).anyMatch(e -> e.recordId()
                .equals(String.valueOf(schoolId)) && e.detail().startsWith("2 message(s)"));
    }

    @Test
    void unknownTitlesAnEmptyMessageAndAnotherSchoolAreRefused() throws Exception {
        mvc.perform(post("/staff/notices/announce/preview").with(csrf()).with(Users.as(Role.LIBRARIAN, schoolId))
                        .param("school", school).param("message", " ").param("titles", owls + " NO-SUCH-COPY"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString(
                        "Neither a record number nor a copy barcode: NO-SUCH-COPY.")))
                .andExpect(content().string(containsString("Write a message to the teachers.")));
        String other = fixtures.school();
        mvc.perform(post("/staff/notices/announce").with(csrf()).with(Users.as(Role.LIBRARIAN, schoolId))
                        .param("school", other).param("message", "Hello").param("titles", String.valueOf(owls)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Choose one of your schools.")));
        assertThat(announcements()).isEmpty();
    }

    private List<OutboxEntry> announcements() {
        return outbox.waiting(List.of(schoolId)).stream().filter(e -> e.kind() == NoticeKind.ANNOUNCEMENT).toList();
    }

    private long teacher(String at, String email, String language) {
        long id = fixtures.patronId(fixtures.teacher(at));
        jdbc.sql("update patron set email = :email, preferred_language = :lang where id = :id").param("email", email)
                .param("lang", language).param("id", id).update();
        return id;
    }
}
