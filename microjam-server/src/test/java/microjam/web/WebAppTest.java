// The web app end to end, in Chromium and in WebKit (Safari's engine), against a started server:
// onboarding, recording with real pointer events over five seconds, playback, publishing, World, a reply
// in layers, the mixer, RoboJam, deletion, export and account deletion, with no error on the page;
// screenshots of every screen at 390×844 (WebKit's prefixed webkit-).
package microjam.web;

import com.fasterxml.jackson.databind.JsonNode;
import microjam.store.PerformerStore;
import microjam.testing.Api;
import microjam.testing.Browser;
import microjam.testing.Engine;
import microjam.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@org.junit.jupiter.params.ParameterizedClass
@org.junit.jupiter.params.provider.EnumSource(Browser.Kind.class)
class WebAppTest {
    static TestServer server;
    static Api api;

    @org.junit.jupiter.params.Parameter
    Browser.Kind kind;

    @BeforeAll
    static void start() {
        server = TestServer.start(Engine.SQLITE, false);
        api = server.http();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @Test
    void aJamFromOnboardingToAccountDeletion() throws Exception {
        String base = api.base;
        try (Browser ada = new Browser(kind); Browser bo = new Browser(kind)) {
            // Onboarding: nothing is stored before age and consent are confirmed.
            ada.open(base + "/#/profile");
            ada.await(d -> d.findElement(By.id("stage-name")));
            assertThat(ada.driver.findElement(By.id("create")).isEnabled()).isFalse();
            ada.screenshot("onboarding");
            String adaName = onboard(ada, "Ada Tester");

            // Record five seconds with real pointer events; it plays; publish; it appears in World with its picture.
            boolean seesRequests = ada.canListRequests(); // what the page sent: Chromium's driver logs it, WebKit's does not
            if (seesRequests) ada.requestsSent(); // (forget sign-up)
            record(ada, 0);
            ada.screenshot("jam-recorded");
            ada.driver.findElement(By.id("play")).click();
            ada.await(d -> "playing".equals(ada.js("return document.getElementById('screen').dataset.state")));
            assertThat(ada.js("return window.microjam.player.ctx.state")).isEqualTo("running");
            // Promise 1, public by choice: a jam made and played sends nothing until "publish".
            if (seesRequests) assertThat(ada.requestsSent()).noneMatch(r -> r.startsWith("POST") || r.startsWith("PUT"));
            ada.driver.findElement(By.id("publish")).click();
            ada.await(d -> d.getCurrentUrl().endsWith("#/world"));
            if (seesRequests) assertThat(ada.requestsSent()).anyMatch(r -> r.equals("POST " + base + "/api/performances"));
            JsonNode original = newestBy(adaName);
            ada.await(d -> (Boolean) ada.js("const i = document.querySelector(\"[data-id='\" + arguments[0] + \"'] .picture img\");"
                    + " return !!i && i.complete && i.naturalWidth === 512", original.get("id").asText()));
            ada.screenshot("world");

            // Another performer replies with a layer; both layers play; the mixer mutes one; RoboJam adds one.
            bo.open(base + "/#/profile");
            String boName = onboard(bo, "Bo Tester");
            bo.open(base + "/#/world");
            bo.await(d -> d.findElement(By.cssSelector("[data-id='" + original.get("id").asText() + "'] .reply"))).click();
            bo.await(d -> d.findElement(By.tagName("h1")).getText().equals("Reply to " + adaName));
            assertThat(bo.driver.findElements(By.cssSelector("#mixer .layer"))).hasSize(1);
            record(bo, 1);
            assertThat(bo.driver.findElements(By.cssSelector("#mixer .layer"))).hasSize(2);
            bo.driver.findElement(By.id("play")).click();
            bo.await(d -> "playing".equals(bo.js("return document.getElementById('screen').dataset.state")));
            bo.driver.findElement(By.cssSelector("[data-layer='parent0'] input.mute")).click();
            bo.await(d -> ((Number) bo.js("return window.microjam.player.layers[1].gain.gain.value")).doubleValue() < 0.01);
            assertThat(((Number) bo.js("return window.microjam.player.layers[0].gain.gain.value")).doubleValue()).isGreaterThan(0.9);
            bo.screenshot("reply-mixer");
            bo.await(d -> d.findElement(By.id("robojam")).isEnabled());
            if (seesRequests) bo.sent(); // (forget what came before)
            bo.driver.findElement(By.id("robojam")).click();
            bo.await(d -> d.findElement(By.cssSelector("[data-layer='robo']")));
            // RoboJam is anonymous: the call goes without the performer's token (nor any cookie).
            if (seesRequests) assertThat(bo.sent()).filteredOn(r -> r.url().endsWith("/api/robojam")).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.hasHeader("Authorization") || r.hasHeader("Cookie")).as(r.toString()).isFalse());
            assertThat(bo.driver.findElement(By.cssSelector("[data-layer='robo']")).getText()).contains("RoboJam (AI)");
            String roboInstrument = bo.driver.findElement(By.id("robo-instrument")).getDomProperty("value");
            assertThat(roboInstrument).isNotEqualTo(bo.driver.findElement(By.id("instrument")).getDomProperty("value"));
            bo.driver.findElement(By.id("robojam-keep")).click();
            bo.screenshot("robojam");
            bo.driver.findElement(By.id("publish")).click();
            bo.await(d -> d.getCurrentUrl().endsWith("#/world"));
            JsonNode reply = newestBy(boName);
            assertThat(reply.get("layerCount").asInt()).isEqualTo(2);
            JsonNode robo = newestBy(PerformerStore.ROBOJAM_NAME);
            assertThat(robo.get("robot").asBoolean()).isTrue();
            assertThat(robo.get("replyTo").asText()).isEqualTo(reply.get("id").asText());
            assertThat(robo.get("instrument").asText()).isEqualTo(roboInstrument);
            // World shows the jam once, by its newest layer (RoboJam's); playing it plays all three layers.
            bo.driver.navigate().refresh();
            bo.await(d -> d.findElement(By.cssSelector("[data-id='" + robo.get("id").asText() + "'] .picture"))).click();
            bo.await(d -> robo.get("id").asText().equals(bo.js("return document.body.dataset.playing")));
            assertThat(bo.js("return document.body.dataset.playingLayers")).isEqualTo("3");
            assertThat(bo.driver.findElements(By.cssSelector("[data-id='" + reply.get("id").asText() + "']"))).isEmpty();
            assertThat(bo.driver.findElement(By.cssSelector("[data-id='" + robo.get("id").asText() + "'] .name")).getAttribute("class")).contains("robo");
            bo.open(base + "/#/thread/" + reply.get("id").asText());
            bo.await(d -> d.findElements(By.cssSelector("#thread-layers li")).size() == 2);
            bo.screenshot("thread");

            // The first performer deletes the original: gone from World and from the reply's layers.
            ada.open(base + "/#/profile");
            ada.await(d -> d.findElement(By.cssSelector("#mine [data-id='" + original.get("id").asText() + "'] .delete"))).click();
            ada.driver.switchTo().alert().accept();
            ada.await(d -> d.findElements(By.cssSelector("#mine [data-id='" + original.get("id").asText() + "']")).isEmpty());
            ada.screenshot("profile");
            ada.open(base + "/#/world");
            ada.await(d -> d.findElements(By.cssSelector("#feed .card")).size() > 0);
            assertThat(ada.driver.findElements(By.cssSelector("[data-id='" + original.get("id").asText() + "']"))).isEmpty();
            bo.open(base + "/#/jam");
            bo.open(base + "/#/thread/" + reply.get("id").asText());
            bo.await(d -> d.findElements(By.cssSelector("#thread-layers li")).size() == 1);

            // Export downloads a ZIP; deleting the account removes everything and returns to onboarding.
            ada.open(base + "/#/profile");
            ada.await(d -> d.findElement(By.cssSelector("#mine:not([aria-busy])"))); // the list is in: the buttons below it have stopped moving
            ada.driver.findElement(By.id("export")).click();
            Path zip = ada.downloads.resolve("microjam-export.zip");
            ada.await(d -> Files.exists(zip) && size(zip) > 0);
            assertThat(new String(Files.readAllBytes(zip), 0, 2)).isEqualTo("PK");
            ada.driver.findElement(By.id("delete-account")).click();
            ada.driver.switchTo().alert().accept();
            ada.await(d -> d.findElement(By.id("stage-name")));
            assertThat(ada.js("return localStorage.getItem('microjam.token')")).isNull();
            assertThat(api.get("/api/performers/" + original.get("performerId").asText()).status()).isEqualTo(404);

            ada.open(base + "/#/privacy");
            ada.await(d -> d.findElement(By.id("policy-version")));
            ada.screenshot("privacy");
            ada.open(base + "/#/jam");
            ada.await(d -> d.findElement(By.id("jam-status")));
            ada.screenshot("jam");
            assertThat(ada.consoleErrors()).as("errors on ada's pages").isEmpty();
            assertThat(bo.consoleErrors()).as("errors on bo's pages").isEmpty();
        }
    }

    @Test
    void nothingOverflowsA360PixelScreenAndControlsHaveLabels() {
        try (Browser browser = new Browser(kind)) {
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(360, 740));
            for (String screen : List.of("jam", "world", "profile", "privacy", "research")) {
                browser.open(api.base + "/#/" + screen);
                browser.await(d -> d.findElement(By.cssSelector("main h1")));
                long width = ((Number) browser.js("return document.documentElement.scrollWidth")).longValue();
                // WebKit's MiniBrowser window is never narrower than its toolbar (447 px): there, nothing may overflow that.
                long viewport = ((Number) browser.js("return window.innerWidth")).longValue();
                assertThat(width).as("page width of %s in a %d px viewport", screen, viewport).isLessThanOrEqualTo(Math.max(360, viewport));
                Object unlabeled = browser.js("""
                        return [...document.querySelectorAll('button, select, input')].filter(e =>
                          !(e.getAttribute('aria-label') || e.textContent.trim() || (e.id && document.querySelector('label[for="' + e.id + '"]')) || e.closest('label'))).length""");
                assertThat(((Number) unlabeled).intValue()).as("controls without a label on %s", screen).isZero();
            }
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static String onboard(Browser b, String name) {
        WebElement input = b.await(d -> d.findElement(By.id("stage-name")));
        String unique = name + " " + (System.nanoTime() % 10000);
        input.clear();
        input.sendKeys(unique);
        b.driver.findElement(By.id("age")).click();
        b.driver.findElement(By.id("consent")).click();
        b.driver.findElement(By.id("create")).click();
        b.await(d -> d.getCurrentUrl().endsWith("#/jam"));
        b.await(d -> d.findElement(By.id("jam-status")));
        assertThat(b.js("return localStorage.getItem('microjam.token')")).isNotNull();
        return unique;
    }

    /** Five and a half seconds of a finger on the square: a tap, then a long swipe, then taps. */
    private static void record(Browser b, int variant) {
        WebElement canvas = b.await(d -> d.findElement(By.cssSelector("canvas.square")));
        PointerInput finger = new PointerInput(PointerInput.Kind.MOUSE, "finger");
        Sequence sequence = new Sequence(finger, 0);
        PointerInput.Origin origin = PointerInput.Origin.fromElement(canvas);
        int sign = variant == 0 ? 1 : -1;
        sequence.addAction(finger.createPointerMove(Duration.ZERO, origin, -120 * sign, -120));
        sequence.addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()));
        sequence.addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
        sequence.addAction(finger.createPointerMove(Duration.ofMillis(200), origin, -100 * sign, 60));
        sequence.addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()));
        for (int i = 0; i < 45; i++)
            sequence.addAction(finger.createPointerMove(Duration.ofMillis(100), origin, (int) (-100 + 4.4 * i) * sign, (int) (60 * Math.cos(i / 6.0))));
        sequence.addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
        for (int i = 0; i < 4; i++) {
            sequence.addAction(finger.createPointerMove(Duration.ofMillis(150), origin, 80 * sign, -80 + 50 * i));
            sequence.addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()));
            sequence.addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
        }
        b.driver.perform(List.of(sequence));
        b.await(d -> d.findElement(By.id("jam-status")).getText().startsWith("Recorded"));
        long touches = ((Number) b.js("return window.microjam.jam.recording.touches.length")).longValue();
        assertThat(touches).as("touches recorded").isGreaterThan(20);
        double last = ((Number) b.js("const t = window.microjam.jam.recording.touches; return t[t.length - 1].time")).doubleValue();
        assertThat(last).isBetween(3.0, 5.0);
    }

    private static JsonNode newestBy(String stageName) {
        JsonNode items = api.get("/api/performances?view=all&limit=50").json().get("items");
        return Stream.iterate(0, i -> i + 1).limit(items.size()).map(items::get)
                .filter(p -> p.get("stageName").asText().equals(stageName)).findFirst()
                .orElseThrow(() -> new AssertionError("no performance by " + stageName));
    }
}
