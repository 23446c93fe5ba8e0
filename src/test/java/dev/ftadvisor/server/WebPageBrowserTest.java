package dev.ftadvisor.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web page in headless Chromium (Debian's chromium and chromium-driver; .ci/run installs them):
 * fill the form, submit, see plans, plot and findings; a wrong answer shows the API's field message;
 * the language switch gives the Chinese page. Skipped only where Chromium is not installed.
 */
class WebPageBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOT = Path.of("target", "web-page.png");
    static final Path SCREENSHOT_ZH = Path.of("target", "web-page-zh.png");
    private static TestServer server;
    private static WebDriver driver;
    private static Path profile;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "chromium and chromium-driver are not installed (apt-get install -y chromium chromium-driver)");
        // Selenium warns (JUL) that it has no CDP module for this Chromium; the test does not use CDP
        java.util.logging.Logger.getLogger("org.openqa.selenium").setLevel(java.util.logging.Level.SEVERE);
        server = new TestServer(AdvisorServer.Limits.defaults());
        profile = Files.createTempDirectory("ftadvisor-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1400,2000");
        // the system driver, named explicitly: Selenium Manager must not download anything
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1400, 2000));
    }

    @AfterAll
    static void stop() throws Exception {
        if (driver != null) driver.quit();
        if (server != null) server.close();
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void fillSubmitAndReadTheReport() throws Exception {
        driver.get(server.base() + "/?lang=en");
        set("model", "mistral-7b");
        set("tokens", "50M");
        set("budgetUsd", "20");
        set("deadlineHours", "6");
        driver.findElement(By.id("submit")).click();
        waitForReport();

        assertThat(driver.findElement(By.id("verdict")).getText()).startsWith("Verdict: ");
        List<WebElement> plans = driver.findElements(By.cssSelector("#plans tr.plan"));
        assertThat(plans).isNotEmpty();
        assertThat(plans.get(0).getText()).contains("$");
        // findings name their rule (file:line) and guide sources
        String reasons = driver.findElement(By.cssSelector("#plans td.why")).getText();
        assertThat(reasons).containsPattern("rule [a-z0-9.-]+ @ [a-z-]+\\.drl:\\d+; guide [a-z]");
        WebElement plot = driver.findElement(By.id("plot"));
        assertThat(plot.getAttribute("data-drawn")).isEqualTo(String.valueOf(plans.size()));
        assertThat(plot.findElements(By.tagName("canvas"))).isNotEmpty();

        shoot(SCREENSHOT);
    }

    private static void shoot(Path to) throws java.io.IOException {
        Files.createDirectories(to.getParent());
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), to, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(to)).isPositive();
    }

    @Test
    void aWrongAnswerShowsTheFieldMessage() {
        driver.get(server.base() + "/?lang=en");
        set("model", "llama-9000");
        driver.findElement(By.id("submit")).click();
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("error"), "model:"));
        assertThat(driver.findElement(By.id("error")).getText()).contains("unknown model 'llama-9000'");
        assertThat(driver.findElements(By.cssSelector("#plans tr.plan"))).isEmpty();
    }

    @Test
    void languageSwitchGivesTheChineseReport() throws Exception {
        driver.get(server.base() + "/?lang=en");
        driver.findElement(By.id("lang-zh")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.attributeToBe(By.id("proposal"), "data-lang", "zh"));
        driver.findElement(By.id("submit")).click();
        waitForReport();
        assertThat(driver.findElement(By.id("verdict")).getText()).startsWith("结论");
        assertThat(driver.findElement(By.id("plans")).getText()).contains("云厂商");
        shoot(SCREENSHOT_ZH);
    }

    private static void set(String id, String value) {
        WebElement e = driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(value);
    }

    private static void waitForReport() {
        new WebDriverWait(driver, Duration.ofSeconds(90))
                .until(ExpectedConditions.attributeToBe(By.id("report"), "data-ready", "true"));
    }
}
