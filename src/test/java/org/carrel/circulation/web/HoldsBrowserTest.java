package org.carrel.circulation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.carrel.accounts.AccountForm;
import org.carrel.accounts.AccountResult;
import org.carrel.accounts.Accounts;
import org.carrel.accounts.Role;
import org.carrel.circulation.Charges;
import org.carrel.circulation.CheckoutRequest;
import org.carrel.circulation.Circulation;
import org.carrel.circulation.CirculationFixtures;
import org.carrel.circulation.HoldRequest;
import org.carrel.circulation.HoldResult;
import org.carrel.circulation.Holds;
import org.carrel.patrons.Patrons;
import org.carrel.testing.BrowserTest;
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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hold pages with holds on them, in Chromium: a student's own library and placing a hold from a title's page
 * with the keyboard (the answer comes in place), a teacher's reservation form, and the staff hold lists and a
 * title's queue; every page passes {@link PageChecks} (axe-core WCAG 2.1 AA, no console error, nothing from
 * another origin).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:carrel_holds_browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa", "spring.datasource.password=",
        "carrel.demo=false"})
@Import(CirculationFixtures.class)
class HoldsBrowserTest extends BrowserTest {

    private static final Path DATA = TempFolders.create("carrel-holds-browser-");
    private static final String PASSWORD = "Correct-Horse-Battery-9";

    @Autowired
    CirculationFixtures fixtures;
    @Autowired
    Accounts accounts;
    @Autowired
    Patrons patrons;
    @Autowired
    Circulation circulation;
    @Autowired
    Holds holds;
    @Autowired
    Charges charges;

    String school;
    long schoolId;

    @DynamicPropertySource
    static void dataFolder(DynamicPropertyRegistry registry) {
        registry.add("carrel.data-dir", DATA::toString);
    }

    @AfterAll
    static void removeDataFolder() {
        TempFolders.deleteQuietly(DATA);
    }

    @BeforeEach
    void aSchool() {
        driver().manage().deleteAllCookies();
        school = fixtures.school();
        schoolId = fixtures.schoolId(school);
    }

    @Test
    void aStudentReadsTheirLibraryAndPlacesAHoldWithTheKeyboard() {
        SignedInPatrons.SignedIn student = new SignedInPatrons(accounts, patrons).student(school, true);
        String out = fixtures.copy(fixtures.title("Out Now"), school);
        circulation.checkout(CheckoutRequest.of(student.barcode(), out, "desk"));
        String read = fixtures.copy(fixtures.title("Read Before"), school);
        circulation.checkout(CheckoutRequest.of(student.barcode(), read, "desk"));
        circulation.checkin(read, null, "desk");
        long waited = fixtures.title("Waited For");
        fixtures.copy(waited, school);
        place(fixtures.patronId(fixtures.student(school, "4")), waited);
        place(student.patronId(), waited);
        charges.add(student.patronId(), schoolId, null, "OTHER", new BigDecimal("2.00"), "Lost bookmark", "test");
        long wanted = fixtures.title("Wanted Next");
        fixtures.copy(wanted, school);

        PageChecks checks = new PageChecks(driver(), origin());
        signIn(student.user().username());
        PageReport mine = checks.visit("/catalog/my-library");
        assertThat(mine.problems()).isEmpty();
        assertThat(main()).contains("Out Now", "Read Before", "Waited For", "You are number 2 in line.",
                "Lost bookmark");

        PageReport title = checks.visit("/catalog/records/" + wanted);
        assertThat(title.problems()).isEmpty();
        WebElement button = driver().findElement(By.cssSelector(".place-hold button[type=submit]"));
        ((JavascriptExecutor) driver()).executeScript("arguments[0].focus()", button);
        checks.forgetLogs();
        driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        new WebDriverWait(driver(), Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("hold-answer")).getText().contains("You are number 1 in line."));
        assertThat(driver().getCurrentUrl()).as("answered in place").endsWith("/catalog/records/" + wanted);
        assertThat(checks.checkCurrentPage().problems()).isEmpty();
        assertThat(holds.ofPatron(student.patronId())).hasSize(2);
    }

    @Test
    void aTeachersTitlePageOffersAReservation() {
        SignedInPatrons.SignedIn teacher = new SignedInPatrons(accounts, patrons).teacher(school);
        long title = fixtures.title("Unit Reading");
        fixtures.copy(title, school);

        PageChecks checks = new PageChecks(driver(), origin());
        signIn(teacher.user().username());
        PageReport page = checks.visit("/catalog/records/" + title);

        assertThat(page.problems()).isEmpty();
        assertThat(driver().findElements(By.id("f-neededFrom"))).hasSize(1);
        assertThat(checks.visit("/catalog/my-library").problems()).isEmpty();
    }

    @Test
    void theStaffHoldPagesWithHoldsOnThemPassThePageChecks() {
        String pine = fixtures.school();
        long shelved = fixtures.title("On The Shelf");
        String shelvedCopy = fixtures.copy(shelved, school);
        place(fixtures.patronId(fixtures.student(school, "3")), shelved);
        long queued = place(fixtures.patronId(fixtures.student(school, "3")), shelved);
        holds.suspend(queued, java.time.LocalDate.now().plusDays(5));
        circulation.checkin(shelvedCopy, null, "desk");
        long pulled = fixtures.title("To Pull");
        fixtures.copy(pulled, school);
        place(fixtures.patronId(fixtures.teacher(school)), pulled);
        long travelling = fixtures.title("Travelling");
        String travellingCopy = fixtures.copy(travelling, pine);
        place(fixtures.patronId(fixtures.student(school, "2")), travelling);
        circulation.checkin(travellingCopy, fixtures.schoolId(pine), "desk");
        String username = "holds-librarian-" + System.nanoTime() % 100000;
        assertThat(accounts.create(new AccountForm(username, "Holds Librarian", Role.LIBRARIAN, List.of(schoolId),
                true, PASSWORD, null), "test")).isInstanceOf(AccountResult.Saved.class);

        PageChecks checks = new PageChecks(driver(), origin());
        signIn(username);
        PageReport lists = checks.visit("/staff/circulation/holds");
        assertThat(lists.problems()).isEmpty();
        assertThat(main()).contains("On The Shelf", "To Pull", "Travelling");
        assertThat(driver().findElement(By.cssSelector("[data-print]")).isDisplayed()).as("the print button")
                .isTrue();

        PageReport queue = checks.visit("/staff/circulation/holds/records/" + shelved);
        assertThat(queue.problems()).isEmpty();
        assertThat(main()).contains("Suspended until");

        ((JavascriptExecutor) driver()).executeScript("document.querySelector('main form[action$=\"/records/"
                + shelved + "\"]').noValidate = true");
        checks.forgetLogs();
        driver().findElement(By.id("f-patron")).sendKeys("NO-SUCH-CARD", Keys.ENTER);
        new WebDriverWait(driver(), Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.cssSelector(".error-summary")).isEmpty());
        PageReport invalid = checks.checkCurrentPage();
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.problems().stream().filter(p -> !p.contains("422")).toList()).isEmpty();
    }

    private long place(long patronId, long record) {
        HoldResult result = holds.place(HoldRequest.onTitle(patronId, record, schoolId, "test"));
        assertThat(result).isInstanceOf(HoldResult.Placed.class);
        return ((HoldResult.Placed) result).hold().id();
    }

    private void signIn(String username) {
        driver().get(origin() + "/login");
        driver().findElement(By.id("f-username")).sendKeys(username);
        driver().findElement(By.id("f-password")).sendKeys(PASSWORD, Keys.ENTER);
        new WebDriverWait(driver(), Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private String main() {
        return driver().findElement(By.tagName("main")).getText();
    }
}
