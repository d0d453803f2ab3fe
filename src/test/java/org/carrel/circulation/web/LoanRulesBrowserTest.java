package org.carrel.circulation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.carrel.accounts.AccountForm;
import org.carrel.accounts.AccountResult;
import org.carrel.accounts.Accounts;
import org.carrel.accounts.Role;
import org.carrel.circulation.LoanRules;
import org.carrel.district.District;
import org.carrel.testing.BrowserTest;
import org.carrel.testing.PageChecks;
import org.carrel.testing.PageChecks.PageReport;
import org.carrel.testing.TempFolders;
import org.carrel.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The loan-rule pages in Chromium: a librarian previews a loan with the keyboard and the answer replaces the old one
 * in place (htmx), the same preview works as a plain page, and the pages with an answer or with refused values pass
 * {@link PageChecks} (axe-core WCAG 2.1 AA, no console error, nothing from another origin).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:carrel_rules_browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa", "spring.datasource.password=",
        "carrel.search.dir=memory", "carrel.demo=false"})
class LoanRulesBrowserTest extends BrowserTest {

    private static final String PASSWORD = "Reading-Is-Private-42";
    private static final Path DATA = TempFolders.create("carrel-rules-browser-");

    @Autowired
    Accounts accounts;
    @Autowired
    District district;
    @Autowired
    LoanRules loanRules;

    long school;
    String schoolName;

    @DynamicPropertySource
    static void dataFolder(DynamicPropertyRegistry registry) {
        registry.add("carrel.data-dir", DATA::toString);
    }

    @AfterAll
    static void removeDataFolder() {
        TempFolders.deleteQuietly(DATA);
    }

    @BeforeEach
    void aSchoolWithTheRecommendedRulesAndItsLibrarian() {
        if (accounts.all().stream().noneMatch(a -> a.username().equals("rules-librarian"))) {
            school = district.school(TestData.newSchool(district, "BR")).orElseThrow().id();
            loanRules.applyRecommended(school, "test");
            AccountResult created = accounts.create(new AccountForm("rules-librarian", "Rules Librarian",
                    Role.LIBRARIAN, List.of(school), true, PASSWORD, null), "test");
            assertThat(created).isInstanceOf(AccountResult.Saved.class);
        }
        school = district.schools().stream().filter(s -> s.code().startsWith("BR")).findFirst().orElseThrow().id();
        schoolName = district.school(school).orElseThrow().name();
        driver().manage().deleteAllCookies();
        driver().get(origin() + "/login");
        driver().findElement(By.id("f-username")).sendKeys("rules-librarian");
        driver().findElement(By.id("f-password")).sendKeys(PASSWORD, Keys.ENTER);
        new WebDriverWait(driver(), Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    @Test
    void aLibrarianPreviewsLoansWithTheKeyboardAndEachAnswerReplacesTheLastInPlace() {
        PageChecks checks = new PageChecks(driver(), origin());
        PageReport rules = checks.visit("/staff/circulation/rules");
        assertThat(rules.problems()).isEmpty();

        new Select(driver().findElement(By.id("f-patronType"))).selectByValue("STUDENT");
        new Select(driver().findElement(By.id("f-grade"))).selectByValue("2");
        new Select(driver().findElement(By.id("f-itemType"))).selectByValue("BOOK");
        ((JavascriptExecutor) driver()).executeScript("document.getElementById('f-date').value = '2026-12-01'");
        checks.forgetLogs();
        previewButton().sendKeys(Keys.ENTER);
        waitForPreview("due on Tuesday 2026-12-08.");
        assertThat(driver().getCurrentUrl()).as("swapped in place").endsWith("/staff/circulation/rules");
        assertThat(driver().findElement(By.id("rule-preview")).getText())
                .startsWith("A grade 2 student borrowing a book at " + schoolName + " on 2026-12-01: rule #");
        assertThat(checks.checkCurrentPage().problems()).isEmpty();

        new Select(driver().findElement(By.id("f-grade"))).selectByValue("K");
        previewButton().sendKeys(Keys.ENTER);
        waitForPreview("1 at once");
        assertThat(driver().findElements(By.id("preview-sentence"))).as("one answer at a time").hasSize(1);
        assertThat(driver().findElement(By.id("rule-preview")).getText()).contains("A grade K student")
                .contains("Student, grades PK to 1");
    }

    @Test
    void thePreviewWorksAsAPlainPageAndItsRefusalPassesTheChecks() {
        PageChecks checks = new PageChecks(driver(), origin());
        PageReport answered = checks.visit("/staff/circulation/rules/preview?school=" + school
                + "&patronType=TEACHER&grade=&itemType=REFERENCE&date=2026-12-01");
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.problems()).isEmpty();
        assertThat(driver().findElement(By.id("preview-sentence")).getText())
                .startsWith("A teacher borrowing a reference book at " + schoolName).contains("2 at once");

        PageReport refused = checks.visit("/staff/circulation/rules/preview?school=" + school
                + "&patronType=STUDENT&grade=2&itemType=BOOK&date=someday");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.problems()).isEmpty();
        assertThat(driver().findElement(By.id("f-date")).getDomAttribute("aria-invalid")).isEqualTo("true");
    }

    @Test
    void aRuleWithRefusedValuesComesBackWithAnAccessibleErrorSummary() {
        PageChecks checks = new PageChecks(driver(), origin());
        assertThat(checks.visit("/staff/circulation/rules/new?school=" + school).problems()).isEmpty();
        ((JavascriptExecutor) driver()).executeScript("document.querySelector('main form').noValidate = true");
        new Select(driver().findElement(By.id("f-itemType"))).selectByValue("DVD");
        driver().findElement(By.id("f-periodLength")).clear();
        driver().findElement(By.id("f-periodLength")).sendKeys("400");
        driver().findElement(By.id("f-dailyFine")).sendKeys("0");
        checks.forgetLogs();
        driver().findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(driver(), Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.cssSelector(".error-summary")).isEmpty());

        PageReport invalid = checks.checkCurrentPage();
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.problems()).isEmpty();
        assertThat(driver().findElement(By.cssSelector(".error-summary")).getText())
                .contains("Enter a number of days from 1 to 365.").contains("Enter a fine greater than zero");
        assertThat(driver().switchTo().activeElement().getAttribute("class")).contains("error-summary");
    }

    private static WebElement previewButton() {
        return driver().findElement(By.cssSelector("main form[action='/staff/circulation/rules/preview'] button"));
    }

    private void waitForPreview(String text) {
        new WebDriverWait(driver(), Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("rule-preview")).getText().contains(text));
    }
}
