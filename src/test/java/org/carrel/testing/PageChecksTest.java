package org.carrel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.carrel.testing.PageChecks.PageReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proves that {@link PageChecks} sees what it is meant to catch, so that the browser suite passing means something:
 * pages served by a bare JDK HTTP server, each broken in one known way.
 */
class PageChecksTest {

    private static final String CLEAN = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Clean</title></head>
            <body><main><h1>Clean</h1><p>Nothing wrong here.</p></main></body></html>""";

    /** Carrel's own policy (SecurityConfiguration): axe must still run on pages that carry it. */
    private static final String CARREL_CSP =
            "default-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

    private static HttpServer server;
    private static Browsers.Chromium chromium;
    private static PageChecks checks;

    @BeforeAll
    static void start() throws IOException {
        Browsers.assumeInstalled();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/clean", exchange -> answer(exchange, 200, CLEAN, null));
        server.createContext("/inaccessible", exchange -> answer(exchange, 200, """
                <!DOCTYPE html><html><head><title>Bad</title></head>
                <body><main><h1>Bad</h1><img src="/clean"></main></body></html>""", null));
        server.createContext("/inaccessible-under-csp", exchange -> answer(exchange, 200,
                CLEAN.replace("</main>", "<img src=\"/clean\"></main>"), CARREL_CSP));
        server.createContext("/inline-script", exchange -> answer(exchange, 200,
                CLEAN.replace("</main>", "</main><script>document.title = 'ran';</script>"), "default-src 'self'"));
        server.createContext("/foreign", exchange -> answer(exchange, 200,
                CLEAN.replace("</main>", "</main><script src=\"http://127.0.0.1:9/tracker.js\"></script>"), null));
        server.createContext("/broken-style", exchange -> answer(exchange, 200,
                CLEAN.replace("</head>", "<link rel=\"stylesheet\" href=\"/fails.css\"></head>"), null));
        server.createContext("/fails.css", exchange -> answer(exchange, 503, "down", null));
        server.start();
        chromium = Browsers.start();
        checks = new PageChecks(chromium.driver(), "http://localhost:" + server.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aCleanPagePasses() {
        PageReport report = checks.visit("/clean");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.problems()).isEmpty();
    }

    @Test
    void axeViolationsAreReportedWithRuleImpactAndTarget() {
        assertThat(checks.visit("/inaccessible").problems())
                .anyMatch(p -> p.startsWith("axe html-has-lang (serious)") && p.contains("html"))
                .anyMatch(p -> p.startsWith("axe image-alt (critical)") && p.contains("img"));
    }

    @Test
    void axeRunsOnPagesUnderCarrelsContentSecurityPolicy() {
        assertThat(checks.visit("/inaccessible-under-csp").problems())
                .anyMatch(p -> p.startsWith("axe image-alt (critical)"));
    }

    @Test
    void aContentSecurityPolicyViolationIsAConsoleError() {
        assertThat(checks.visit("/inline-script").problems())
                .anyMatch(p -> p.startsWith("console error:") && p.contains("Content Security Policy"));
    }

    @Test
    void aRequestToAnotherOriginIsReported() {
        assertThat(checks.visit("/foreign").problems())
                .contains("request to another origin: http://127.0.0.1:9/tracker.js");
    }

    @Test
    void aServerErrorOnAnyResourceIsReported() {
        assertThat(checks.visit("/broken-style").problems()).anyMatch(p -> p.startsWith("HTTP 503 from ")
                && p.endsWith("/fails.css"));
    }

    private static void answer(HttpExchange exchange, int status, String body, String csp) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        if (csp != null) {
            exchange.getResponseHeaders().set("Content-Security-Policy", csp);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
