package org.carrel.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.carrel.testing.CarrelTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The outbox against a real SMTP server (GreenMail on a free port): what is queued arrives once, in UTF-8; a
 * temporary failure is sent once the server is back; a bad address fails at once and is shown; a sender that dies
 * in the middle of a batch leaves at most the message in hand uncertain, and after a restart the rest go, none twice;
 * two nodes sending at once send each message once.
 */
@CarrelTest
class OutboxTest {

    static final Smtp SMTP = new Smtp();
    private static final AtomicInteger NEXT = new AtomicInteger();

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
    Outbox outbox;
    @Autowired
    OutboxSender sender;
    @Autowired
    OutboxStore store;
    @Autowired
    MailDelivery mail;
    @Autowired
    ObjectProvider<JavaMailSender> senders;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @BeforeEach
    void emptyOutbox() {
        jdbc.sql("delete from notice_message").update();
        SMTP.purge();
    }

    @Test
    void aQueuedMessageArrivesOnceWithItsTextInUtf8() throws Exception {
        long id = queue("Ana López", "ana@example.org", "Materiales vencidos de la biblioteca de Ana",
                "Estos materiales están vencidos:\n- Cien años de soledad, vence el 20 nov 2026\n");
        assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(OutboxStatus.QUEUED);

        OutboxSender.Counts counts = sender.sendDue();

        assertThat(counts.sent()).isEqualTo(1);
        assertThat(SMTP.received()).hasSize(1);
        MimeMessage got = SMTP.received().get(0);
        assertThat(got.getSubject()).isEqualTo("Materiales vencidos de la biblioteca de Ana");
        assertThat(got.getRecipients(Message.RecipientType.TO)[0].toString()).contains("ana@example.org");
        assertThat(got.getFrom()[0].toString()).isEqualTo(mail.from());
        assertThat(((String) got.getContent()).replace("\r\n", "\n")).contains("Cien años de soledad");
        OutboxEntry sent = outbox.find(id).orElseThrow();
        assertThat(sent.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(sent.sentAt()).isNotNull();
        assertThat(sent.attempts()).isEqualTo(1);

        assertThat(sender.sendDue().sent()).as("nothing left to send").isZero();
        assertThat(SMTP.received()).hasSize(1);
    }

    @Test
    void aMessageThatFailsForAWhileIsSentOnceTheServerIsBack() throws Exception {
        SMTP.stop();
        long id;
        try {
            id = queue("Ben Ortiz", "ben@example.org", "Overdue library items for Ben", "Hatchet, due Nov 20\n");
            OutboxSender.Counts counts = sender.sendDue();

            assertThat(counts.sent()).isZero();
            assertThat(counts.serverProblem()).contains("127.0.0.1:" + SMTP.port());
            assertThat(sender.serverProblem().reason()).as("shown to staff").contains("cannot reach");
            OutboxEntry waiting = outbox.find(id).orElseThrow();
            assertThat(waiting.status()).isEqualTo(OutboxStatus.QUEUED);
            assertThat(waiting.attempts()).as("an unreachable server costs the message no try").isZero();
        } finally {
            SMTP.start();
        }

        assertThat(sender.sendDue().sent()).isEqualTo(1);

        assertThat(SMTP.subjects()).containsExactly("Overdue library items for Ben");
        OutboxEntry sent = outbox.find(id).orElseThrow();
        assertThat(sent.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(sender.serverProblem()).isNull();
    }

    @Test
    void aTryLaterAnswerIsTriedAgainAfterAGrowingWaitAndARefusalIsNot() {
        MailDelivery.Failure later = MailDelivery.classify(new SMTPSendFailedException("DATA", 451,
                "451 4.3.0 Mail server temporarily rejected message", null, null, null, null));
        MailDelivery.Failure refused = MailDelivery.classify(new SMTPAddressFailedException(
                addressOf("nobody@example.org"), "RCPT TO", 550, "550 5.1.1 No such user"));

        assertThat(later.permanent()).isFalse();
        assertThat(later.reason()).contains("try later");
        assertThat(refused.permanent()).isTrue();
        assertThat(refused.reason()).contains("No such user");
        assertThat(List.of(1, 2, 3, 4, 9, 30)).extracting(OutboxSender::wait).containsExactly(Duration.ofMinutes(1),
                Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8), Duration.ofHours(4),
                Duration.ofHours(4));
    }

    @Test
    void anAddressTheServerCannotTakeFailsAtOnceAndStaffSeeWhy() {
        long bad = queue("Cara Diaz", "cara at example", "Holds ready", "Owls, pick up by Dec 1\n");
        long good = queue("Dan Eck", "dan@example.org", "Holds ready", "Owls, pick up by Dec 1\n");

        OutboxSender.Counts counts = sender.sendDue();

        assertThat(counts.failed()).isEqualTo(1);
        assertThat(counts.sent()).isEqualTo(1);
        OutboxEntry failed = outbox.find(bad).orElseThrow();
        assertThat(failed.status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(failed.lastError()).contains("cara at example");
        assertThat(outbox.waiting(null)).extracting(OutboxEntry::id).contains(bad).doesNotContain(good);

        assertThat(outbox.resend(bad, "librarian")).isTrue();
        assertThat(outbox.find(bad).orElseThrow().status()).isEqualTo(OutboxStatus.QUEUED);
        assertThat(outbox.resend(good, "librarian")).as("a sent message is not resent").isFalse();
    }

    @Test
    void aSenderThatDiesInTheMiddleOfABatchLeavesOneUncertainAndTheRestGoOnceAfterARestart() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(queue("Reader " + i, "reader" + i + "@example.org", "Notice " + i, "Text " + i + "\n"));
        }
        OutboxSender dying = new OutboxSender(store, new DyingAfter(4), clock, 10, 1);
        try {
            dying.sendDue();
        } catch (PowerCut expected) {
            // The process died right after the server took the fourth message, before it was marked sent.
        }
        assertThat(SMTP.received()).hasSize(4);
        assertThat(outbox.find(ids.get(3)).orElseThrow().status()).isEqualTo(OutboxStatus.SENDING);

        // A new process, five minutes later.
        OutboxSender restarted = new OutboxSender(store, mail, Clock.offset(clock, OutboxSender.STUCK
                .plusSeconds(1)), 10, 4);
        OutboxSender.Counts counts = restarted.sendDue();

        assertThat(counts.uncertain()).isEqualTo(1);
        assertThat(counts.sent()).isEqualTo(6);
        assertThat(SMTP.subjects()).as("each once").hasSize(10).doesNotHaveDuplicates();
        OutboxEntry uncertain = outbox.find(ids.get(3)).orElseThrow();
        assertThat(uncertain.status()).isEqualTo(OutboxStatus.UNCERTAIN);
        assertThat(outbox.waiting(null)).extracting(OutboxEntry::id).containsExactly(ids.get(3));
        assertThat(restarted.sendDue().sent()).as("an uncertain message is not resent by itself").isZero();
        assertThat(SMTP.received()).hasSize(10);
    }

    @Test
    void twoNodesSendingAtOnceSendEachMessageOnce() throws Exception {
        for (int i = 0; i < 120; i++) {
            queue("Reader " + i, "reader" + i + "@example.org", "Batch " + i, "Text\n");
        }
        OutboxSender other = new OutboxSender(store, mail, clock, 10, 4);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Callable<OutboxSender.Counts>> passes = List.of(sender::sendDue, other::sendDue);
            int sent = 0;
            for (Future<OutboxSender.Counts> pass : nodes.invokeAll(passes)) {
                sent += pass.get().sent();
            }
            assertThat(sent).isEqualTo(120);
        } finally {
            nodes.shutdown();
        }
        assertThat(SMTP.subjects()).hasSize(120).doesNotHaveDuplicates();
        assertThat(store.countWithStatus(OutboxStatus.SENT)).isEqualTo(120);
    }

    @Test
    void sentTextIsClearedAfterTheKeepingTimeButTheLogStays() {
        long id = queue("Eve Fox", "eve@example.org", "Overdue", "Hatchet, due Nov 20\n");
        sender.sendDue();
        jdbc.sql("update notice_message set sent_at = :long_ago where id = :id")
                .param("long_ago", OutboxStore.at(clock.instant().minus(Duration.ofDays(31)))).param("id", id).update();

        assertThat(outbox.clearOldBodies()).isEqualTo(1);

        OutboxEntry entry = outbox.find(id).orElseThrow();
        assertThat(entry.body()).isNull();
        assertThat(entry.subject()).isEqualTo("Overdue");
        assertThat(entry.recipientEmail()).isEqualTo("eve@example.org");
    }

    private long queue(String name, String email, String subject, String body) {
        return outbox.enqueue(new NewMessage(NoticeKind.OVERDUE_FIRST, null, null, null, name, email, "en", subject,
                body, 1), "test-" + NEXT.incrementAndGet());
    }

    /** Stands for the process dying. */
    static final class PowerCut extends RuntimeException {
    }

    /** The real SMTP connection, but the process dies right after the server took message number {@code n}. */
    final class DyingAfter extends MailDelivery {

        private final int n;

        DyingAfter(int n) {
            super(senders, mail.from());
            this.n = n;
        }

        @Override
        Connection open() throws DeliveryException {
            Connection real = super.open();
            AtomicInteger handed = new AtomicInteger();
            return new Connection() {
                @Override
                public Failure send(OutboxStore.Outgoing message) {
                    Failure failure = real.send(message);
                    if (handed.incrementAndGet() == n) {
                        throw new PowerCut();
                    }
                    return failure;
                }

                @Override
                public void close() {
                    real.close();
                }
            };
        }
    }

    private static InternetAddress addressOf(String text) {
        try {
            return new InternetAddress(text);
        } catch (AddressException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String text(MimeMessage message) throws IOException, MessagingException {
        return ((String) message.getContent()).replace("\r\n", "\n");
    }
}
