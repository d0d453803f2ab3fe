package org.carrel.bench;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

import org.marc4j.MarcStreamWriter;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;

/**
 * Checkout and check-in through the JSON API ({@code POST /api/v1/circulation/checkouts}, {@code .../checkins})
 * against a running server, beside a baseline measured in the same run: the same number of requests, on the same
 * keep-alive connections ({@link LightHttp}) with the same API token, to {@code GET /actuator/health}, so HTTP and
 * authentication overhead can be told from circulation work.
 *
 * <p>Three steps, each a mode:
 * <ul>
 * <li>{@code marc FILE COPIES}: COPIES copies (barcodes BENCH000000 up), five per title, over the demo district's
 *     six schools, as ISO 2709 records with 852 holdings for {@code import-marc}.</li>
 * <li>{@code prepare JDBC_URL USER PASSWORD FOLDER}: with the server stopped (H2 allows one process), removes the
 *     demo district's rules per school (whose limits, as low as one copy for the youngest, the runs would pass), gives
 *     teachers a district rule of 5,000 copies at once (a teacher's classroom collection) and writes the active
 *     students' and one teacher's barcodes to FOLDER/students.txt and FOLDER/teacher.txt.</li>
 * <li>{@code run BASE_URL TOKEN FOLDER [--copies N] [--ops N] [--clients 1,4,16] [--rate 300]
 *     [--teacher-loans 1000] [--teacher-ops N] [--warmup N] [--server-pid PID]}: a warm-up of checkouts and
 *     check-ins; then for each number of clients, as fast as they go (each sends its next request when the last is
 *     answered: the throughput), OPS baseline requests, OPS checkouts (copy i to student i mod students, so nobody
 *     passes the district's limit of five) and the OPS check-ins of those copies; then the same on the most clients
 *     paced at RATE requests a second together (desks at a steady pace: the latency a desk sees while the server
 *     does RATE checkouts a second); then the teacher: TEACHER_LOANS copies checked out to one teacher, and
 *     TEACHER_OPS checkouts each followed by its check-in on 1 and on the most clients, and paced, while the teacher
 *     holds them. Prints one JSON object: per phase requests, errors, requests per second, latency p50/p95/p99/max
 *     and, with the server's pid, its CPU time per request and the share of a core its just-in-time compiler took
 *     during the warm-up and during the runs.</li>
 * </ul>
 *
 * <p>As fast as they go, n clients wait on each other: latency is n / throughput (Little's law), so the latency
 * targets are read from the paced runs and the throughput target from the unpaced ones.
 */
public final class CirculationBench {

    private static final String[] SCHOOLS = {"OAK", "MAPLE", "CEDAR", "LINC", "WASH", "RHS"};
    private static final int COPIES_PER_TITLE = 5;
    private static final int STUDENT_LIMIT = 5;
    /** Copies each client turns over in the teacher's checkout-and-check-in cycle. */
    private static final int CYCLE_COPIES = 4;
    /** Warm-up cycles between two looks at the compiler. */
    private static final int ROUND = 1000;

    private CirculationBench() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "marc" -> marc(Path.of(args[1]), Integer.parseInt(args[2]));
            case "prepare" -> prepare(args[1], args[2], args[3], Path.of(args[4]));
            case "run" -> run(args);
            default -> throw new IllegalArgumentException("mode: marc, prepare or run");
        }
    }

    static String barcode(int copy) {
        return String.format(Locale.ROOT, "BENCH%06d", copy);
    }

    private static void marc(Path file, int copies) throws Exception {
        MarcFactory factory = MarcFactory.newInstance();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarcStreamWriter writer = new MarcStreamWriter(out, "UTF-8");
        for (int title = 0; title * COPIES_PER_TITLE < copies; title++) {
            Record record = factory.newRecord("00000nam a2200000 i 4500");
            record.addVariableField(factory.newControlField("008", "260101s2020    xxu    j      000 1 eng d"));
            DataField name = factory.newDataField("245", '1', '0');
            name.addSubfield(factory.newSubfield('a', "Circulation bench title " + title));
            record.addVariableField(name);
            for (int c = title * COPIES_PER_TITLE; c < Math.min(copies, (title + 1) * COPIES_PER_TITLE); c++) {
                DataField holding = factory.newDataField("852", ' ', ' ');
                holding.addSubfield(factory.newSubfield('b', SCHOOLS[c % SCHOOLS.length]));
                holding.addSubfield(factory.newSubfield('h', "FIC BEN"));
                holding.addSubfield(factory.newSubfield('p', barcode(c)));
                record.addVariableField(holding);
            }
            writer.write(record);
        }
        writer.close();
        Files.write(file, out.toByteArray());
    }

    private static void prepare(String url, String user, String password, Path folder) throws Exception {
        Files.createDirectories(folder);
        try (Connection db = DriverManager.getConnection(url, user, password); Statement sql = db.createStatement()) {
            sql.executeUpdate("delete from loan_rule where school_id is not null");
            sql.executeUpdate("delete from loan_rule where patron_type = 'TEACHER'"
                    + " and lowest_grade is null and item_type is null");
            sql.executeUpdate("insert into loan_rule (patron_type, period_kind, period_length, max_loans,"
                    + " max_renewals, holds_allowed) values ('TEACHER', 'DAYS', 28, 5000, 2, true)");
            Files.write(folder.resolve("students.txt"), column(sql, "select barcode from patron"
                    + " where patron_type = 'STUDENT' and status = 'ACTIVE' order by id"));
            Files.write(folder.resolve("teacher.txt"), column(sql, "select barcode from patron"
                    + " where patron_type = 'TEACHER' and status = 'ACTIVE' order by id limit 1"));
            Files.write(folder.resolve("school.txt"), column(sql, "select code from school order by id limit 1"));
            Files.write(folder.resolve("sip-copies.txt"), column(sql, "select barcode from item"
                    + " where school_id = (select min(id) from school) order by barcode"));
        }
    }

    private static List<String> column(Statement sql, String query) throws Exception {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /**
     * One request: a GET when {@code body} is null, else a JSON POST; {@code kind} groups its latency. A SIP2
     * message when {@code path} is null: {@code body} is the message, {@code answer} how its answer must begin.
     */
    private record Call(String kind, String path, String body, int expected, String answer) {

        Call(String kind, String path, String body, int expected) {
            this(kind, path, body, expected, null);
        }

        static Call sip(String kind, String message, String answer) {
            return new Call(kind, null, message, 0, answer);
        }
    }

    /** Where the SIP2 phases send their messages: the server's SIP2 port and a terminal account (or null). */
    private record SipTarget(int port, String login, String password, String school, List<String> copies) {
    }

    private static SipTarget sipTarget;

    /** The pause before the paced SIP2 run. */
    private static final long SETTLE_MILLIS = 10_000;

    /** What one phase measured, per kind of call. */
    private record Phase(int clients, long wallNanos, List<String> kinds, List<long[]> nanos, int errors,
                         String firstError, Long serverCpuNanos) {

        /** Every call of the phase together. */
        String jsonAll() {
            return json(nanos.stream().flatMapToLong(java.util.Arrays::stream).toArray());
        }

        String json(String kind) {
            return json(nanos.get(kinds.indexOf(kind)));
        }

        private String json(long[] latencies) {
            double seconds = wallNanos / 1e9;
            return "{\"requests\":" + latencies.length + ",\"errors\":" + errors
                    + (firstError == null ? "" : ",\"first_error\":" + BenchMix.quote(firstError))
                    + ",\"per_s\":" + BenchMix.round(latencies.length / seconds) + ","
                    + BenchMix.percentiles(latencies.clone())
                    + (serverCpuNanos == null || nanos.size() > 1 ? "" : ",\"server_cpu_ms_per_request\":"
                    + BenchMix.round(serverCpuNanos / 1e6 / Math.max(1, latencies.length))) + "}";
        }
    }

    private static void run(String[] args) throws Exception {
        String base = args[1].replaceAll("/+$", "");
        String token = args[2];
        Path folder = Path.of(args[3]);
        int copies = Integer.parseInt(BenchMix.option(args, "copies", "5000"));
        int ops = Integer.parseInt(BenchMix.option(args, "ops", "3000"));
        int teacherLoans = Integer.parseInt(BenchMix.option(args, "teacher-loans", "1000"));
        int teacherOps = Integer.parseInt(BenchMix.option(args, "teacher-ops", "1000"));
        int warmup = Integer.parseInt(BenchMix.option(args, "warmup", "3000"));
        double rate = Double.parseDouble(BenchMix.option(args, "rate", "300"));
        List<Integer> clients = new ArrayList<>();
        for (String n : BenchMix.option(args, "clients", "1,4,16").split(",")) {
            clients.add(Integer.valueOf(n.strip()));
        }
        int most = clients.stream().mapToInt(Integer::intValue).max().orElse(1);
        String pid = BenchMix.option(args, "server-pid", "");
        String sipPort = BenchMix.option(args, "sip2-port", "");
        double sipRate = Double.parseDouble(BenchMix.option(args, "sip2-rate", "200"));
        if (!sipPort.isEmpty()) {
            sipTarget = new SipTarget(Integer.parseInt(sipPort), BenchMix.option(args, "sip2-login", ""),
                    BenchMix.option(args, "sip2-password", ""), Files.readAllLines(folder.resolve("school.txt")).get(0),
                    Files.readAllLines(folder.resolve("sip-copies.txt")));
        }
        LongSupplier cpu = pid.isEmpty() ? null : () -> BenchMix.processCpuNanos(Long.parseLong(pid));
        List<String> students = Files.readAllLines(folder.resolve("students.txt"));
        String teacher = Files.readAllLines(folder.resolve("teacher.txt")).get(0);
        if (ops > STUDENT_LIMIT * students.size() || ops + teacherLoans + most * CYCLE_COPIES > copies) {
            throw new IllegalArgumentException("too few students (" + students.size() + ") or copies (" + copies
                    + ") for " + ops + " checkouts and a teacher's " + teacherLoans);
        }
        String auth = "Authorization: Bearer " + token;

        LongSupplier compiler = pid.isEmpty() ? () -> 0 : () -> BenchMix.compilerCpuNanos(Long.parseLong(pid));
        long compilerBefore = compiler.getAsLong();
        long warmStarted = System.nanoTime();
        String warmed = warmUp(base, auth, students, ops, warmup, most, compiler);
        long compilerWarm = compiler.getAsLong() - compilerBefore;
        long warmNanos = System.nanoTime() - warmStarted;
        long runsStarted = System.nanoTime();

        StringBuilder json = new StringBuilder("{\"copies\":").append(copies).append(",\"students\":")
                .append(students.size()).append(",\"ops\":").append(ops).append(",\"warmup\":")
                .append(warmed).append(",\"runs\":[");
        for (int c = 0; c < clients.size(); c++) {
            int n = clients.get(c);
            List<Call> baseline = new ArrayList<>();
            List<Call> out = new ArrayList<>();
            List<Call> in = new ArrayList<>();
            for (int i = 0; i < ops; i++) {
                baseline.add(new Call("baseline", "/actuator/health", null, 200));
                out.add(checkout(students.get(i % students.size()), i));
                in.add(checkin(i));
            }
            json.append(c > 0 ? "," : "").append("{\"clients\":").append(n)
                    .append(",\"baseline\":").append(phase(base, auth, n, baseline, cpu, 1).json("baseline"))
                    .append(",\"checkout\":").append(phase(base, auth, n, out, cpu, 1).json("checkout"))
                    .append(",\"checkin\":").append(phase(base, auth, n, in, cpu, 1).json("checkin"))
                    .append('}');
        }
        List<Call> baseline = new ArrayList<>();
        List<Call> out = new ArrayList<>();
        List<Call> in = new ArrayList<>();
        for (int i = 0; i < ops; i++) {
            baseline.add(new Call("baseline", "/actuator/health", null, 200));
            out.add(checkout(students.get(i % students.size()), i));
            in.add(checkin(i));
        }
        json.append("],\"paced\":{\"clients\":").append(most).append(",\"rate_per_s\":").append(rate)
                .append(",\"baseline\":").append(phase(base, auth, most, baseline, cpu, 1, rate).json("baseline"))
                .append(",\"checkout\":").append(phase(base, auth, most, out, cpu, 1, rate).json("checkout"))
                .append(",\"checkin\":").append(phase(base, auth, most, in, cpu, 1, rate).json("checkin"));
        // SIP2 before the teacher, whose copies stay out: the kiosk lends its school's copies, all on the shelf now.
        String sip2 = sipTarget == null ? "null" : sip2(students, clients, sipRate);
        json.append("},\"teacher\":").append(teacher(base, auth, teacher, ops, teacherLoans, teacherOps,
                        List.of(1, most), cpu, rate));
        json.append(",\"sip2\":").append(sip2);
        long compilerRuns = compiler.getAsLong() - compilerBefore - compilerWarm;
        // The share of one core the compiler took: near 0 once the server has settled.
        json.append(",\"compiler_cores_during_warmup\":").append(BenchMix.round((double) compilerWarm / warmNanos))
                .append(",\"compiler_cores_during_runs\":")
                .append(BenchMix.round((double) compilerRuns / (System.nanoTime() - runsStarted)));
        System.out.println(json.append('}'));
    }

    /**
     * Checkouts and check-ins on the most clients, with a baseline request each cycle, in rounds of {@link #ROUND}
     * cycles: at least {@code least} cycles, then on until the server's just-in-time compiler used at most
     * {@link BenchMix#QUIET_SHARE} of a core over the last {@link BenchMix#WINDOW_SECONDS} (a server runs for weeks, so
     * its compiler has long settled; on two cores a busy compiler takes a quarter of the machine) or until
     * {@link BenchMix#MAX_WARMUP_SECONDS}. Without the server's pid, just {@code least} cycles. Answers what it took,
     * as JSON.
     */
    private static String warmUp(String base, String auth, List<String> students, int ops, int least, int clients,
                                 LongSupplier compiler) throws Exception {
        long start = System.nanoTime();
        long windowStart = start;
        long compilerAtWindow = compiler.getAsLong();
        double lastShare = -1;
        int cycles = 0;
        while (true) {
            List<Call> round = new ArrayList<>();
            for (int i = cycles; i < cycles + ROUND; i++) {
                int copy = i % ops;
                round.add(checkout(students.get(copy % students.size()), copy));
                round.add(checkin(copy));
                round.add(new Call("baseline", "/actuator/health", null, 200));
            }
            phase(base, auth, clients, round, null, 3);
            cycles += ROUND;
            long now = System.nanoTime();
            if (cycles < least) {
                continue;
            }
            if (compiler.getAsLong() == 0 || now - start > BenchMix.MAX_WARMUP_SECONDS * 1e9) {
                break;
            }
            if (now - windowStart >= BenchMix.WINDOW_SECONDS * 1e9) {
                long used = compiler.getAsLong();
                lastShare = (used - compilerAtWindow) / (double) (now - windowStart);
                if (lastShare <= BenchMix.QUIET_SHARE) {
                    break;
                }
                windowStart = now;
                compilerAtWindow = used;
            }
        }
        return String.format(Locale.ROOT, "{\"cycles\":%d,\"seconds\":%.1f,\"compiler_cores_last_window\":%s}",
                cycles, (System.nanoTime() - start) / 1e9, lastShare < 0 ? "null"
                        : String.format(Locale.ROOT, "%.3f", lastShare));
    }

    /** The teacher with {@code loans} copies out: checkouts and check-ins while they hold them. */
    private static String teacher(String base, String auth, String teacher, int first, int loans, int ops,
                                  List<Integer> clients, LongSupplier cpu, double rate) throws Exception {
        List<Call> preload = new ArrayList<>();
        for (int i = 0; i < loans; i++) {
            preload.add(checkout(teacher, first + i));
        }
        Phase loaded = phase(base, auth, clients.get(clients.size() - 1), preload, cpu, 1);
        LightHttp http = new LightHttp(base);
        long began = System.nanoTime();
        LightHttp.Response list = http.get("/api/v1/circulation/loans?patron=" + teacher, auth);
        long listNanos = System.nanoTime() - began;
        int held = list.body().split("\"loanId\"", -1).length - 1;
        StringBuilder json = new StringBuilder("{\"loans_held\":").append(held).append(",\"preload\":")
                .append(loaded.json("checkout")).append(",\"loan_list_ms\":")
                .append(BenchMix.round(listNanos / 1e6)).append(",\"runs\":[");
        int cycleStart = first + loans;
        for (int c = 0; c < clients.size(); c++) {
            int n = clients.get(c);
            List<Call> cycle = new ArrayList<>();
            for (int i = 0; i < ops; i++) {
                // Client i mod n turns over its own few copies: out, back in, the next one out.
                int copy = cycleStart + (i % n) * CYCLE_COPIES + (i / n) % CYCLE_COPIES;
                cycle.add(checkout(teacher, copy));
                cycle.add(checkin(copy));
            }
            Phase measured = phase(base, auth, n, cycle, null, 2);
            json.append(c > 0 ? "," : "").append("{\"clients\":").append(n).append(",\"checkout\":")
                    .append(measured.json("checkout")).append(",\"checkin\":").append(measured.json("checkin"))
                    .append('}');
        }
        int n = clients.get(clients.size() - 1);
        List<Call> cycle = new ArrayList<>();
        for (int i = 0; i < ops; i++) {
            int copy = cycleStart + (i % n) * CYCLE_COPIES + (i / n) % CYCLE_COPIES;
            cycle.add(checkout(teacher, copy));
            cycle.add(checkin(copy));
        }
        Phase paced = phase(base, auth, n, cycle, null, 2, rate);
        return json.append("],\"paced\":{\"clients\":").append(n).append(",\"rate_per_s\":").append(rate)
                .append(",\"checkout\":").append(paced.json("checkout")).append(",\"checkin\":")
                .append(paced.json("checkin")).append("}}").toString();
    }

    /**
     * SIP2 at 1 and the most connections as fast as they go, then on the most paced at {@code rate} messages a second:
     * for each copy of the terminal's school a patron status (23), a checkout (11), an item information (17) and a
     * checkin (09), each message with a sequence number and checksum; the paced run after a pause of 10 s.
     */
    private static String sip2(List<String> students, List<Integer> clients, double rate) throws Exception {
        int most = clients.stream().mapToInt(Integer::intValue).max().orElse(1);
        StringBuilder json = new StringBuilder("{\"runs\":[");
        List<Integer> counts = clients.contains(1) ? List.of(1, most) : List.of(most);
        for (int c = 0; c < counts.size(); c++) {
            Phase run = phase("http://unused", "", counts.get(c), sipCycles(students), null, 4);
            json.append(c > 0 ? "," : "").append("{\"clients\":").append(counts.get(c)).append(",\"all\":")
                    .append(run.jsonAll()).append(",\"checkout\":").append(run.json("checkout"))
                    .append(",\"checkin\":").append(run.json("checkin")).append('}');
        }
        // As the API's paced runs follow 10 s of paced baseline requests: the search index has caught up with the
        // burst of the runs above before the paced one starts.
        Thread.sleep(SETTLE_MILLIS);
        Phase paced = phase("http://unused", "", most, sipCycles(students), null, 4, rate);
        return json.append("],\"paced\":{\"clients\":").append(most).append(",\"rate_per_s\":").append(rate)
                .append(",\"all\":").append(paced.jsonAll()).append(",\"checkout\":")
                .append(paced.json("checkout")).append("}}").toString();
    }

    private static List<Call> sipCycles(List<String> students) {
        String school = sipTarget.school();
        String date = "20260309    101500";
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < sipTarget.copies().size(); i++) {
            String patron = students.get(i % students.size());
            String copy = sipTarget.copies().get(i);
            calls.add(Call.sip("status", "23001" + date + "AO" + school + "|AA" + patron + "|AC|", "24"));
            calls.add(Call.sip("checkout", "11YN" + date + " ".repeat(18) + "AO" + school + "|AA" + patron + "|AB"
                    + copy + "|AC|", "121"));
            calls.add(Call.sip("item", "17" + date + "AO" + school + "|AB" + copy + "|", "1804"));
            calls.add(Call.sip("checkin", "09N" + date + date + "AP" + school + "|AO" + school + "|AB" + copy + "|",
                    "101"));
        }
        return calls;
    }

    /** A SIP2 connection logged in as the bench's terminal; every message sent with a sequence number and checksum. */
    private static final class SipLine implements AutoCloseable {

        private final java.net.Socket socket;
        private final java.io.InputStream in;
        private final java.io.OutputStream out;
        private int sequence;

        private SipLine(SipTarget target) throws java.io.IOException {
            socket = new java.net.Socket("127.0.0.1", target.port());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            in = new java.io.BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
            String login = send("9300CN" + target.login() + "|CO" + target.password() + "|");
            if (!login.startsWith("941")) {
                throw new IllegalStateException("SIP2 login refused: " + login);
            }
        }

        /** A connection when the calls hold SIP2 messages, else null (closing null is fine in try). */
        static SipLine open(SipTarget target, List<Call> calls) throws java.io.IOException {
            return target != null && calls.stream().anyMatch(c -> c.path() == null) ? new SipLine(target) : null;
        }

        String send(String message) throws java.io.IOException {
            String upToAz = message + "AY" + (sequence++ % 10) + "AZ";
            int sum = 0;
            for (byte b : upToAz.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)) {
                sum += b & 0xff;
            }
            out.write((upToAz + String.format("%04X", -sum & 0xffff) + "\r")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            out.flush();
            StringBuilder answer = new StringBuilder();
            for (int c = in.read(); c != '\r'; c = in.read()) {
                if (c < 0) {
                    throw new java.io.IOException("the SIP2 server closed the connection");
                }
                answer.append((char) c);
            }
            return answer.toString();
        }

        @Override
        public void close() throws java.io.IOException {
            socket.close();
        }
    }

    private static Call checkout(String patron, int copy) {
        return new Call("checkout", "/api/v1/circulation/checkouts",
                "{\"patron\":\"" + patron + "\",\"item\":\"" + barcode(copy) + "\"}", 201);
    }

    private static Call checkin(int copy) {
        return new Call("checkin", "/api/v1/circulation/checkins", "{\"item\":\"" + barcode(copy) + "\"}", 200);
    }

    /**
     * Runs the calls on {@code clients} threads, each with its own connection, in groups of {@code step} calls made in
     * order by one client (a checkout and then its check-in): client t takes groups t, t + clients, ...
     */
    private static Phase phase(String base, String auth, int clients, List<Call> calls, LongSupplier cpu,
                               int step) throws Exception {
        return phase(base, auth, clients, calls, cpu, step, 0);
    }

    /**
     * As {@link #phase(String, String, int, List, LongSupplier, int)}; with {@code rate} above 0, paced: the
     * clients together send {@code rate} requests a second, each client one every {@code clients / rate} seconds
     * (staggered), and a latency counts from when the request was due, so a server that falls behind is charged for
     * the wait (no coordinated omission).
     */
    private static Phase phase(String base, String auth, int clients, List<Call> calls, LongSupplier cpu,
                               int step, double rate) throws Exception {
        long interval = rate > 0 ? (long) (clients * 1e9 / rate) : 0;
        AtomicReference<Long> origin = new AtomicReference<>();
        List<String> kinds = calls.stream().map(Call::kind).distinct().toList();
        List<List<List<Long>>> latencies = new ArrayList<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        // The paced schedule starts once every client is ready (a SIP2 client has logged in by then).
        CyclicBarrier start = new CyclicBarrier(clients + 1, () -> origin.set(System.nanoTime() + 1_000_000));
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            List<List<Long>> mine = new ArrayList<>();
            kinds.forEach(k -> mine.add(new ArrayList<>()));
            latencies.add(mine);
            int first = t;
            Thread thread = new Thread(() -> {
                try (LightHttp http = new LightHttp(base); SipLine sip = SipLine.open(sipTarget, calls)) {
                    start.await();
                    long due = origin.get() + (interval > 0 ? first * interval / clients : 0);
                    for (int i = first * step; i < calls.size(); i += clients * step) {
                        for (int j = i; j < i + step && j < calls.size(); j++) {
                            Call call = calls.get(j);
                            long began = System.nanoTime();
                            if (interval > 0) {
                                for (long wait = due - began; wait > 0; wait = due - System.nanoTime()) {
                                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                                }
                                began = due;
                                due += interval;
                            }
                            try {
                                if (call.path() == null) {
                                    String answer = sip.send(call.body());
                                    if (!answer.startsWith(call.answer())) {
                                        throw new IllegalStateException("SIP2 " + call.body() + ": " + answer);
                                    }
                                    mine.get(kinds.indexOf(call.kind())).add(System.nanoTime() - began);
                                    continue;
                                }
                                LightHttp.Response response = call.body() == null ? http.get(call.path(), auth)
                                        : http.postJson(call.path(), call.body(), auth);
                                if (response.status() != call.expected()) {
                                    throw new IllegalStateException(call.path() + " " + call.body() + ": HTTP "
                                            + response.status() + " " + abbreviated(response.body()));
                                }
                                mine.get(kinds.indexOf(call.kind())).add(System.nanoTime() - began);
                            } catch (Exception e) {
                                errors.incrementAndGet();
                                firstError.compareAndSet(null, e.toString());
                                http.close();
                            }
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, e.toString());
                }
            }, "client-" + t);
            thread.start();
            threads.add(thread);
        }
        Long cpuBefore = cpu == null ? null : cpu.getAsLong();
        start.await();
        long began = System.nanoTime();
        for (Thread thread : threads) {
            thread.join();
        }
        long wall = System.nanoTime() - began;
        Long cpuUsed = cpu == null ? null : cpu.getAsLong() - cpuBefore;
        List<long[]> byKind = new ArrayList<>();
        for (int k = 0; k < kinds.size(); k++) {
            int kind = k;
            byKind.add(latencies.stream().flatMap(l -> l.get(kind).stream()).mapToLong(Long::longValue).toArray());
        }
        return new Phase(clients, wall, kinds, byKind, errors.get(), firstError.get(), cpuUsed);
    }

    private static String abbreviated(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "...";
    }
}
