// The app shell stays small and installable, and keeps working offline: the Jam screen and playback
// of performances already seen load from the service worker's cache when the server is gone.
package microjam.web;

import microjam.testing.Api;
import microjam.testing.Browser;
import microjam.testing.Engine;
import microjam.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@org.junit.jupiter.params.ParameterizedClass
@org.junit.jupiter.params.provider.EnumSource(Browser.Kind.class)
class WebAppShellTest {
    @org.junit.jupiter.params.Parameter
    Browser.Kind kind;

    static final Path PUBLIC = Path.of("src", "main", "resources", "public");

    @Test
    void theWholeShellIsUnder150KilobytesAndServedWithItsTypes() throws IOException {
        Api api = TestServer.shared(Engine.SQLITE).http();
        long total = 0;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(PUBLIC)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            String path = "/" + PUBLIC.relativize(file).toString().replace('\\', '/');
            Api.Response r = api.get(path);
            assertThat(r.status()).as(path).isEqualTo(200);
            total += r.body().length;
        }
        System.out.printf("app shell: %d files, %d bytes uncompressed%n", files.size(), total);
        assertThat(total).isLessThan(150 * 1024);
        assertThat(api.get("/").text()).contains("<script type=\"module\" src=\"/js/app.js\">").doesNotContain("<script>");
        assertThat(api.get("/manifest.webmanifest").header("Content-Type")).startsWith("application/manifest+json");
        assertThat(api.get("/js/app.js").header("Content-Type")).contains("javascript");
        assertThat(Api.JSON.readTree(api.get("/manifest.webmanifest").body()).get("icons")).hasSize(3);
    }

    @Test
    void aReturningPerformerSeesWhatChangedInThePolicyAndAcceptsIt() {
        TestServer server = TestServer.shared(Engine.SQLITE);
        Api api = server.http();
        Api.Performer ada = api.newPerformer();
        server.database.jdbi().useHandle(h -> h.createUpdate("UPDATE performer SET policy_version = '0.9' WHERE id = :id")
                .bind("id", ada.id().toString()).execute()); // as if she had accepted an older policy
        try (Browser browser = new Browser(kind)) {
            browser.open(api.base + "/#/world");
            browser.js("localStorage.setItem('microjam.token', arguments[0])", ada.token());
            browser.driver.navigate().refresh();
            browser.await(d -> d.findElement(By.id("policy-update")));
            assertThat(browser.driver.findElement(By.id("policy-update")).getText()).contains("version " + Api.POLICY).contains("First version.");
            browser.driver.findElement(By.id("accept-policy")).click();
            browser.await(d -> d.findElements(By.id("policy-update")).isEmpty());
        }
        assertThat(api.get("/api/me", ada.token()).json().get("policyVersion").asText()).isEqualTo(Api.POLICY);
    }

    @Test
    void theServiceWorkersCacheIsNamedAfterTheBuildAndAnOlderBuildsCacheIsDropped() throws Exception {
        Api api = TestServer.shared(Engine.SQLITE).http();
        // The source names the cache after the build; each build fills in its time, so a new build's shell
        // replaces the old one's in people's browsers instead of being served from the old cache for ever.
        assertThat(Files.readString(PUBLIC.resolve("sw.js"))).contains("'microjam-shell-${microjam.build}'");
        java.util.regex.Matcher name = java.util.regex.Pattern.compile("'(microjam-shell-\\d{14})'").matcher(api.get("/sw.js").text());
        assertThat(name.find()).as("the served service worker's cache name").isTrue();
        try (Browser browser = new Browser(kind)) {
            browser.open(api.base + "/icons/icon.svg"); // this origin, before any service worker
            browser.asyncJs("caches.open('microjam-shell-v1').then(() => arguments[arguments.length - 1]())");
            browser.open(api.base + "/#/jam");
            browser.awaitServiceWorker();
            browser.await(d -> {
                Object keys = browser.asyncJs("caches.keys().then(arguments[arguments.length - 1])");
                return ((List<?>) keys).contains(name.group(1)) && !((List<?>) keys).contains("microjam-shell-v1");
            });
        }
    }

    @Test
    void jamAndSeenPerformancesWorkOfflineFromTheServiceWorker() throws Exception {
        TestServer server = TestServer.start(Engine.SQLITE, false);
        Api api = server.http();
        Api.Performer ada = api.newPerformer();
        UUID seen = api.publishOk(ada, "keys", Api.sampleCsv(30), null);
        try (Browser browser = new Browser(kind)) {
            browser.open(api.base + "/#/jam");
            browser.await(d -> d.findElement(By.id("jam-status")));
            // Measured, not asserted (speed belongs to benchmarks): milliseconds from navigation to a usable Jam screen.
            System.out.printf("first screen usable after %.0f ms (cold, fresh profile)%n", ((Number) browser.js("return performance.now()")).doubleValue());
            browser.awaitServiceWorker(); // before the World, whose answers it is to keep
            browser.open(api.base + "/#/world");
            browser.await(d -> d.findElement(By.cssSelector("[data-id='" + seen + "'] .picture"))).click();
            browser.await(d -> seen.toString().equals(browser.js("return document.body.dataset.playing")));
            server.close(); // the network is gone
            browser.js("window.before = true");
            browser.open(api.base + "/?offline=1#/jam"); // a real navigation, not a hash change
            assertThat(browser.js("return window.before === undefined && location.search === '?offline=1'")).as("a new page, served offline").isEqualTo(true);
            browser.await(d -> d.findElement(By.id("jam-status")).getText().startsWith("Armed"));
            browser.js("document.body.dataset.playing = ''");
            browser.js("import('/js/world.js').then((m) => m.playJam(arguments[0]))", seen.toString());
            browser.await(d -> seen.toString().equals(browser.js("return document.body.dataset.playing")));
        } finally {
            server.close();
        }
    }
}
