package org.carrel.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium and ChromeDriver, started headless and offline. Selenium Manager never runs: the driver and the
 * browser are both given by path, and Surefire sets {@code SE_OFFLINE=true} in case some path slips through.
 * Without a browser the suite is skipped with its reason, unless {@code CARREL_REQUIRE_BROWSER=1} (CI) makes that a
 * failure.
 */
public final class Browsers {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Browsers() {
    }

    /** Skips the calling test (or fails it, when CI requires a browser) if Chromium or ChromeDriver is missing. */
    public static void assumeInstalled() {
        String missing = !Files.isExecutable(CHROMIUM) ? CHROMIUM.toString()
                : !Files.isExecutable(CHROMEDRIVER) ? CHROMEDRIVER.toString() : null;
        if (missing == null) {
            return;
        }
        String reason = missing + " is missing: install Debian's chromium and chromium-driver to run the browser suite";
        if ("1".equals(System.getenv("CARREL_REQUIRE_BROWSER"))) {
            throw new AssertionError(reason + " (CARREL_REQUIRE_BROWSER=1)");
        }
        Skips.skipUnless(false, reason);
    }

    /** A fresh headless Chromium with its own empty profile, logging console and network events for the checks. */
    public static Chromium start() {
        try {
            Path profile = Files.createTempDirectory("carrel-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            // Without the background-networking flags Chromium calls Google's hosts at start, which this network refuses.
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                    "--lang=en-US", "--user-data-dir=" + profile);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            logs.enable(LogType.PERFORMANCE, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", true, "enablePage", false));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            return new Chromium(driver, profile);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a Chromium profile folder", e);
        }
    }

    /** A running browser; closing it quits the driver and deletes the profile. */
    public record Chromium(ChromeDriver driver, Path profile) implements AutoCloseable {
        @Override
        public void close() {
            try {
                driver.quit();
            } finally {
                TempFolders.deleteQuietly(profile);
            }
        }
    }
}
