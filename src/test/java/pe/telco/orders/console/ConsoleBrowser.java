package pe.telco.orders.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium for a test class, driven through the system chromedriver (nothing is downloaded).
 * Signs in as a person does, through the console's login form; switching person clears the cookies first.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("console.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("console.chromedriver", "/usr/bin/chromedriver");
    static final Duration PATIENCE = Duration.ofSeconds(60);

    final ChromeDriver driver;
    private final WebDriverWait wait;
    private final Path profile;
    private final String base;

    ConsoleBrowser(URL base) {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("The console browser tests need Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + "): apt-get install chromium chromium-driver");
        }
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        try {
            profile = Files.createTempDirectory("console-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,1000", "--lang=es", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().withTimeout(PATIENCE).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(PATIENCE).scriptTimeout(PATIENCE);
        wait = new WebDriverWait(driver, PATIENCE, Duration.ofMillis(200));
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("Accept-Language", "es-PE,es;q=0.9")));
        this.base = base.toString().replaceAll("/$", "");
    }

    /** Signs this person in through the login form (after forgetting whoever was signed in); lands on /console. */
    ConsoleBrowser as(String user, String password) {
        return as(user, password, "/console");
    }

    /** The same for a person whose start page is another ({@code /console/shipments} for the warehouse). */
    ConsoleBrowser as(String user, String password, String landing) {
        signOutEverywhere();
        signIn(user, password);
        wait.until(d -> d.getCurrentUrl().replaceAll("[?#].*", "").endsWith(landing));
        return this;
    }

    /** Forgets every cookie (session, language) of every site. */
    ConsoleBrowser signOutEverywhere() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        return this;
    }

    /** Fills and sends the login form, wherever it leads. */
    ConsoleBrowser signIn(String user, String password) {
        open("/console/login");
        type("#username", user);
        type("#password", password);
        click("#login-button");
        return this;
    }

    ConsoleBrowser open(String path) {
        driver.get(base + path);
        return this;
    }

    WebElement find(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /**
     * Waits until the element shows the text, then answers the element's whole text, as read in that same step. A page
     * that re-renders the element between finding and reading it is read again: Chromium reports that either as a
     * stale element or as an inspector error saying the node no longer belongs to the document.
     */
    String waitForText(String css, String text) {
        return wait.until(d -> {
            try {
                String shown = d.findElement(By.cssSelector(css)).getText();
                return shown.contains(text) ? shown : null;
            } catch (WebDriverException e) {
                if (e instanceof StaleElementReferenceException || String.valueOf(e.getMessage())
                        .contains("does not belong to the document")) {
                    return null;
                }
                throw e;
            }
        });
    }

    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    void click(String css) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    /** With {@code -Dconsole.screenshots=docs/console}, saves the page as a PNG there (for the README). */
    void screenshot(String name) {
        String folder = System.getProperty("console.screenshots");
        if (folder == null || folder.isBlank()) {
            return;
        }
        try {
            Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight");
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280,
                    (int) Math.min(2400, Math.max(800, height.longValue() + 40))));
            Path target = Path.of(folder).resolve(name + ".png");
            Files.createDirectories(target.getParent());
            Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                // a leftover temporary profile is harmless
            }
        }
    }
}
