package org.carrel.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A test class that drives the running application in one headless Chromium ({@link Browsers}), started before its
 * first test and closed after its last; skipped with the reason when Chromium is missing (a failure in CI).
 */
public abstract class BrowserTest {

    private static Browsers.Chromium chromium;

    @LocalServerPort
    protected int port;

    @BeforeAll
    static void startBrowser() {
        Browsers.assumeInstalled();
        chromium = Browsers.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    /** The application's address, as the browser reaches it. */
    protected String origin() {
        return "http://localhost:" + port;
    }

    protected static WebDriver driver() {
        return chromium.driver();
    }
}
