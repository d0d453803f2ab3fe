package org.carrel.sip2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.carrel.catalog.Copies;
import org.carrel.catalog.ItemStatus;
import org.carrel.circulation.CirculationFixtures;
import org.carrel.shared.AdminCommand;
import org.carrel.testing.CarrelTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A real TCP connection to the SIP2 server: messages as the 2.00 specification writes them (with sequence numbers
 * and checksums where the client uses them), answers read field by field.
 */
@CarrelTest
@Import(CirculationFixtures.class)
class SipServerTest {

    private static final AtomicInteger TERMINALS = new AtomicInteger();
    private static final String DATE = "20260309    101500";
    private static final String PASSWORD = "kiosk-pass-1";

    @Autowired
    CirculationFixtures fixtures;
    @Autowired
    SipTerminals terminals;
    @Autowired
    SipServer server;
    @Autowired
    Copies copies;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    CreateSipTerminalCommand command;
    @Autowired
    DataSource dataSource;

    String school;
    String login;
    String copy;
    String student;
    Client client;

    @BeforeEach
    void aKioskAtASchool() throws IOException {
        school = fixtures.school();
        long record = fixtures.title("Hatchet");
        copy = fixtures.copy(record, school);
        student = fixtures.student(school, "6");
        login = "kiosk-" + TERMINALS.incrementAndGet();
        SipTerminals.Created created = terminals.create(login, PASSWORD, school, "127.0.0.0/8, ::1", "test");
        assertThat(created.problem()).isNull();
        assertThat(server.localPort()).as("listening once a terminal exists").isPositive();
        client = new Client(server.localPort());
    }

    @AfterEach
    void hangUp() throws IOException {
        client.close();
    }

    @Test
    void logsInWithTheTerminalsPasswordOnlyAndChecksumsTheAnswer() throws IOException {
        assertThat(client.send(withChecksum("9300CN" + login + "|COwrong-password|CP" + school + "|AY0AZ")))
                .isEqualTo(withChecksum("940AY0AZ"));
        assertThat(client.send(withChecksum("9300CN" + login + "|CO" + PASSWORD + "|CP" + school + "|AY1AZ")))
                .isEqualTo(withChecksum("941AY1AZ"));
        assertThat(client.send("9300CN" + login + "|CO" + PASSWORD + "|")).as("without error detection")
                .isEqualTo("941");
    }

    @Test
    void statusSaysOnlineAndWhichMessagesAreSupported() throws IOException {
        logIn();
        String answer = client.send(withChecksum("9900302.00AY1AZ"));

        assertThat(answer).startsWith("98YYYNNN030003").contains("2.00AO" + school + "|");
        assertThat(answer.substring(14, 32)).matches("\\d{8} {4}\\d{6}");
        // BX in the specification's order: 23 11 09 01 99 97 93 63 35 37 17 19 25 15 29 65.
        assertThat(field(answer, "BX")).isEqualTo("YYYYYYYYYYYNNYYY");
        assertThat(field(answer, "AN")).isEqualTo(login);
        assertThat(answer).contains("AY1AZ").endsWith(SipChecksum.of(answer.substring(0, answer.length() - 4)));
    }

    @Test
    void checksOutReturnsAndAnswersARetriedCheckoutWithoutASecondLoan() throws IOException {
        logIn();
        String checkout = "11YN" + DATE + " ".repeat(18) + "AO" + school + "|AA" + student + "|AB" + copy
                + "|AC|BON|BIN|AY2AZ";
        String lent = client.send(withChecksum(checkout));

        assertThat(lent).startsWith("121NUY");
        assertThat(field(lent, "AO")).isEqualTo(school);
        assertThat(field(lent, "AA")).isEqualTo(student);
        assertThat(field(lent, "AB")).isEqualTo(copy);
        assertThat(field(lent, "AJ")).isEqualTo("Hatchet");
        String due = jdbc.sql("select due_on from loan where barcode = :b").param("b", copy).query(String.class)
                .single().replace("-", "");
        assertThat(field(lent, "AH")).isEqualTo(due + "    235959");
        assertThat(field(lent, "CK")).as("media type: book").isEqualTo("001");
        assertThat(copies.itemByBarcode(copy).orElseThrow().status()).isEqualTo(ItemStatus.CHECKED_OUT);

        String retried = client.send(withChecksum(checkout.replace("AY2AZ", "AY3AZ")));
        assertThat(retried).startsWith("121NUY");
        assertThat(field(retried, "AH")).isEqualTo(due + "    235959");
        assertThat(loans()).as("one loan after the retry").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_entry where actor = :a").param("a", "sip2:" + login)
                .query(Integer.class).single()).as("nothing overridden, nothing audited").isZero();

        String info = client.send("17" + DATE + "AO" + school + "|AB" + copy + "|");
        assertThat(info).startsWith("180400" + "01");
        assertThat(field(info, "AH")).isEqualTo(due + "    235959");
        assertThat(field(info, "CF")).isEqualTo("0");
        assertThat(field(info, "CK")).isEqualTo("001");

        String back = client.send(withChecksum("09N" + DATE + DATE + "AP" + school + "|AO" + school + "|AB" + copy
                + "|AC|BIN|AY4AZ"));
        assertThat(back).startsWith("101YUN");
        assertThat(field(back, "AQ")).isEqualTo(school);
        assertThat(field(back, "CK")).isEqualTo("001");
        assertThat(back).doesNotContain("CL");
        assertThat(field(back, "AF")).isEqualTo("Back to the shelf.");
        assertThat(loans()).isZero();
        assertThat(client.send("17" + DATE + "AO" + school + "|AB" + copy + "|")).startsWith("180300");
    }

    @Test
    void refusalsNameTheirReasonOnTheScreen() throws IOException {
        logIn();
        String unknownItem = client.send("11YN" + DATE + " ".repeat(18) + "AO" + school + "|AA" + student
                + "|ABNO-SUCH-COPY|AC|");
        assertThat(unknownItem).startsWith("120NUN");
        assertThat(field(unknownItem, "AF")).isEqualTo("No copy has this barcode.");

        String unknownPatron = client.send("11YN" + DATE + " ".repeat(18) + "AO" + school + "|ANO-SUCH-PATRON|AB"
                + copy + "|AC|");
        assertThat(unknownPatron).startsWith("120NUN");
        assertThat(client.send("11YN" + DATE + " ".repeat(18) + "AO" + school + "|AANO-SUCH-PATRON|AB" + copy
                + "|AC|")).contains("AFNo patron has this barcode.|");
        assertThat(client.send("09N" + DATE + DATE + "AP" + school + "|AO" + school + "|ABNO-SUCH-COPY|AC|"))
                .startsWith("100NUN").contains("AFNo copy has this barcode.|");
        assertThat(loans()).isZero();
    }

    @Test
    void patronStatusNamesThePatronAndSaysTheyMayBorrow() throws IOException {
        logIn();
        String answer = client.send("23001" + DATE + "AO" + school + "|AA" + student + "|AC|AD|");

        assertThat(answer).startsWith("24" + " ".repeat(14) + "001");
        assertThat(field(answer, "AA")).isEqualTo(student);
        assertThat(field(answer, "AE")).isNotBlank();
        assertThat(field(answer, "BL")).isEqualTo("Y");
        assertThat(field(answer, "BV")).isEqualTo("0.00");

        String nobody = client.send("23001" + DATE + "AO" + school + "|AANO-SUCH-PATRON|AC|AD|");
        assertThat(nobody).startsWith("24YYYY" + " ".repeat(10));
        assertThat(field(nobody, "BL")).isEqualTo("N");
    }

    @Test
    void resendRepeatsTheLastAnswerByteForByte() throws IOException {
        assertThat(client.send("97")).as("nothing to resend yet").isEqualTo("96");
        logIn();
        String status = client.send(withChecksum("9900302.00AY5AZ"));
        assertThat(client.send(withChecksum("97AZ"))).isEqualTo(status);
        assertThat(client.send("97")).isEqualTo(status);
    }

    @Test
    void badMessagesAreAnsweredAndTheConnectionStaysUsable() throws IOException {
        assertThat(client.send("9900302.00")).as("before a login").startsWith("98NNNNNN");
        logIn();
        assertThat(client.send("9900302.00AY1AZFCA6")).as("a wrong checksum").isEqualTo("96");
        assertThat(client.send("11YN2026")).as("a truncated message").isEqualTo("96");
        assertThat(client.send("XX")).as("an unknown command").isEqualTo("96");
        assertThat(client.send("x".repeat(64 * 1024))).as("a 64 KB line").isEqualTo("96");
        assertThat(client.send("19" + DATE + "AO" + school + "|AB" + copy + "|")).as("item status update")
                .isEqualTo("96");
        assertThat(client.send("9900302.00AY1AZFCA5")).as("still answering").startsWith("98YYY");
        assertThat(server.recentErrors()).extracting(SipErrorNote::problem)
                .anyMatch(p -> p.contains("checksum")).anyMatch(p -> p.contains("longer than"));
    }

    @Test
    void aLoginFromOutsideTheAllowListFailsAndTheAccountCannotSignInToTheWeb() throws Exception {
        String elsewhere = "kiosk-far-" + TERMINALS.incrementAndGet();
        assertThat(terminals.create(elsewhere, PASSWORD, school, "10.20.0.0/16", "test").problem()).isNull();
        assertThat(client.send("9300CN" + elsewhere + "|CO" + PASSWORD + "|")).isEqualTo("940");

        mvc.perform(post("/login").param("username", login).param("password", PASSWORD).with(csrf()))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void passwordsAndPinsNeverReachTheLog(CapturedOutput log) throws IOException {
        assertThat(client.send("9300CN" + login + "|COsecret-guess-77|")).isEqualTo("940");
        logIn();
        assertThat(client.send("9900302.00AY1AZFCA6")).isEqualTo("96");
        assertThat(client.send("23001" + DATE + "AO" + school + "|AA" + student + "|AD864213|")).contains("CQN");
        assertThat(client.send("11YN" + DATE + " ".repeat(18) + "AO" + school + "|AA" + student + "|AB" + copy
                + "|AC" + PASSWORD + "|AD864213|")).startsWith("120");

        assertThat(log.getAll()).contains("login '" + login + "' failed").contains("checksum FCA6 is wrong")
                .doesNotContain("secret-guess-77").doesNotContain(PASSWORD).doesNotContain("864213");
    }

    @Test
    void messagesEndedByCarriageReturnAndLineFeedAreRead() throws IOException {
        logIn();
        assertThat(client.send("9900302.00AY1AZFCA5")).startsWith("98YYY");
        // The LF that ended the last message (CR LF) comes first on the wire: it is skipped, the checksum holds.
        assertThat(client.send("\n" + withChecksum("9900302.00AY2AZ"))).startsWith("98YYY").contains("AY2AZ");
    }

    @Test
    void stoppingClosesTheConnectionsAndStartingListensAgain() throws IOException {
        logIn();
        server.stop();
        try {
            assertThat(server.localPort()).isEqualTo(-1);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.send("9900302.00"))
                    .isInstanceOf(IOException.class);
        } finally {
            server.start();
        }
        assertThat(server.localPort()).isPositive();
        try (Client again = new Client(server.localPort())) {
            assertThat(again.send("9300CN" + login + "|CO" + PASSWORD + "|")).isEqualTo("941");
        }
    }

    @Test
    void stoppingFinishesTheMessageInFlightAndThenCloses() throws Exception {
        logIn();
        Thread stopper = new Thread(server::stop, "test-sip2-stop");
        try (Connection holder = dataSource.getConnection()) {
            // Another desk holds the copy's row: the checkout waits for it inside its transaction.
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("select id from item where barcode = ? for update")) {
                lock.setString(1, copy);
                lock.executeQuery().close();
            }
            client.write("11YN" + DATE + " ".repeat(18) + "AO" + school + "|AA" + student + "|AB" + copy + "|AC|");
            await(() -> jdbc.sql("select count(*) from information_schema.sessions where blocker_id is not null")
                    .query(Integer.class).single() > 0, "the checkout waits for the copy's row");
            stopper.start();
            await(() -> stopper.getState() == Thread.State.TIMED_WAITING, "stop() waits for the connections");
            assertThat(server.localPort()).as("no longer listening").isEqualTo(-1);
            holder.rollback();

            assertThat(client.read()).as("the message in flight is answered").startsWith("121NUY");
            assertThat(client.closedByServer()).as("then the connection closes").isTrue();
            stopper.join(10_000);
            assertThat(stopper.isAlive()).isFalse();
            assertThat(loans()).isEqualTo(1);
        } finally {
            stopper.join(10_000);
            server.start();
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting until " + what).isLessThan(deadline);
            Thread.sleep(2);
        }
    }

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneFailsForAWhile() throws IOException {
        for (int i = 0; i < SipServer.MAX_FAILED_LOGINS; i++) {
            assertThat(client.send("9300CN" + login + "|COguess-" + i + "|")).isEqualTo("940");
        }
        assertThat(client.send("9300CN" + login + "|CO" + PASSWORD + "|")).isEqualTo("940");
        assertThat(server.recentErrors().get(0).problem()).contains("too many failed logins");
    }

    @Test
    void terminalAccountsRefuseBadInput() {
        assertThat(terminals.create(login, PASSWORD, school, "", "test").problem())
                .isEqualTo("sip2.terminal.login.taken");
        assertThat(terminals.create("new-" + login, "short", school, "", "test"))
                .extracting(SipTerminals.Created::field, SipTerminals.Created::problem)
                .containsExactly("password", "sip2.terminal.password.invalid");
        assertThat(terminals.create("a|b", PASSWORD, school, "", "test").problem())
                .isEqualTo("sip2.terminal.login.invalid");
        assertThat(terminals.create("new-" + login, PASSWORD, "NOPE", "", "test").args()).containsExactly("NOPE");
        assertThat(terminals.create("new-" + login, PASSWORD, school, "example.org", "test").args())
                .singleElement().asString().contains("'example.org' is not an IP address");
        assertThat(terminals.create("new-" + login, PASSWORD, school, "10.0.0.0/33", "test").args())
                .singleElement().asString().contains("prefix length");
    }

    @Test
    void theCommandCreatesATerminalThatLogsInAndNeverPrintsThePassword() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String name = "kiosk-cli-" + TERMINALS.incrementAndGet();
        int code = command.run(List.of("--login", name, "--password", "cli-secret-9", "--school", school,
                "--allow", "127.0.0.1"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(name).doesNotContain("cli-secret-9");
        assertThat(client.send("9300CN" + name + "|COcli-secret-9|")).isEqualTo("941");

        assertThat(command.run(List.of("--login", name), new PrintStream(out), new PrintStream(err)))
                .isEqualTo(AdminCommand.USAGE);
        assertThat(command.run(List.of("--login", name, "--password", "cli-secret-9", "--school", school),
                new PrintStream(out), new PrintStream(err, true, StandardCharsets.UTF_8)))
                .isEqualTo(AdminCommand.INPUT_ERRORS);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("A terminal with login '" + name + "' exists already.");
    }

    private void logIn() throws IOException {
        assertThat(client.send("9300CN" + login + "|CO" + PASSWORD + "|CP" + school + "|")).isEqualTo("941");
    }

    private int loans() {
        return jdbc.sql("select count(*) from loan where barcode = :b").param("b", copy).query(Integer.class)
                .single();
    }

    /** The message with its checksum: {@code upToAz} ends with AZ. */
    static String withChecksum(String upToAz) {
        return upToAz + SipChecksum.of(upToAz);
    }

    /** The first value of a variable field in an answer. */
    static String field(String answer, String id) {
        int at = answer.indexOf("|" + id);
        int start = at >= 0 ? at + 3 : answer.indexOf(id) + 2;
        if (at < 0 && answer.indexOf(id) < 0) {
            return null;
        }
        int end = answer.indexOf('|', start);
        return answer.substring(start, end < 0 ? answer.length() : end);
    }

    /** A SIP2 client: sends a message with its CR, reads the answer up to its CR. */
    static final class Client implements AutoCloseable {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Client(int port) throws IOException {
            this(new Socket("127.0.0.1", port));
        }

        /** Over a socket already open (a TLS one, say). */
        Client(Socket socket) throws IOException {
            this.socket = socket;
            socket.setSoTimeout(10_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }

        String send(String message) throws IOException {
            write(message);
            return read();
        }

        void write(String message) throws IOException {
            out.write((message + "\r").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        /** The next answer, without its CR. */
        String read() throws IOException {
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) != '\r') {
                if (c < 0) {
                    throw new IOException("the server closed the connection");
                }
                answer.write(c);
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }

        /** Whether the server has closed the connection (reads past anything it still sent). */
        boolean closedByServer() throws IOException {
            return in.read() < 0;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
