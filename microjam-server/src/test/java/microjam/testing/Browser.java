// Headless Debian Chromium for the browser tests, driven through /usr/bin/chromedriver so that
// Selenium never downloads anything; a fresh profile each time; screenshots land in target/screenshots.
package microjam.testing;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

public final class Browser implements AutoCloseable {
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    public final ChromeDriver driver;
    public final Path downloads;

    public static void assumeAvailable() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")) && Files.isExecutable(Path.of("/usr/bin/chromedriver")),
                "skipped: the browser tests need Debian's chromium and chromium-driver (./test installs them as root)");
    }

    /** A browser with the app's test hooks (window.microjam) switched on, as the journey tests need. */
    public Browser() {
        this(true);
    }

    /** testHooks: whether pages get window.microjamTestHooks before their scripts run (people's browsers never do). */
    public Browser(boolean testHooks) {
        try {
            downloads = Files.createTempDirectory("microjam-downloads");
            Path profile = Files.createTempDirectory("microjam-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                    "--user-data-dir=" + profile, "--autoplay-policy=no-user-gesture-required",
                    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1");
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false));
            // The network log, so tests can see what left the browser (performance log: DevTools Network events).
            org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
            logs.enable(org.openqa.selenium.logging.LogType.PERFORMANCE, java.util.logging.Level.ALL);
            logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
            driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(new Dimension(390, 844));
            if (testHooks) driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", "window.microjamTestHooks = true;"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request the page sent: method, URL and the headers the page gave it. */
    public record Sent(String method, String url, java.util.Map<String, String> headers) {
        public boolean hasHeader(String name) {
            return headers.keySet().stream().anyMatch(h -> h.equalsIgnoreCase(name));
        }
    }

    /** "METHOD URL" of every request the page sent since the last call. */
    public java.util.List<String> requestsSent() {
        return sent().stream().map(r -> r.method() + " " + r.url()).toList();
    }

    /** Every request the page sent since the last call, with its headers. */
    public java.util.List<Sent> sent() {
        java.util.List<Sent> sent = new java.util.ArrayList<>();
        for (var entry : driver.manage().logs().get(org.openqa.selenium.logging.LogType.PERFORMANCE)) {
            try {
                var message = Api.JSON.readTree(entry.getMessage()).path("message");
                if (!message.path("method").asText().equals("Network.requestWillBeSent")) continue;
                var request = message.path("params").path("request");
                java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
                request.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
                sent.add(new Sent(request.path("method").asText(), request.path("url").asText(), headers));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return sent;
    }

    /** The errors the page's console reported since the last call (uncaught exceptions and rejections among them). */
    public java.util.List<String> consoleErrors() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()).map(e -> e.getMessage()).toList();
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public Object asyncJs(String script, Object... args) {
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    public <T> T await(Function<WebDriver, T> condition) {
        // Screens re-render as data arrives: an element found a moment ago may be gone, so look again.
        return new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    public void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
