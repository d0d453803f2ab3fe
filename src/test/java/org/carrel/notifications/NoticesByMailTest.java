package org.carrel.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.carrel.circulation.Circulation;
import org.carrel.circulation.CirculationFixtures;
import org.carrel.circulation.HoldRequest;
import org.carrel.circulation.Holds;
import org.carrel.testing.CarrelTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every circulation notice type, from the day's run to a real SMTP server (GreenMail): the right people get them, each
 * in their own language, one letter each; the homeroom teacher's digest combines their students.
 */
@CarrelTest
@Import(NoticeFixtures.class)
class NoticesByMailTest {

    static final Smtp SMTP = new Smtp();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SMTP::port);
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Autowired
    CirculationFixtures fixtures;
    @Autowired
    NoticeFixtures notices;
    @Autowired
    Circulation circulation;
    @Autowired
    Holds holds;
    @Autowired
    NoticeRuns runs;
    @Autowired
    OutboxSender sender;

    @Test
    void eachNoticeTypeReachesItsRecipientsInTheirLanguageAndTheTeacherGetsOneDigest() throws Exception {
        String school = fixtures.school();
        long schoolId = fixtures.schoolId(school);
        LocalDate today = fixtures.now().toLocalDate();
        String teacher = fixtures.teacherOf(school, "Room 9", "Grace");
        notices.contact(fixtures.patronId(teacher), "grace@example.org", "en");
        String ana = fixtures.student(school, "4", "Room 9", "");
        long anaId = fixtures.patronId(ana);
        notices.contact(anaId, "ana@example.org", "en");
        long mother = notices.guardian(anaId, school, "mama@example.org", "es");
        String ben = fixtures.student(school, "4", "Room 9", "");
        long benId = fixtures.patronId(ben);
        notices.contact(benId, "ben@example.org", "es");

        notices.lend(ana, school, "Hatchet", 3); // overdue, first notice
        notices.lend(ana, school, "Holes", -1); // due tomorrow: courtesy
        long lost = notices.lend(ana, school, "Wonder", 80).loanId(); // lost, with its charge
        assertThat(circulation.declareLost(lost, "test")).isTrue();
        notices.lend(ben, school, "Matilda", 9); // overdue, second notice
        long record = fixtures.title("Owls of the World");
        String copy = fixtures.copy(record, school);
        notices.lend(ana, copy);
        holds.place(HoldRequest.onTitle(benId, record, schoolId, "test"));
        circulation.checkin(copy, schoolId, "test"); // ready for Ben

        int letters = runs.run(NoticeJob.NOTICES, today, false, Set.of(schoolId), false, "test").messages().size();
        int digests = runs.run(NoticeJob.DIGEST, today, false, Set.of(schoolId), false, "test").messages().size();
        assertThat(sender.sendDue().sent()).isEqualTo(letters + digests);

        Map<String, MimeMessage> byRecipient = SMTP.received().stream().filter(m -> to(m).endsWith("@example.org"))
                .collect(Collectors.toMap(NoticesByMailTest::to, m -> m));
        assertThat(byRecipient).containsOnlyKeys("ana@example.org", "mama@example.org", "ben@example.org",
                "grace@example.org");
        String toAna = OutboxTest.text(byRecipient.get("ana@example.org"));
        assertThat(toAna).contains("These items borrowed by").contains("are due soon").contains("Hatchet")
                .contains("count as lost").contains("Wonder").contains("library charges:\n- Lost: Wonder")
                .doesNotContain("Matilda").doesNotContain("Owls").doesNotContain("\n\n\n");
        assertThat(byRecipient.get("ana@example.org").getSubject()).startsWith("Library notices for");
        String toMother = OutboxTest.text(byRecipient.get("mama@example.org"));
        assertThat(byRecipient.get("mama@example.org").getSubject()).startsWith("Avisos de la biblioteca para");
        assertThat(toMother).contains("Estimado/a").contains("están vencidos").contains("se consideran perdidos")
                .contains("Hatchet");
        String toBen = OutboxTest.text(byRecipient.get("ben@example.org"));
        assertThat(toBen).contains("Segundo aviso").contains("Matilda").contains("listos para recoger")
                .contains("Owls of the World").doesNotContain("Hatchet");
        String digest = OutboxTest.text(byRecipient.get("grace@example.org"));
        assertThat(byRecipient.get("grace@example.org").getSubject()).startsWith("Overdue library items in your class");
        assertThat(digest).contains("Tester").contains("overdue item(s)").doesNotContain("Hatchet")
                .doesNotContain("Matilda");
        assertThat(List.of(digest.split("\n")).stream().filter(line -> line.startsWith("- "))).hasSize(2);
    }

    private static String to(MimeMessage message) {
        try {
            String to = message.getRecipients(Message.RecipientType.TO)[0].toString();
            return to.replaceAll(".*<(.*)>.*", "$1");
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
