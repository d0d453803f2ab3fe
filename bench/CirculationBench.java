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

    /** One request: a GET when {@code body} is null, else a JSON POST; {@code kind} groups its latency. */
    private record Call(String kind, String path, String body, int expected) {
    }

    /** What one phase measured, per kind of call. */
    private record Phase(int clients, long wallNanos, List<String> kinds, List<long[]> nanos, int errors,
                         String firstError, Long serverCpuNanos) {

        String json(String kind) {
            long[] latencies = nanos.get(kinds.indexOf(kind));
            double seconds = wallNanos / 1e9;
            return "{\"requests\":" + latencies.length + ",\"errors\":" + errors
                    + (firstError == null ? "" : ",\"first_error\":" + BenchMix.quote(firstError))
                    + ",\"per_s\":" + BenchMix.round(latencies.length / seconds) + ","
                    + BenchMix.percentiles(latencies.clone())
                    + (serverCpuNanos == null || kinds.size() > 1 ? "" : ",\"server_cpu_ms_per_request\":"
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
                .append(",\"checkin\":").append(phase(base, auth, most, in, cpu, 1, rate).json("checkin"))
                .append("},\"teacher\":").append(teacher(base, auth, teacher, ops, teacherLoans, teacherOps,
                        List.of(1, most), cpu, rate));
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
        CyclicBarrier start = new CyclicBarrier(clients + 1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            List<List<Long>> mine = new ArrayList<>();
            kinds.forEach(k -> mine.add(new ArrayList<>()));
            latencies.add(mine);
            int first = t;
            Thread thread = new Thread(() -> {
                try (LightHttp http = new LightHttp(base)) {
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
        origin.set(System.nanoTime() + 1_000_000);
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
