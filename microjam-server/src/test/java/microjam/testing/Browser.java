// The browsers of the browser tests, from Debian's packages so that Selenium never downloads anything:
// headless Chromium through /usr/bin/chromedriver, and WebKit (Safari's engine: WebKitGTK's MiniBrowser)
// through WebKitWebDriver on an Xvfb display. A fresh profile each time; screenshots land in target/screenshots.
//
// What only Chromium's driver gives (its DevTools network and console logs, pages given the test hooks
// before their scripts run) is reached here in a way both engines share where one exists: WebKit pages get
// the hooks through sessionStorage and a reload (open), and say whether they can list requests (canListRequests).
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
import org.openqa.selenium.remote.RemoteWebDriver;
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
    /** The engines the journeys run in. */
    public enum Kind {
        CHROMIUM, WEBKIT;

        public boolean available() {
            return switch (this) {
                case CHROMIUM -> Files.isExecutable(Path.of("/usr/bin/chromium")) && Files.isExecutable(Path.of("/usr/bin/chromedriver"));
                case WEBKIT -> WebKit.available();
            };
        }
    }

    public final RemoteWebDriver driver;
    public final Kind kind;
    public final Path downloads;
    private final boolean testHooks;
    private final WebKit.Driver webkit;

    public static void assumeAvailable() {
        assumeAvailable(Kind.CHROMIUM);
    }

    public static void assumeAvailable(Kind kind) {
        Assumptions.assumeTrue(kind.available(), switch (kind) {
            case CHROMIUM -> "skipped: the browser tests need Debian's chromium and chromium-driver (./test installs them as root)";
            case WEBKIT -> "skipped: the WebKit browser tests need Debian's webkit2gtk-driver and xvfb (./test installs them as root)";
        });
    }

    /** A Chromium with the app's test hooks (window.microjam) switched on, as the journey tests need. */
    public Browser() {
        this(Kind.CHROMIUM, true);
    }

    /** testHooks: whether pages get window.microjamTestHooks before their scripts run (people's browsers never do). */
    public Browser(boolean testHooks) {
        this(Kind.CHROMIUM, testHooks);
    }

    public Browser(Kind kind) {
        this(kind, true);
    }

    /** A browser of this engine; the test is skipped (an assumption, with the reason) where the engine is not installed. */
    public Browser(Kind kind, boolean testHooks) {
        assumeAvailable(kind);
        this.kind = kind;
        this.testHooks = testHooks;
        if (kind == Kind.WEBKIT) {
            try {
                downloads = Files.createTempDirectory("microjam-downloads");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            webkit = WebKit.start(downloads);
            try {
                driver = webkit.session();
                driver.manage().window().setSize(new Dimension(390, 844));
            } catch (RuntimeException e) {
                webkit.close();
                throw e;
            }
            return;
        }
        webkit = null;
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
            ChromeDriver chrome = new ChromeDriver(service, options);
            driver = chrome;
            driver.manage().window().setSize(new Dimension(390, 844));
            if (testHooks) chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", "window.microjamTestHooks = true;"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request the page sent: method, URL, the headers the page gave it and its body ("" without one). */
    public record Sent(String method, String url, java.util.Map<String, String> headers, String body) {
        public boolean hasHeader(String name) {
            return headers.keySet().stream().anyMatch(h -> h.equalsIgnoreCase(name));
        }
    }

    /**
     * Opens a page of the app. In WebKit, whose driver cannot run a script before a page's own, the test
     * hooks come from sessionStorage (ui.js reads it), set once per origin on a page that is not the app: set
     * on the app's own page and reloaded, the reload could interrupt the service worker's install, which then
     * stalled in WebKitGTK for good (seen in about two runs in five of WebAppShellTest).
     */
    public void open(String url) {
        if (kind == Kind.WEBKIT && testHooks) {
            java.net.URI uri = java.net.URI.create(url);
            String origin = uri.getScheme() + "://" + uri.getRawAuthority();
            if (hooked.add(origin)) {
                driver.get(origin + "/icons/icon.svg");
                js("sessionStorage.setItem('microjam.testHooks', '1')");
            }
        }
        driver.get(url);
    }

    private final java.util.Set<String> hooked = new java.util.HashSet<>();

    /**
     * Starts the page's sound with a real click on its heading, as a person's first tap would: WebKit counts
     * only gestures from the driver's own input, not events a script dispatches, as allowed to start sound.
     */
    public void startSound() {
        driver.findElement(org.openqa.selenium.By.cssSelector("main h1")).click();
        await(d -> "running".equals(js("return document.body.dataset.sound")));
    }

    /**
     * Waits until the app's service worker is installed (the app shell cached) and controls the page, loading
     * the page again once if it was opened before it controlled it. Reloading while it installs can keep it
     * from ever finishing (WebKitGTK), so the install is waited for first, and a stall fails with its state.
     */
    public void awaitServiceWorker() {
        Object ready = asyncJs("""
                const done = arguments[arguments.length - 1];
                const state = () => navigator.serviceWorker.getRegistration().then((r) => JSON.stringify({ registered: !!r,
                  installing: r && r.installing && r.installing.state, waiting: !!(r && r.waiting), active: r && r.active && r.active.state }));
                Promise.race([navigator.serviceWorker.ready.then(() => true), new Promise((ok) => setTimeout(ok, 30000, false))])
                  .then((installed) => installed ? done(true) : state().then(done));
                """);
        if (!Boolean.TRUE.equals(ready)) throw new AssertionError("the service worker did not install within 30 s: " + ready + ", page errors " + consoleErrors());
        if (!Boolean.TRUE.equals(js("return !!navigator.serviceWorker.controller"))) driver.navigate().refresh();
        await(d -> (Boolean) js("return !!navigator.serviceWorker.controller"));
    }

    /** Chromium's DevTools, for what only it can do (network conditions). */
    public ChromeDriver chromium() {
        if (driver instanceof ChromeDriver chrome) return chrome;
        throw new IllegalStateException("this needs Chromium's DevTools; the browser is " + kind);
    }

    /** Whether sent() and requestsSent() can list what the page sent: Chromium's driver logs the network, WebKit's does not. */
    public boolean canListRequests() {
        return kind == Kind.CHROMIUM;
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
                sent.add(new Sent(request.path("method").asText(), request.path("url").asText(), headers, request.path("postData").asText("")));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return sent;
    }

    /** The errors the page's console reported since the last call (uncaught exceptions and rejections among them). */
    public java.util.List<String> consoleErrors() {
        if (kind == Kind.WEBKIT) { // the page's own record (ui.js, with the test hooks), emptied as it is read
            Object errors = js("const e = window.microjamErrors || []; window.microjamErrors = []; return e");
            return ((java.util.List<?>) errors).stream().map(String::valueOf).toList();
        }
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
        return await(Duration.ofSeconds(20), condition);
    }

    /** For work whose length depends on the machine (RoboJam answering in the browser): waits up to {@code limit}. */
    public <T> T await(Duration limit, Function<WebDriver, T> condition) {
        // Screens re-render as data arrives: an element found a moment ago may be gone, so look again.
        return new WebDriverWait(driver, limit).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    public void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve((kind == Kind.WEBKIT ? "webkit-" : "") + name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            if (webkit != null) webkit.close();
        }
    }
}
