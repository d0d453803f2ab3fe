package org.carrel.sip2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carrel.sip2.SipServerTest.field;
import static org.carrel.sip2.SipServerTest.withChecksum;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.carrel.circulation.CirculationFixtures;
import org.carrel.testing.CarrelTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 50 kiosks at once, 10,000 transactions in all (checkout, renew, item information, patron information, checkin),
 * every message with a sequence number and checksum: no protocol error, every answer what the transaction implies,
 * and afterwards exactly the loans the transactions leave.
 */
@CarrelTest
@Import(CirculationFixtures.class)
class SipSoakTest {

    private static final int CONNECTIONS = 50;
    private static final int CYCLES = 40;
    private static final String DATE = "20260309    101500";

    @Autowired
    CirculationFixtures fixtures;
    @Autowired
    SipTerminals terminals;
    @Autowired
    SipServer server;
    @Autowired
    JdbcClient jdbc;

    @Test
    void fiftyKiosksTenThousandTransactionsNoProtocolErrorAndExactlyTheImpliedLoans() throws Exception {
        String school = fixtures.school();
        assertThat(terminals.create("soak-kiosk", "soak-pass-1", school, "", "test").problem()).isNull();
        List<String> students = new ArrayList<>();
        List<List<String>> copies = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            students.add(fixtures.student(school, "7"));
            long title = fixtures.title("Soak title " + i);
            copies.add(List.of(fixtures.copy(title, school), fixtures.copy(title, school)));
        }
        AtomicInteger transactions = new AtomicInteger();
        Map<String, String> problems = new ConcurrentHashMap<>();
        ExecutorService kiosks = Executors.newFixedThreadPool(CONNECTIONS);
        List<Future<?>> done = new ArrayList<>();
        for (int k = 0; k < CONNECTIONS; k++) {
            int kiosk = k;
            done.add(kiosks.submit(() -> {
                try (SipServerTest.Client client = new SipServerTest.Client(server.localPort())) {
                    Exchange exchange = new Exchange(client, problems, kiosk);
                    exchange.expect("9300CNsoak-kiosk|COsoak-pass-1|", "941");
                    String patron = students.get(kiosk);
                    for (int cycle = 0; cycle < CYCLES; cycle++) {
                        String copy = copies.get(kiosk).get(cycle % 2);
                        String ids = "AO" + school + "|AA" + patron + "|AB" + copy + "|";
                        exchange.expect("11YN" + DATE + " ".repeat(18) + ids + "AC|", "121NUY");
                        exchange.expect("29NN" + DATE + " ".repeat(18) + ids, "301YUN");
                        exchange.expect("17" + DATE + "AO" + school + "|AB" + copy + "|", "180400");
                        String info = exchange.expect("63001" + DATE + "  Y       AO" + school + "|AA" + patron
                                + "|", "64");
                        if (!copy.equals(field(info, "AU"))) {
                            problems.put(kiosk + "/" + cycle, "patron information lists " + field(info, "AU"));
                        }
                        if (cycle < CYCLES - 1) {
                            exchange.expect("09N" + DATE + DATE + "AP" + school + "|AO" + school + "|AB" + copy
                                    + "|", "101YUN");
                        } else {
                            exchange.expect("35" + DATE + "AO" + school + "|AA" + patron + "|", "36Y");
                        }
                    }
                    transactions.addAndGet(exchange.count);
                }
                return null;
            }));
        }
        for (Future<?> kiosk : done) {
            kiosk.get();
        }
        kiosks.shutdown();

        assertThat(problems).isEmpty();
        assertThat(transactions.get()).isEqualTo(CONNECTIONS * (1 + CYCLES * 5));
        for (int k = 0; k < CONNECTIONS; k++) {
            String last = copies.get(k).get((CYCLES - 1) % 2);
            List<String> out = jdbc.sql("""
                            select l.barcode from loan l join patron p on p.id = l.patron_id
                            where p.barcode = :patron""").param("patron", students.get(k)).query(String.class).list();
            assertThat(out).as("kiosk %d's patron", k).containsExactly(last);
        }
    }

    /** One kiosk's messages, each with the next sequence number and its checksum. */
    private static final class Exchange {

        private final SipServerTest.Client client;
        private final Map<String, String> problems;
        private final int kiosk;
        private int count;

        Exchange(SipServerTest.Client client, Map<String, String> problems, int kiosk) {
            this.client = client;
            this.problems = problems;
            this.kiosk = kiosk;
        }

        String expect(String message, String start) throws java.io.IOException {
            String sequence = String.valueOf(count % 10);
            String answer = client.send(withChecksum(message + "AY" + sequence + "AZ"));
            count++;
            String body = answer.length() > 4 ? answer.substring(0, answer.length() - 4) : answer;
            if (!answer.startsWith(start) || !body.endsWith("AY" + sequence + "AZ")
                    || !SipChecksum.of(body).equals(answer.substring(answer.length() - 4))) {
                problems.put(kiosk + "#" + count, message.substring(0, 2) + " answered " + answer);
            }
            return answer;
        }
    }
}
