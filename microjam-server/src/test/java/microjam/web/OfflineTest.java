// Offline (issue 18, item 7): what was seen stays readable, saying so instead of a bare "Failed to fetch"; a
// publish made offline is kept on the device and sent when the connection returns, and the app says so.
// The page goes offline through Chromium's network emulation (DevTools protocol), and the server is closed to
// take the network away from the service worker too.
package microjam.web;

import microjam.testing.Api;
import microjam.testing.Browser;
import microjam.testing.Engine;
import microjam.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OfflineTest {
    @Test
    void aPublishMadeOfflineIsSentWhenBackOnlineAndWhatWasSeenStaysReadable() {
        Browser.assumeAvailable();
        TestServer server = TestServer.start(Engine.SQLITE, false);
        Api api = server.http();
        Api.Performer ada = api.newPerformer(), bo = api.newPerformer();
        UUID seen = api.publishOk(ada, "keys", Api.sampleCsv(30), null);
        try (Browser b = new Browser()) {
            // Bo, signed in on this device (as with the recovery code), looks at the World and a thread.
            b.driver.get(api.base + "/#/privacy");
            b.js("localStorage.setItem('microjam.token', arguments[0])", bo.token());
            b.driver.get(api.base + "/#/world");
            b.awaitServiceWorker();
            // (Seen once the service worker is there: a first visit's answers came before it was.)
            b.driver.get(api.base + "/#/thread/" + seen);
            b.await(d -> d.findElements(By.cssSelector("#thread-layers li")).size() == 1);
            b.driver.get(api.base + "/#/world");
            b.await(d -> d.findElement(By.cssSelector("[data-id='" + seen + "'] .picture")));

            // Offline, Bo records and publishes: the jam is kept, and the app says it will be sent.
            b.driver.get(api.base + "/#/jam");
            b.await(d -> d.findElement(By.id("jam-status")).getText().startsWith("Armed"));
            network(b, false);
            b.js(JamTimingTest.POINTER + "pointer('pointerdown', 1, 0.2, 0.5); pointer('pointermove', 1, 0.5, 0.5); pointer('pointerup', 1, 0.8, 0.5);");
            b.await(d -> d.findElement(By.id("jam-status")).getText().startsWith("Recorded"));
            b.driver.findElement(By.id("publish")).click();
            String kept;
            try {
                kept = b.await(d -> {
                    String text = d.findElement(By.id("outbox")).getText();
                    return d.findElement(By.id("outbox")).isDisplayed() && !text.isBlank() ? text : null;
                });
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError("the jam is not kept; the Jam screen says: " + b.driver.findElement(By.id("jam-status")).getText(), e);
            }
            System.out.println("offline publish: " + kept + " / " + b.driver.findElement(By.id("jam-status")).getText());
            assertThat(kept).contains("1 jam").contains("back online");
            assertThat(api.get("/api/performances?view=all&performer=" + bo.id()).json().get("items")).as("nothing sent yet").isEmpty();

            // Back online: it is published, and the app says so.
            network(b, true);
            b.await(d -> api.get("/api/performances?view=all&performer=" + bo.id()).json().get("items").size() == 1);
            b.await(d -> d.findElement(By.id("toast")).getText().contains("published"));
            b.await(d -> !d.findElement(By.id("outbox")).isDisplayed());
            assertThat((String) b.js("return localStorage.getItem('microjam.outbox')")).as("nothing left on the device").isNull();

            // The server is gone: the World and the thread already seen are still there, marked as what was seen.
            server.close();
            b.driver.get(api.base + "/?offline=1#/world");
            b.await(d -> d.findElement(By.cssSelector("[data-id='" + seen + "'] .picture")));
            b.await(d -> d.findElement(By.id("offline")).isDisplayed());
            assertThat(b.driver.findElement(By.id("offline")).getText()).isEqualTo("Offline — showing what you saw");
            b.driver.get(api.base + "/?offline=2#/thread/" + seen);
            b.await(d -> d.findElements(By.cssSelector("#thread-layers li")).size() == 1);
            assertThat(b.driver.findElement(By.tagName("body")).getText()).doesNotContain("Failed to fetch");
            // A thread never seen says it cannot be shown offline, not "Failed to fetch".
            b.driver.get(api.base + "/?offline=3#/thread/" + UUID.randomUUID());
            b.await(d -> d.findElement(By.cssSelector("main p.hint")).getText().contains("offline"));
            assertThat(b.driver.findElement(By.tagName("body")).getText()).doesNotContain("Failed to fetch");
            // A jam kept for Bo is Bo's: when Bo's sign-in goes from this device (deletion, a 401, another recovery
            // code), it goes too, never to be published as someone else.
            b.driver.get(api.base + "/?offline=4#/jam");
            b.await(d -> d.findElement(By.id("jam-status")).getText().startsWith("Armed"));
            b.js(JamTimingTest.POINTER + "pointer('pointerdown', 1, 0.2, 0.5); pointer('pointerup', 1, 0.2, 0.5);");
            b.await(d -> d.findElement(By.id("jam-status")).getText().startsWith("Recorded"));
            b.driver.findElement(By.id("publish")).click();
            b.await(d -> d.findElement(By.id("outbox")).isDisplayed());
            b.asyncJs("import('/js/api.js').then((m) => m.setToken(null)).then(arguments[arguments.length - 1])");
            b.await(d -> !d.findElement(By.id("outbox")).isDisplayed());
            assertThat((String) b.js("return localStorage.getItem('microjam.outbox')")).as("the kept jam is gone with the sign-in").isNull();
            // Requests the network refused are logged by Chromium itself ("net::ERR_…"); the app logs nothing.
            assertThat(b.consoleErrors()).filteredOn(e -> !e.contains("net::ERR_")).isEmpty();
        } finally {
            server.close();
        }
    }

    /** Chromium's network emulation for the page: offline or back online (online and offline events fire). */
    private static void network(Browser b, boolean online) {
        b.chromium().executeCdpCommand("Network.enable", Map.of());
        b.chromium().executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", !online, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }
}
