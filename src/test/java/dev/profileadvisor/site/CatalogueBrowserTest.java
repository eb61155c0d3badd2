package dev.profileadvisor.site;

import dev.profileadvisor.ProfileAdvisor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The catalogue in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}), opened from
 * {@code file://} as a user opens what {@code docs --out} wrote. Screenshots are kept in
 * {@code target/catalogue-browser/}. Without Chromium the test fails and says how to install it, unless
 * {@code CPA_SKIP_BROWSER_TEST=1} is set.
 */
class CatalogueBrowserTest {
    /** Set to {@code 1} to skip this test on a machine without Chromium (CI installs it: {@code .ci/run}). */
    static final String OPT_OUT = "CPA_SKIP_BROWSER_TEST";
    private static final Path ARTIFACTS = Path.of("target", "catalogue-browser");
    private static final String RULE = "strip-discards-debuginfo";

    private static ChromeDriver driver;
    private static Path userData;
    private static String page;
    private static int entries;
    /** Why every test is skipped (reported per test, so the skips show in the counts), or null. */
    private static String skipped;

    @BeforeAll
    static void start() throws IOException {
        Optional<Path> chromium = program("CPA_CHROMIUM", "chromium");
        Optional<Path> chromedriver = program("CPA_CHROMEDRIVER", "chromedriver");
        if (chromium.isEmpty() || chromedriver.isEmpty()) {
            String missing = (chromium.isEmpty() ? "`chromium`" : "") + (chromium.isEmpty() && chromedriver.isEmpty() ? " and " : "")
                    + (chromedriver.isEmpty() ? "`chromedriver`" : "");
            if ("1".equals(System.getenv(OPT_OUT))) {
                skipped = missing + " not found and " + OPT_OUT + "=1: browser test skipped";
                System.err.println("CatalogueBrowserTest: " + skipped);
                return;
            }
            fail(missing + " not found (on PATH, or at $CPA_CHROMIUM / $CPA_CHROMEDRIVER): the catalogue is tested in a real headless Chromium. Install Debian's packages as root with "
                    + "`apt-get install chromium chromium-driver` (`bash .ci/run` does it), or set " + OPT_OUT + "=1 to skip this test");
        }
        ProfileAdvisor advisor = ProfileAdvisor.withDefaults();
        Path site = ARTIFACTS.resolve("site");
        CatalogueSite.of(advisor.knowledge(), advisor.rules(), "cargo-profile-advisor").write(site);
        page = site.toAbsolutePath().resolve(CatalogueSite.PAGE).toUri().toString();
        entries = advisor.rules().size() + advisor.knowledge().goals().size() + advisor.knowledge().settings().size();
        userData = Files.createTempDirectory("cpa-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--window-size=1280,900", "--user-data-dir=" + userData);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.get().toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @BeforeEach
    void needsTheBrowser() {
        Assumptions.assumeTrue(skipped == null, () -> skipped);
    }

    @AfterAll
    static void stop() throws IOException {
        if (driver != null) driver.quit();
        if (userData != null) {
            try (Stream<Path> walk = Files.walk(userData)) {
                walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    /** The program {@code variable} names (a path), else {@code name} on PATH. */
    private static Optional<Path> program(String variable, String name) {
        String given = System.getenv(variable);
        if (given != null && !given.isBlank()) return Files.isExecutable(Path.of(given)) ? Optional.of(Path.of(given)) : Optional.empty();
        return onPath(name);
    }

    private static Optional<Path> onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    private static List<String> shownIds() {
        return driver.findElements(By.cssSelector("article.entry")).stream().filter(WebElement::isDisplayed).map(e -> e.getAttribute("id")).toList();
    }

    /** Picks an option of a filter as a user does, by clicking it. */
    private static void choose(String select, String option) {
        driver.findElement(By.id(select)).findElements(By.tagName("option")).stream().filter(o -> o.getText().equals(option))
                .findFirst().orElseThrow(() -> new AssertionError("no option `" + option + "` in #" + select)).click();
    }

    private static void screenshot(String name) throws IOException {
        Files.createDirectories(ARTIFACTS);
        Files.write(ARTIFACTS.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
    }

    private static List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage).toList();
    }

    @Test
    void thePageLoadsFromFileWithNoConsoleErrorAndShowsEveryEntry() throws IOException {
        consoleErrors(); // only what this load logs
        driver.get(page);
        assertThat(driver.getTitle()).isEqualTo("cargo-profile-advisor: rule catalogue");
        assertThat(driver.findElement(By.id("count")).getText()).isEqualTo(entries + " entries");
        assertThat(shownIds()).hasSize(entries).contains(RULE, "goal-small-binary", "setting-lto");
        assertThat(consoleErrors()).as("console errors and warnings of %s", page).isEmpty();
        screenshot("catalogue.png");
        ((JavascriptExecutor) driver).executeScript("console.error('catalogue test: the console is read')");
        assertThat(consoleErrors()).as("an error logged now is seen, so none was missed above").hasSize(1);
    }

    @Test
    void typingARuleIdInTheSearchFiltersTheListToIt() throws IOException {
        driver.get(page);
        driver.findElement(By.id("search")).sendKeys(RULE);
        assertThat(shownIds()).containsExactly(RULE);
        assertThat(driver.findElement(By.id("count")).getText()).isEqualTo("1 of " + entries + " entries");
        assertThat(driver.findElement(By.id("goals")).isDisplayed()).as("a section with nothing shown is hidden").isFalse();
        screenshot("search.png");
        driver.findElement(By.id("search")).clear();
        driver.findElement(By.id("search")).sendKeys("strip");
        assertThat(shownIds()).as("a word finds every entry that mentions it").contains(RULE, "setting-strip").hasSizeGreaterThan(2).hasSizeLessThan(entries);
    }

    @Test
    void theKindSeverityAndSettingFiltersShowOnlyWhatMatches() {
        driver.get(page);
        choose("kind", "finding");
        choose("severity", "error");
        List<WebElement> shown = driver.findElements(By.cssSelector("article.entry")).stream().filter(WebElement::isDisplayed).toList();
        assertThat(shown).isNotEmpty();
        for (WebElement e : shown) {
            assertThat(e.getAttribute("data-kind")).isEqualTo("finding");
            assertThat(e.getAttribute("data-severity")).isEqualTo("error");
        }
        choose("severity", "every severity");
        choose("setting", "strip");
        assertThat(shownIds()).contains(RULE).allSatisfy(id -> assertThat(driver.findElement(By.id(id)).getAttribute("data-settings").split(" ")).contains("strip"));
    }

    @Test
    void anAnchorLandsOnItsRule() throws IOException {
        driver.get(page + "#" + RULE);
        WebElement rule = driver.findElement(By.id(RULE));
        Number top = (Number) ((JavascriptExecutor) driver).executeScript("return arguments[0].getBoundingClientRect().top", rule);
        Number scrolled = (Number) ((JavascriptExecutor) driver).executeScript("return window.scrollY");
        assertThat(scrolled.doubleValue()).as("the page scrolled to the rule").isPositive();
        assertThat(top.doubleValue()).as("the rule is at the top of the window").isBetween(0.0, 20.0);
        assertThat(rule.findElement(By.cssSelector("h3 a.anchor")).getText()).isEqualTo(RULE);
        screenshot("anchor.png");
    }

    @Test
    void followingALinkToAnEntryTheFiltersHideClearsThem() {
        driver.get(page);
        choose("kind", "goal");
        assertThat(shownIds()).doesNotContain(RULE);
        ((JavascriptExecutor) driver).executeScript("location.hash = arguments[0]", RULE);
        assertThat(driver.findElement(By.id(RULE)).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("kind")).getDomProperty("value")).as("the kind filter is cleared").isEmpty();
    }
}
