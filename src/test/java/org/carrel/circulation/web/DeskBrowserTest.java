package org.carrel.circulation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.carrel.accounts.AccountForm;
import org.carrel.accounts.AccountResult;
import org.carrel.accounts.Accounts;
import org.carrel.accounts.Role;
import org.carrel.circulation.CirculationFixtures;
import org.carrel.patrons.Patrons;
import org.carrel.testing.BrowserTest;
import org.carrel.testing.PageChecks;
import org.carrel.testing.PageChecks.PageReport;
import org.carrel.testing.TempFolders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The circulation desk in Chromium, with the keyboard alone: a librarian scans a patron's card and two copies (typed,
 * each ended with Enter, the copies faster than the server answers), reads each answer in place while the focus
 * stays in the scan box, switches to check-in with its function key and checks a copy in; and goes past a
 * refusal with a reason. The desk with its answers, the receipt and the class-set page pass {@link PageChecks}
 * (axe-core WCAG 2.1 AA, no console error, nothing from elsewhere).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:carrel_desk_browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa", "spring.datasource.password=",
        "carrel.search.dir=memory", "carrel.demo=false"})
@Import(CirculationFixtures.class)
class DeskBrowserTest extends BrowserTest {

    private static final String PASSWORD = "Scanners-Never-Sleep-7";
    private static final Path DATA = TempFolders.create("carrel-desk-browser-");

    @Autowired
    CirculationFixtures fixtures;
    @Autowired
    Accounts accounts;
    @Autowired
    Patrons patrons;

    String school;
    String librarian;

    @DynamicPropertySource
    static void dataFolder(DynamicPropertyRegistry registry) {
        registry.add("carrel.data-dir", DATA::toString);
    }

    @AfterAll
    static void removeDataFolder() {
        TempFolders.deleteQuietly(DATA);
    }

    @BeforeEach
    void aLibrarianOfANewSchool() {
        driver().manage().deleteAllCookies();
        school = fixtures.school();
        librarian = "desk-" + school.toLowerCase();
        AccountResult created = accounts.create(new AccountForm(librarian, "Desk Librarian", Role.LIBRARIAN,
                List.of(fixtures.schoolId(school)), true, PASSWORD, null), "test");
        assertThat(created).isInstanceOf(AccountResult.Saved.class);
    }

    @Test
    void aLibrarianChecksOutAndInWithTheKeyboardAloneAndTheAnswersComeInPlace() {
        String student = fixtures.student(school, "3");
        String holes = fixtures.copy(fixtures.title("Holes"), school);
        String matilda = fixtures.copy(fixtures.title("Matilda"), school);
        PageChecks checks = new PageChecks(driver(), origin());
        signIn();

        PageReport desk = checks.visit("/staff/circulation/desk");
        assertThat(desk.status()).isEqualTo(200);
        assertThat(desk.problems()).isEmpty();
        focusComesBack("the scan box has the focus on arrival");

        type(student);
        waitForAnswer("Patron: ");
        focusComesBack("the focus stays in the scan box");
        // A scanner is faster than the server: the second copy is sent before the first one's answer arrives.
        type(holes);
        type(matilda);
        // Each answer swaps the patron panel: an element found just before a swap goes stale, so look again.
        new WebDriverWait(driver(), Duration.ofSeconds(15)).withMessage("both copies in the visit list")
                .ignoring(StaleElementReferenceException.class).until(d ->
                d.findElement(By.id("desk-patron")).getText().contains(holes)
                        && d.findElement(By.id("desk-patron")).getText().contains(matilda));
        assertThat(answer()).contains("Checked out: Matilda (" + matilda + "), due ");
        assertThat(driver().findElement(By.id("desk-items-out")).getText()).isEqualTo("2");
        assertThat(driver().getCurrentUrl()).as("answered in place").endsWith("/staff/circulation/desk");
        focusComesBack("the scan box has the focus");
        assertThat(driver().findElement(By.id("desk-barcode")).getDomProperty("value")).isEmpty();
        assertThat(checks.checkCurrentPage().problems()).as("the desk with answers and loans").isEmpty();

        new Actions(driver()).sendKeys(Keys.F3).perform();
        new WebDriverWait(driver(), Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("?mode=checkin"));
        new WebDriverWait(driver(), Duration.ofSeconds(10)).until(d -> "desk-barcode".equals(focusedId()));
        checks.forgetLogs();
        type(holes);
        waitForAnswer("Checked in: Holes (" + holes + ")");
        assertThat(answer()).contains("Put it back on the shelf.");
        focusComesBack("the scan box has the focus");
        assertThat(checks.checkCurrentPage().problems()).as("the check-in page with its answer").isEmpty();

        PageReport receipt = checks.visit("/staff/circulation/desk/receipt");
        assertThat(receipt.problems()).isEmpty();
        assertThat(driver().findElement(By.tagName("main")).getText()).contains(matilda).doesNotContain(holes);
        PageReport classSet = checks.visit("/staff/circulation/class-set");
        assertThat(classSet.problems()).isEmpty();
    }

    @Test
    void aLibrarianGoesPastARefusalWithAReasonUsingTheKeyboard() {
        String blocked = fixtures.student(school, "3");
        patrons.block(fixtures.patronId(blocked), "Owes two books", "test");
        String holes = fixtures.copy(fixtures.title("Holes"), school);
        PageChecks checks = new PageChecks(driver(), origin());
        signIn();
        driver().get(origin() + "/staff/circulation/desk");
        type("NO-SUCH-COPY");
        waitForAnswer("No patron has this barcode.");
        type(blocked);
        waitForAnswer("Patron: ");
        checks.forgetLogs();

        type(holes);
        waitForAnswer("This patron is blocked from borrowing.");
        focusComesBack("the scan box has the focus");
        assertThat(checks.checkCurrentPage().problems()).as("the refusal with its override form").isEmpty();

        WebElement reason = tabUntil("desk-override-reason");
        reason.sendKeys("Needed for a class project", Keys.ENTER);
        waitForAnswer("Checked out: Holes (" + holes + ")");
        assertThat(answer()).contains("Checked out past these refusals");
        focusComesBack("the focus is back in the scan box");
    }

    @Test
    void staffOfSeveralSchoolsChooseTheDesksSchoolWithTheKeyboard() {
        String second = fixtures.school();
        String both = librarian + "-both";
        accounts.create(new AccountForm(both, "Two Schools", Role.LIBRARIAN, List.of(fixtures.schoolId(school),
                fixtures.schoolId(second)), true, PASSWORD, null), "test");
        PageChecks checks = new PageChecks(driver(), origin());
        signIn(both);

        PageReport chooser = checks.visit("/staff/circulation/desk");
        assertThat(chooser.problems()).as("the desk before a school is chosen").isEmpty();
        assertThat(driver().findElements(By.id("desk-barcode"))).isEmpty();
        WebElement select = tabUntil("f-school");
        List<String> options = select.findElements(By.tagName("option")).stream().map(WebElement::getText).toList();
        int wanted = options.indexOf(fixtures.schoolName(second));
        int selected = options.indexOf(new Select(select).getFirstSelectedOption().getText());
        for (int i = selected; i != wanted; i += Integer.signum(wanted - selected)) {
            select.sendKeys(wanted > selected ? Keys.ARROW_DOWN : Keys.ARROW_UP);
        }
        new Actions(driver()).sendKeys(Keys.TAB).perform();
        driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        new WebDriverWait(driver(), Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("desk-barcode"))
                .isEmpty());
        assertThat(driver().findElement(By.cssSelector(".desk-at")).getText()).contains(second);
        focusComesBack("the scan box has the focus");
        assertThat(checks.visit("/staff/circulation/class-set").problems()).as("class sets with a school choice")
                .isEmpty();
    }

    /** Presses Tab until the element with this id has the focus, at most 40 times. */
    private WebElement tabUntil(String id) {
        for (int i = 0; i < 40; i++) {
            new Actions(driver()).sendKeys(Keys.TAB).perform();
            if (id.equals(focusedId())) {
                return driver().switchTo().activeElement();
            }
        }
        throw new AssertionError("Tab never reached #" + id);
    }

    private void signIn() {
        signIn(librarian);
    }

    private void signIn(String username) {
        driver().get(origin() + "/login");
        driver().findElement(By.id("f-username")).sendKeys(username);
        driver().findElement(By.id("f-password")).sendKeys(PASSWORD, Keys.ENTER);
        new WebDriverWait(driver(), Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** Types into whatever has the focus, as a scanner does, and ends with Enter. */
    private void type(String barcode) {
        WebElement focused = driver().switchTo().activeElement();
        focused.sendKeys(barcode, Keys.ENTER);
    }

    private void waitForAnswer(String text) {
        new WebDriverWait(driver(), Duration.ofSeconds(15)).withMessage("the answer shows " + text)
                .ignoring(StaleElementReferenceException.class).until(d -> d.findElement(By.id("desk-answer")).getText().contains(text));
    }

    private String answer() {
        return driver().findElement(By.id("desk-answer")).getText();
    }

    /**
     * The scan box has the focus, or gets it within seconds: the desk's script gives it back after htmx has settled
     * an answer, a moment after the answer's text is on the page.
     */
    private void focusComesBack(String why) {
        new WebDriverWait(driver(), Duration.ofSeconds(5)).withMessage(() -> why + " (the focus is on "
                + focusedId() + ")").until(d -> "desk-barcode".equals(focusedId()));
    }

    private String focusedId() {
        return driver().switchTo().activeElement().getDomAttribute("id");
    }
}
