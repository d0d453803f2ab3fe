package org.carrel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.carrel.accounts.AccountForm;
import org.carrel.accounts.AccountResult;
import org.carrel.accounts.Accounts;
import org.carrel.accounts.Role;
import org.carrel.district.District;
import org.carrel.testing.BrowserTest;
import org.carrel.testing.MarcFiles;
import org.carrel.testing.PageChecks;
import org.carrel.testing.PageChecks.PageReport;
import org.carrel.testing.TempFolders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The browser suite: on the demo district, for every role, sign in through the real form, open the home page, every
 * link of the main navigation and of the staff dashboard, and then every page reachable through links inside the
 * pages (one page per kind of address, so six schools count once), and hold each page to {@link PageChecks}
 * (axe-core WCAG 2.1 AA, no console error, no request to another origin, no 4xx or 5xx). Also a form sent with
 * invalid values (its 422 page must pass too), the keyboard path through the sign-in page, and sign-out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:carrel_browser_suite;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa", "spring.datasource.password=",
        "carrel.demo=true"})
class BrowserSuiteTest extends BrowserTest {

    private static final String PASSWORD = "Reading-Is-Private-42";
    private static final Path DATA = TempFolders.create("carrel-browser-data-");


    @Autowired
    Accounts accounts;
    @Autowired
    District district;
    @Autowired
    org.carrel.catalog.Catalog catalog;
    @Autowired
    org.carrel.catalog.Copies copies;

    @DynamicPropertySource
    static void dataFolder(DynamicPropertyRegistry registry) {
        registry.add("carrel.data-dir", DATA::toString);
    }

    @AfterAll
    static void removeDataFolder() {
        TempFolders.deleteQuietly(DATA);
    }

    @BeforeEach
    void oneAccountPerRole() {
        driver().manage().deleteAllCookies();
        for (Role role : Role.values()) {
            if (accounts.all().stream().noneMatch(a -> a.username().equals(username(role)))) {
                AccountResult result = accounts.create(new AccountForm(username(role), "CI " + role.name()
                        .toLowerCase(Locale.ROOT).replace('_', ' '), role, allSchools(), true, PASSWORD, null), "ci");
                assertThat(result).as("account for %s", role).isInstanceOf(AccountResult.Saved.class);
            }
        }
    }

    @Test
    void everyPageEachRoleReachesPassesThePageChecks() {
        PageChecks checks = new PageChecks(driver(), origin());
        Map<String, List<PageReport>> visited = new LinkedHashMap<>();
        visited.put("visitor", List.of(checks.visit("/"), checks.visit("/login"), checks.visit("/catalog")));
        for (Role role : Role.values()) {
            driver().manage().deleteAllCookies();
            List<PageReport> pages = new ArrayList<>();
            pages.add(signIn(checks, role));
            pages.add(checks.visit("/"));
            Set<String> links = new LinkedHashSet<>(hrefs("nav.site-nav a"));
            if (driver().getCurrentUrl().endsWith("/staff")) {
                links.addAll(hrefs("main .tiles a"));
            }
            crawl(checks, links, pages);
            visited.put(role.name().toLowerCase(Locale.ROOT), pages);
        }
        printSummary(visited);
        assertThat(visited.get("librarian").stream().map(page -> kindOf(page.path())).toList())
                .as("the crawl reaches the catalogue pages").contains("/staff/catalog", "/staff/catalog/records/#",
                        "/staff/catalog/records/#/marc", "/staff/catalog/records/#/marc/edit",
                        "/staff/catalog/records/new", "/staff/catalog/records/#/items/new",
                        "/staff/catalog/items/#/edit", "/staff/catalog/imports", "/staff/catalog/export",
                        "/staff/catalog/shelf", "/staff/catalog/labels");
        assertThat(visited.get("librarian").stream().map(page -> kindOf(page.path())).toList())
                .as("the crawl reaches the patron pages").contains("/staff/patrons", "/staff/patrons/new",
                        "/staff/homerooms", "/staff/homerooms/#", "/staff/patrons/#", "/staff/patrons/#/edit");
        assertThat(visited.get("librarian").stream().map(page -> kindOf(page.path())).toList())
                .as("the crawl reaches the notice pages").contains("/staff/notices", "/staff/notices/runs",
                        "/staff/notices/print", "/staff/patrons/#/notices");
        assertThat(visited.get("district_admin").stream().map(page -> kindOf(page.path())).toList())
                .as("the crawl reaches the notice settings").contains("/staff/notices/settings",
                        "/staff/notices/templates", "/staff/notices/templates/*/*");
        assertThat(visited.get("teacher").stream().map(page -> kindOf(page.path())).toList())
                .as("the crawl reaches the new-arrival pages").contains("/account/new-arrivals", "/catalog/new");
        List<String> problems = visited.entrySet().stream()
                .flatMap(e -> e.getValue().stream().flatMap(page -> java.util.stream.Stream.concat(
                                page.status() >= 400 ? java.util.stream.Stream.of("answered " + page.status())
                                        : java.util.stream.Stream.empty(),
                                page.problems().stream())
                        .map(problem -> e.getKey() + " " + page.path() + ": " + problem)))
                .toList();
        assertThat(problems).as("problems found on the pages visited").isEmpty();
    }

    @Test
    void aKeyboardAloneSkipsToMainAndSignsIn() {
        driver().get(origin() + "/login");
        new Actions(driver()).sendKeys(Keys.TAB).perform();
        WebElement skip = driver().switchTo().activeElement();
        assertThat(skip.getAttribute("class")).as("the first Tab focuses the skip link").contains("skip-link");
        assertThat(skip.isDisplayed()).as("the focused skip link is visible").isTrue();

        skip.sendKeys(Keys.ENTER);
        new WebDriverWait(driver(), Duration.ofSeconds(5)).until(d -> "main".equals(activeTag()));

        new Actions(driver()).sendKeys(Keys.TAB).perform();
        assertThat(driver().switchTo().activeElement().getAttribute("name")).isEqualTo("username");
        driver().switchTo().activeElement().sendKeys(username(Role.LIBRARIAN), Keys.TAB);
        assertThat(driver().switchTo().activeElement().getAttribute("name")).isEqualTo("password");
        driver().switchTo().activeElement().sendKeys(PASSWORD, Keys.ENTER);

        new WebDriverWait(driver(), Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches("/staff$"));
        assertThat(driver().findElement(By.cssSelector(".who")).getText()).contains("CI librarian");
    }

    @Test
    void aLibrarianUploadsAMarcFileWatchesItsProgressAndReadsTheReport() throws Exception {
        PageChecks checks = new PageChecks(driver(), origin());
        signIn(checks, Role.LIBRARIAN);
        Path file = DATA.resolve("new-books.mrc");
        java.nio.file.Files.write(file, MarcFiles.twoGoodOneBroken());
        driver().get(origin() + "/staff/catalog/imports");
        driver().findElement(By.id("f-files")).sendKeys(file.toAbsolutePath().toString());
        checks.forgetLogs();
        driver().findElement(By.cssSelector("main form button[type=submit]")).click();

        new WebDriverWait(driver(), Duration.ofSeconds(30)).until(d -> !d.findElements(
                By.cssSelector("#import-progress[data-state=FINISHED]")).isEmpty());
        PageReport report = checks.checkCurrentPage();
        assertThat(report.problems()).isEmpty();
        assertThat(driver().findElement(By.id("import-bar")).getDomAttribute("value")).isEqualTo("100");
        assertThat(driver().findElement(By.tagName("main")).getText()).contains("Kitchen Chemistry")
                .contains("leader");
    }

    @Test
    void aLibrarianScansACopyIntoTheLabelQueueWithTheKeyboardAndSeesThePrintForm() {
        PageChecks checks = new PageChecks(driver(), origin());
        signIn(checks, Role.LIBRARIAN);
        long oak = district.school("OAK").orElseThrow().id();
        String barcode = copies.shelfList(oak, null, 0, 1).get(0).barcode();
        driver().get(origin() + "/staff/catalog/labels?school=OAK");
        checks.forgetLogs();

        driver().findElement(By.id("f-barcode")).sendKeys(barcode, Keys.ENTER);

        new WebDriverWait(driver(), Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.cssSelector("form[action='/staff/catalog/labels/pdf']")).isEmpty());
        assertThat(checks.checkCurrentPage().problems()).isEmpty();
        assertThat(driver().findElement(By.tagName("main")).getText()).contains(barcode);
        assertThat(driver().switchTo().activeElement().getAttribute("id")).as("the scan box keeps the focus")
                .isEqualTo("f-barcode");
    }

    @Test
    void signingOutEndsTheSession() {
        PageChecks checks = new PageChecks(driver(), origin());
        signIn(checks, Role.TEACHER);
        assertThat(driver().getCurrentUrl()).endsWith("/account");

        checks.forgetLogs();
        driver().findElement(By.cssSelector(".who form[action='/logout'] button")).click();
        new WebDriverWait(driver(), Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login?signedOut"));
        PageReport signedOut = checks.checkCurrentPage();
        assertThat(signedOut.problems()).isEmpty();
        assertThat(driver().findElement(By.cssSelector("[role=status]")).getText()).contains("signed out");

        driver().get(origin() + "/account");
        assertThat(driver().getCurrentUrl()).as("a signed-out visitor is sent to sign in").endsWith("/login");
    }

    @Test
    void aFormSentWithInvalidValuesShowsAnAccessibleErrorPage() {
        PageChecks checks = new PageChecks(driver(), origin());
        signIn(checks, Role.DISTRICT_ADMIN);
        driver().get(origin() + "/staff/schools/new");
        // Skip the browser's own checks of required fields, as a browser without them would.
        ((JavascriptExecutor) driver()).executeScript("document.querySelector('main form').noValidate = true");
        checks.forgetLogs();
        driver().findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(driver(), Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.cssSelector(".error-summary")).isEmpty());
        PageReport invalid = checks.checkCurrentPage();
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.problems().stream().filter(p -> !p.contains("422")).toList()).isEmpty();
        assertThat(driver().switchTo().activeElement().getAttribute("class")).as("focus moves to the error summary")
                .contains("error-summary");
    }

    /**
     * Visits the given links, then the links inside each page's main content, breadth first: every kind of page
     * once ({@code /staff/schools/OAK} and {@code /staff/schools/RHS} are one kind), never a sign-out or an address
     * that acts, nor a feed (a link typed {@code application/atom+xml} is for feed readers, not a page; its XML is
     * checked by {@code notifications.ArrivalPagesTest}).
     */
    private void crawl(PageChecks checks, Set<String> start, List<PageReport> pages) {
        Deque<String> queue = new ArrayDeque<>(start);
        Set<String> kinds = new HashSet<>();
        while (!queue.isEmpty() && pages.size() < 80) {
            String href = queue.removeFirst();
            if (!href.startsWith("/") || href.startsWith("//") || !kinds.add(kindOf(href))) {
                continue;
            }
            PageReport page = checks.visit(href);
            pages.add(page);
            if (page.status() == 200) {
                queue.addAll(hrefs("main a[href]:not([type='application/atom+xml'])"));
            }
        }
    }

    private static String kindOf(String href) {
        String path = href.replaceAll("[?#].*", "");
        return path.replaceAll("/\\d+", "/#").replaceAll("^(/staff/schools/)(?!new$)[^/]+", "$1*")
                .replaceAll("^(/staff/notices/templates/)[A-Z_]+/[a-z]{2}$", "$1*/*");
    }

    private List<Long> allSchools() {
        return district.schools().stream().map(school -> school.id()).toList();
    }

    /** Signs in through the sign-in form and checks the page it lands on. */
    private PageReport signIn(PageChecks checks, Role role) {
        driver().get(origin() + "/login");
        driver().findElement(By.id("f-username")).sendKeys(username(role));
        driver().findElement(By.id("f-password")).sendKeys(PASSWORD);
        checks.forgetLogs();
        driver().findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(driver(), Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
        assertThat(driver().findElement(By.cssSelector(".who")).getText()).as("signed in as %s", role)
                .contains("CI ");
        return checks.checkCurrentPage();
    }

    private List<String> hrefs(String css) {
        return driver().findElements(By.cssSelector(css)).stream().map(a -> a.getDomAttribute("href")).toList();
    }

    private String activeTag() {
        return driver().switchTo().activeElement().getTagName();
    }

    private static void printSummary(Map<String, List<PageReport>> visited) {
        StringBuilder summary = new StringBuilder("Browser suite: pages visited per role\n");
        visited.forEach((who, pages) -> {
            summary.append(String.format("  %-17s %2d:", who, pages.size()));
            pages.forEach(p -> summary.append(' ').append(p.path()).append(p.status() == 200 ? "" : " [" + p.status() + "]"));
            summary.append('\n');
        });
        System.out.print(summary);
    }

    private static String username(Role role) {
        return "ci-" + role.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
