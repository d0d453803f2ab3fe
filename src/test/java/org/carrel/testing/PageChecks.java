package org.carrel.testing;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What every page must pass: axe-core finds no WCAG 2.1 A/AA violation, the console shows no error (CSP violations
 * land there too), no request leaves the page's own origin and no response is a 5xx. Network traffic comes from
 * ChromeDriver's performance log (Chrome DevTools events), which needs no DevTools version matching and no network.
 */
public final class PageChecks {

    private static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21aa");

    /** The outcome of one page: its final address, the HTTP status of its document, and what was wrong. */
    public record PageReport(String url, int status, List<String> problems) {
        public String path() {
            URI uri = URI.create(url);
            return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        }
    }

    private final WebDriver driver;
    private final String origin;
    private final Json json = new Json();

    public PageChecks(WebDriver driver, String origin) {
        this.driver = driver;
        this.origin = origin;
    }

    /** Forgets what the browser logged so far, so that the next check sees only the next page's events. */
    public void forgetLogs() {
        driver.manage().logs().get(LogType.BROWSER);
        driver.manage().logs().get(LogType.PERFORMANCE);
    }

    /** Opens {@code path} (or an absolute address of the same origin) and checks the page it lands on. */
    public PageReport visit(String path) {
        forgetLogs();
        driver.get(path.startsWith("http") ? path : origin + path);
        return checkCurrentPage();
    }

    /** Checks the page the browser shows now, with every event since the last {@link #forgetLogs()} or visit. */
    public PageReport checkCurrentPage() {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d ->
                "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        String url = driver.getCurrentUrl();
        List<String> problems = new ArrayList<>();
        int status = networkProblems(url, problems);
        consoleProblems(url, status, problems);
        axeProblems(problems);
        return new PageReport(url, status, List.copyOf(problems));
    }

    /** Adds foreign requests and 5xx answers to {@code problems}; returns the status of the page's document. */
    @SuppressWarnings("unchecked")
    private int networkProblems(String pageUrl, List<String> problems) {
        int documentStatus = -1;
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            Map<String, Object> event = json.toType(entry.getMessage(), Map.class);
            Map<String, Object> message = (Map<String, Object>) event.get("message");
            String method = String.valueOf(message.get("method"));
            Map<String, Object> params = (Map<String, Object>) message.get("params");
            if (method.equals("Network.requestWillBeSent")) {
                String requested = String.valueOf(((Map<String, Object>) params.get("request")).get("url"));
                if (isForeign(requested)) {
                    problems.add("request to another origin: " + requested);
                }
            } else if (method.equals("Network.responseReceived")) {
                Map<String, Object> response = (Map<String, Object>) params.get("response");
                String answered = String.valueOf(response.get("url"));
                int status = ((Number) response.get("status")).intValue();
                if (status >= 500) {
                    problems.add("HTTP " + status + " from " + answered);
                }
                if ("Document".equals(params.get("type")) && answered.equals(pageUrl)) {
                    documentStatus = status;
                }
            }
        }
        return documentStatus;
    }

    private boolean isForeign(String url) {
        if (!url.matches("(?i)^(https?|wss?)://.*")) {
            return false; // data:, blob:, about: stay in the page
        }
        URI uri = URI.create(url);
        URI own = URI.create(origin);
        return !(uri.getHost().equalsIgnoreCase(own.getHost()) && uri.getPort() == own.getPort()
                && uri.getScheme().replace("ws", "http").equalsIgnoreCase(own.getScheme()));
    }

    /**
     * Adds console errors to {@code problems}. The one error Chromium logs for a page whose own document answered
     * 4xx is left out here: that status is reported as the page's status instead.
     */
    private void consoleProblems(String pageUrl, int documentStatus, List<String> problems) {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() < Level.SEVERE.intValue()) {
                continue;
            }
            String text = entry.getMessage();
            boolean ownStatus = documentStatus >= 400 && documentStatus < 500 && text.startsWith(pageUrl + " ")
                    && text.contains("status of " + documentStatus);
            if (!ownStatus) {
                problems.add("console error: " + text);
            }
        }
    }

    private void axeProblems(List<String> problems) {
        Results results = new AxeBuilder().withTags(WCAG_TAGS).analyze(driver);
        if (results.isErrored()) {
            problems.add("axe-core could not run: " + results.getErrorMessage());
        }
        for (Rule rule : results.getViolations()) {
            String targets = rule.getNodes().stream().map(CheckedNode::getTarget).map(String::valueOf)
                    .collect(Collectors.joining(", "));
            problems.add("axe " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at " + targets);
        }
    }
}
