package org.carrel.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Notices benchmark (issue 8): N overdue notices generated and handed to SMTP.
 *
 * <ul>
 *   <li>{@code prepare JDBC USER PASSWORD N}: with the server stopped, N students get an e-mail address and one loan
 *       each, due 20 days ago (set straight in the database: the loans are the benchmark's input, not what it
 *       measures); guardians are left out, so N students make N messages.</li>
 *   <li>{@code run JAR PORT TOKEN N}: starts GreenMail (a real SMTP server) on a free port; measures the baseline, N
 *       messages sent to it over one SMTP connection by this process; starts Carrel (the data folder and database
 *       from the environment) with that SMTP server and a sender pass every 200 ms; then asks
 *       {@code POST /api/v1/notifications/runs} for the overdue notices and times until GreenMail has received all N,
 *       and checks that no recipient got two. Prints JSON.</li>
 * </ul>
 */
public final class NoticesBench {

    private static final double TARGET_SECONDS = 60;

    private NoticesBench() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "prepare" -> prepare(args[1], args[2], args[3], Integer.parseInt(args[4]));
            case "run" -> run(args[1], Integer.parseInt(args[2]), args[3], Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException("mode: prepare or run");
        }
    }

    private static void prepare(String url, String user, String password, int count) throws Exception {
        LocalDate due = LocalDate.now().minusDays(20);
        try (Connection db = DriverManager.getConnection(url, user, password)) {
            db.setAutoCommit(false);
            List<long[]> students = rows(db, "select id, school_id from patron where patron_type = 'STUDENT'"
                    + " and status = 'ACTIVE' order by id", count);
            List<long[]> items = rows(db, "select i.id, i.school_id, i.record_id from item i"
                    + " where i.status = 'AVAILABLE' order by i.id", count);
            if (students.size() < count || items.size() < count) {
                throw new IllegalStateException("need " + count + " students and copies, have " + students.size()
                        + " and " + items.size());
            }
            try (PreparedStatement loan = db.prepareStatement("insert into loan (item_id, patron_id, school_id,"
                    + " record_id, item_type, barcode, title, checked_out_at, due_on, due_at, max_renewals)"
                    + " select i.id, ?, i.school_id, i.record_id, i.item_type, i.barcode, r.title, ?, ?, ?, 2"
                    + " from item i join bib_record r on r.id = i.record_id where i.id = ?");
                 PreparedStatement item = db.prepareStatement("update item set status = 'CHECKED_OUT' where id = ?");
                 PreparedStatement email = db.prepareStatement("update patron set email = ? where id = ?")) {
                java.sql.Timestamp out = java.sql.Timestamp.valueOf(due.minusDays(14).atTime(10, 0));
                java.sql.Timestamp dueAt = java.sql.Timestamp.valueOf(due.atTime(23, 59, 59));
                for (int i = 0; i < count; i++) {
                    loan.setLong(1, students.get(i)[0]);
                    loan.setTimestamp(2, out);
                    loan.setObject(3, due);
                    loan.setTimestamp(4, dueAt);
                    loan.setLong(5, items.get(i)[0]);
                    loan.addBatch();
                    item.setLong(1, items.get(i)[0]);
                    item.addBatch();
                    email.setString(1, "student" + students.get(i)[0] + "@bench.example");
                    email.setLong(2, students.get(i)[0]);
                    email.addBatch();
                }
                loan.executeBatch();
                item.executeBatch();
                email.executeBatch();
            }
            try (Statement sql = db.createStatement()) {
                sql.executeUpdate("update notice_settings set to_guardians = false, to_student = true");
            }
            db.commit();
        }
    }

    private static List<long[]> rows(Connection db, String query, int limit) throws Exception {
        List<long[]> rows = new ArrayList<>();
        try (Statement sql = db.createStatement(); ResultSet r = sql.executeQuery(query)) {
            while (r.next() && rows.size() < limit) {
                long[] row = new long[r.getMetaData().getColumnCount()];
                for (int c = 0; c < row.length; c++) {
                    row[c] = r.getLong(c + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static void run(String jar, int port, String token, int count) throws Exception {
        int smtpPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            smtpPort = probe.getLocalPort();
        }
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Process server = null;
        try {
            double baseline = baseline(smtpPort, count);
            smtp.purgeEmailFromAllMailboxes();
            server = new ProcessBuilder("java", "-Xmx" + System.getProperty("heap", "512m"), "-jar", jar,
                    "--server.port=" + port, "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
                    "--carrel.notifications.send-every=PT0.2S", "--carrel.notifications.cron.notices=-",
                    "--carrel.sip2.port=-1")
                    .redirectErrorStream(true)
                    .redirectOutput(Path.of(System.getProperty("log", "notices.log")).toFile())
                    .start();
            HttpClient http = HttpClient.newHttpClient();
            waitForHealth(http, port, server);
            String asOf = LocalDate.now().toString();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/api/v1/notifications/runs")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"job\":\"overdue\",\"asOf\":\"" + asOf
                            + "\",\"dryRun\":false}")).build();
            long start = System.nanoTime();
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            long generated = System.nanoTime();
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("run: HTTP " + answer.statusCode() + " " + answer.body());
            }
            int queued = Integer.parseInt(answer.body().replaceAll("(?s).*\"count\":(\\d+).*", "$1"));
            long deadline = start + 600_000_000_000L;
            while (smtp.getReceivedMessages().length < queued && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            long handed = System.nanoTime();
            Thread.sleep(2000); // anything sent twice would arrive now
            MimeMessage[] received = smtp.getReceivedMessages();
            Set<String> recipients = new HashSet<>();
            for (MimeMessage m : received) {
                recipients.add(m.getRecipients(Message.RecipientType.TO)[0].toString());
            }
            double generateS = (generated - start) / 1e9;
            double totalS = (handed - start) / 1e9;
            System.out.printf(Locale.ROOT, "{\"notices\":%d,\"queued\":%d,\"received\":%d,\"distinct_recipients\":%d,"
                            + "\"generate_s\":%.2f,\"send_s\":%.2f,\"total_s\":%.2f,\"per_s\":%.0f,"
                            + "\"baseline_raw_smtp_s\":%.2f,\"baseline_raw_smtp_per_s\":%.0f,\"target_s\":%.0f,"
                            + "\"met\":%b}%n", count, queued, received.length, recipients.size(), generateS,
                    totalS - generateS, totalS, received.length / totalS, baseline, count / baseline, TARGET_SECONDS,
                    queued == count && received.length == count && recipients.size() == count
                            && totalS < TARGET_SECONDS);
        } finally {
            if (server != null) {
                server.destroy();
                server.waitFor();
            }
            smtp.stop();
        }
    }

    /** Seconds to send {@code count} small messages to the SMTP server over one connection, from this process. */
    private static double baseline(int smtpPort, int count) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(smtpPort));
        Session session = Session.getInstance(props);
        long start = System.nanoTime();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            for (int i = 0; i < count; i++) {
                MimeMessage m = new MimeMessage(session);
                m.setFrom(new InternetAddress("library@bench.example"));
                m.setRecipient(Message.RecipientType.TO, new InternetAddress("baseline" + i + "@bench.example"));
                m.setSubject("Overdue library items", "UTF-8");
                m.setText("These items are overdue:\n- Circulation bench title " + i + "\n", "UTF-8");
                m.saveChanges();
                transport.sendMessage(m, m.getAllRecipients());
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void waitForHealth(HttpClient http, int port, Process server) throws Exception {
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .build();
        for (int i = 0; i < 3000; i++) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server exited");
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no answer from the server within 300 s");
    }
}
