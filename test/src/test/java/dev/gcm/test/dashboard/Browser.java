package dev.gcm.test.dashboard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless chromium through /usr/bin/chromedriver (no driver download), at a given window size. */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("gcm.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("gcm.chromedriver", "/usr/bin/chromedriver"));

    final ChromeDriver driver;
    private final WebDriverWait wait;

    Browser(int width, int height) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("the dashboard tests need Debian's chromium and chromium-driver"
                    + " (bash .ci/run installs them): " + CHROMIUM + ", " + CHROMEDRIVER);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--window-size=" + width + "," + height, "--lang=en");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        // live updates redraw parts of the page: an element found a moment ago may be gone; look again
        wait = (WebDriverWait) new WebDriverWait(driver, Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void until(java.util.function.Function<WebDriver, Boolean> condition) {
        wait.until(condition::apply);
    }

    String attribute(By by, String name) {
        return visible(by).getAttribute(name);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
