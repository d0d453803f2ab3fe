package org.carrel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application, {@code target/carrel.jar}, run as a separate {@code java -jar} process the way a
 * district runs it. Output goes to files (a full pipe would block the process). Variables that choose a database or
 * a data folder are never inherited from the developer's shell: each test says what it wants.
 */
public final class CarrelJar {

    private static final List<String> INHERITED_SETTINGS =
            List.of("CARREL_DB_URL", "CARREL_DB_USER", "CARREL_DB_PASSWORD", "CARREL_DATA_DIR", "SERVER_PORT");

    private CarrelJar() {
    }

    public static Path jar() {
        Path jar = Path.of(System.getProperty("carrel.jar", "target/carrel.jar"));
        assertThat(jar).as("the packaged jar (run ./mvnw verify, which packages it first)").isRegularFile();
        return jar;
    }

    /** What a finished run printed and returned. */
    public record Finished(int exitCode, String stdout, String stderr, Duration took) {
    }

    /** Runs the jar to completion (an admin command, or a start-up that must fail); kills it past {@code limit}. */
    public static Finished run(Map<String, String> env, Duration limit, String... args) {
        Path logs = TempFolders.create("carrel-run-");
        long started = System.nanoTime();
        Process process = launch(env, logs, args);
        try {
            boolean finished = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(finished).as("java -jar carrel.jar %s finished within %s; stderr: %s", String.join(" ", args),
                    limit, read(logs.resolve("stderr"))).isTrue();
            return new Finished(process.exitValue(), read(logs.resolve("stdout")), read(logs.resolve("stderr")), took);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            process.destroyForcibly();
            TempFolders.deleteQuietly(logs);
        }
    }

    /** Starts the server on a free port and waits until {@code /actuator/health} says UP. */
    public static Server startServer(Map<String, String> env, String... args) {
        int port = freePort();
        List<String> all = new ArrayList<>(List.of("--server.port=" + port));
        all.addAll(List.of(args));
        Path logs = TempFolders.create("carrel-server-");
        Server server = new Server(launch(env, logs, all.toArray(String[]::new)), port, logs);
        try {
            server.awaitHealthy(Duration.ofSeconds(120));
        } catch (RuntimeException | AssertionError e) {
            server.close();
            throw e;
        }
        return server;
    }

    private static Process launch(Map<String, String> env, Path logs, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar().toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(logs.resolve("stdout").toFile())
                .redirectError(logs.resolve("stderr").toFile());
        INHERITED_SETTINGS.forEach(builder.environment()::remove);
        builder.environment().putAll(env);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    /** A running server process; {@link #close()} kills it and removes its log files. */
    public static final class Server implements AutoCloseable {

        private final Process process;
        private final int port;
        private final Path logs;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        Server(Process process, int port, Path logs) {
            this.process = process;
            this.port = port;
            this.logs = logs;
        }

        public URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        public HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException("request failed; server output:\n" + output(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        public HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(uri(path)).GET());
        }

        void awaitHealthy(Duration limit) {
            long deadline = System.nanoTime() + limit.toNanos();
            while (System.nanoTime() < deadline) {
                assertThat(process.isAlive()).as("the server is running; its output:\n%s", output()).isTrue();
                try {
                    HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/actuator/health"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                    if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                sleep(Duration.ofMillis(250));
            }
            throw new AssertionError("the server was not UP within " + limit + "; its output:\n" + output());
        }

        /** Kills the server as {@code kill -9} would: no shutdown hook, no flush, no goodbye. */
        public void killHard() {
            process.destroyForcibly(); // SIGKILL on Linux
            try {
                assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("killed server exited").isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            assertThat(process.exitValue()).as("exit status of a SIGKILLed JVM").isEqualTo(128 + 9);
        }

        public String output() {
            String out = read(logs.resolve("stdout")) + read(logs.resolve("stderr"));
            return out.length() > 6000 ? "..." + out.substring(out.length() - 6000) : out;
        }

        @Override
        public void close() {
            try {
                if (process.isAlive()) {
                    process.destroyForcibly();
                    process.waitFor(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                TempFolders.deleteQuietly(logs);
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
