package org.carrel.search.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.carrel.search.Search;
import org.carrel.testing.BrowserTest;
import org.carrel.testing.PageChecks;
import org.carrel.testing.PageChecks.PageReport;
import org.carrel.testing.TempFolders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The public catalogue in Chromium on the demo district, without signing in: every page passes {@link PageChecks}
 * (axe-core WCAG 2.1 AA, no console error, nothing from another origin), every picture shelf finds titles, the pages
 * fit a 320 px screen, and a reader who only has a keyboard searches, narrows and opens a title.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:carrel_opac_browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa", "spring.datasource.password=",
        "carrel.demo=true"})
class OpacBrowserTest extends BrowserTest {

    private static final Path DATA = TempFolders.create("carrel-opac-browser-");

    @Autowired
    Search search;

    @DynamicPropertySource
    static void dataFolder(DynamicPropertyRegistry registry) {
        registry.add("carrel.data-dir", DATA::toString);
    }

    @AfterAll
    static void removeDataFolder() {
        TempFolders.deleteQuietly(DATA);
    }

    @BeforeEach
    void aFreshVisitorOnACurrentIndex() {
        assertThat(search.awaitCurrent(Duration.ofSeconds(30))).as("the demo catalogue is indexed").isTrue();
        driver().manage().deleteAllCookies();
    }

    @Test
    void thePublicPagesPassThePageChecks() {
        PageChecks checks = new PageChecks(driver(), origin());
        List<PageReport> pages = new ArrayList<>();
        pages.add(checks.visit("/catalog"));
        pages.add(checks.visit("/catalog/search?q=caterpillar"));
        String facet = driver().findElement(By.cssSelector(".facet-option")).getDomAttribute("href");
        pages.add(checks.visit(facet));
        String record = driver().findElement(By.cssSelector(".hit-title a")).getDomAttribute("href");
        pages.add(checks.visit(record));
        pages.add(checks.visit("/catalog/search?q=*%22((&lexileMin=abc"));
        pages.add(checks.visit("/catalog?simple=1"));
        pages.add(checks.visit("/catalog/search?q=dragons"));
        pages.add(checks.visit(record));
        pages.add(checks.visit("/catalog?simple=0"));

        assertThat(pages).allSatisfy(page -> {
            assertThat(page.status()).as(page.path()).isEqualTo(200);
            assertThat(page.problems()).as(page.path()).isEmpty();
        });
        PageReport missing = checks.visit("/catalog/records/999999999");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.problems()).isEmpty();
    }

    @Test
    void everyPictureShelfFindsTitles() {
        PageChecks checks = new PageChecks(driver(), origin());
        driver().get(origin() + "/catalog");
        List<String> shelves = driver().findElements(By.cssSelector("a.shelf")).stream()
                .map(a -> a.getDomAttribute("href")).toList();
        assertThat(shelves).hasSize(Shelf.values().length);
        for (String shelf : shelves) {
            PageReport page = checks.visit(shelf);
            assertThat(page.problems()).as(shelf).isEmpty();
            assertThat(driver().findElements(By.cssSelector(".hit"))).as("titles on " + shelf).isNotEmpty();
        }
    }

    @Test
    void choosingMySchoolChangesTheHomePageAndTheResults() {
        driver().get(origin() + "/catalog");
        new Select(driver().findElement(By.id("my-school"))).selectByVisibleText("Oak Hill Elementary");
        driver().findElement(By.cssSelector(".prefs-school button")).click();
        // The old page's element goes stale when the choice reloads the page: look again until the new one shows.
        new WebDriverWait(driver(), Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("cards-new")).getText().contains("Oak Hill Elementary"));
        driver().get(origin() + "/catalog/search?q=caterpillar");
        assertThat(driver().findElement(By.tagName("main")).getText())
                .contains("Only books on the shelf now at Oak Hill Elementary");
    }

    @Test
    void thePagesFitANarrowPhoneScreen() {
        ChromeDriver driver = (ChromeDriver) driver();
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 320, "height", 800, "deviceScaleFactor", 1, "mobile", true));
        try {
            driver().get(origin() + "/catalog/search?q=caterpillar");
            String record = driver().findElement(By.cssSelector(".hit-title a")).getDomAttribute("href");
            for (String path : List.of("/catalog", "/catalog?simple=1", "/catalog/search?q=caterpillar", record,
                    "/catalog?simple=0", "/catalog/search?q=caterpillar")) {
                driver().get(origin() + path);
                Object overflow = ((JavascriptExecutor) driver()).executeScript(
                        "return document.documentElement.scrollWidth - window.innerWidth;");
                assertThat(((Number) overflow).intValue()).as("sideways scrolling on %s at 320 px", path)
                        .isLessThanOrEqualTo(0);
            }
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Test
    void aKeyboardAloneSearchesNarrowsAndOpensATitle() {
        PageChecks checks = new PageChecks(driver(), origin());
        driver().get(origin() + "/catalog");

        WebElement box = tabUntil(element -> "search-q".equals(element.getDomAttribute("id")));
        assertThat(hasVisibleFocus()).as("the search box shows its focus").isTrue();
        box.sendKeys("caterp");
        new WebDriverWait(driver(), Duration.ofSeconds(10)).withMessage("type-ahead fills the datalist").until(d ->
                !d.findElements(By.cssSelector("#search-suggestions option")).isEmpty());
        assertThat(driver().findElements(By.cssSelector("#search-suggestions option")).stream()
                .map(option -> option.getDomAttribute("value")).toList())
                .anySatisfy(text -> assertThat(text).containsIgnoringCase("caterp"));
        box.sendKeys("illar", Keys.ENTER);
        new WebDriverWait(driver(), Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/catalog/search"));
        assertThat(checks.checkCurrentPage().problems()).isEmpty();

        WebElement facet = tabUntil(element -> String.valueOf(element.getDomAttribute("class")).contains("facet-option"));
        assertThat(hasVisibleFocus()).as("a facet shows its focus").isTrue();
        String narrowed = facet.getDomAttribute("href");
        facet.sendKeys(Keys.ENTER);
        new WebDriverWait(driver(), Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith(narrowed));
        assertThat(driver().findElements(By.cssSelector(".facet-selected"))).as("the facet is applied").isNotEmpty();

        WebElement title = tabUntil(element -> element.getTagName().equals("a")
                && String.valueOf(element.getDomAttribute("href")).startsWith("/catalog/records/"));
        String titleText = title.getText();
        title.sendKeys(Keys.ENTER);
        new WebDriverWait(driver(), Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/catalog/records/"));
        assertThat(driver().findElement(By.tagName("h1")).getText()).isEqualTo(titleText);
        assertThat(driver().findElement(By.cssSelector(".availability")).getText())
                .contains("Where to find it").containsPattern("\\d+ of \\d+ on the shelf");
        assertThat(checks.checkCurrentPage().problems()).isEmpty();
    }

    /** Presses Tab until the focused element matches, at most 80 times. */
    private WebElement tabUntil(java.util.function.Predicate<WebElement> wanted) {
        for (int i = 0; i < 80; i++) {
            new Actions(driver()).sendKeys(Keys.TAB).perform();
            WebElement active = driver().switchTo().activeElement();
            if (wanted.test(active)) {
                return active;
            }
        }
        throw new AssertionError("Tab never reached the element wanted on " + driver().getCurrentUrl());
    }

    private boolean hasVisibleFocus() {
        Object style = ((JavascriptExecutor) driver()).executeScript(
                "var s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth;");
        return !String.valueOf(style).startsWith("none") && !String.valueOf(style).endsWith(" 0px");
    }
}
