// The small things a new user trips over: grammar, a draft that survives reading the privacy policy,
// no error when leaving the Jam screen at once, and no test hooks in people's browsers.
package microjam.web;

import microjam.testing.Api;
import microjam.testing.Browser;
import microjam.testing.Engine;
import microjam.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class WebAppDetailsTest {
    static Api api;

    @BeforeAll
    static void start() {
        Browser.assumeAvailable();
        api = TestServer.shared(Engine.SQLITE).http();
    }

    @Test
    void oneOfAThingIsSingular() {
        Api.Performer ada = api.newPerformer();
        UUID alone = api.publishOk(ada, "keys", Api.sampleCsv(3), null);
        try (Browser b = new Browser()) {
            b.driver.get(api.base + "/#/thread/" + alone);
            assertThat(b.await(d -> d.findElement(By.id("thread-play"))).getText()).isEqualTo("Play 1 layer");
            b.driver.get(api.base + "/#/jam");
            b.await(d -> d.findElement(By.id("play")));
            b.js(JamTimingTest.POINTER + "pointer('pointerdown', 1, 0.5, 0.5); pointer('pointerup', 1, 0.5, 0.5);");
            b.await(d -> d.findElement(By.id("jam-status")).getText().startsWith("Recorded"));
            assertThat(b.driver.findElement(By.id("jam-status")).getText()).startsWith("Recorded 1 touch (");
        }
    }

    @Test
    void theJamScreenAsksForRoboJamsStatusOnceAVisitHoweverOftenItsControlsRedraw() {
        try (Browser b = new Browser()) {
            b.driver.get(api.base + "/#/jam");
            b.await(d -> d.findElement(By.id("robojam")));
            for (int i = 0; i < 4; i++) b.driver.findElement(By.id("loop")).click(); // each click redraws the controls
            b.await(d -> d.findElement(By.id("loop")).getText().equals("Loop: on"));
            b.await(d -> d.findElement(By.id("robojam")));
            String asked = "return performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname === '/api/robojam').length";
            assertThat(((Number) b.js(asked)).intValue()).as("GET /api/robojam from the page").isEqualTo(1);
            assertThat(b.driver.findElements(By.cssSelector("[aria-current]"))).as("the current screen marked once")
                    .extracting(e -> e.getDomAttribute("aria-current")).containsExactly("page");
            b.driver.get(api.base + "/#/world");
            b.await(d -> d.findElement(By.id("feed-end")));
            assertThat(b.driver.findElements(By.cssSelector("[aria-current]"))).extracting(e -> e.getDomAttribute("data-nav")).containsExactly("world");
        }
    }

    @Test
    void policyVersionsCompareAsNumbersNotText() {
        try (Browser b = new Browser()) {
            b.driver.get(api.base + "/#/privacy");
            b.await(d -> d.findElement(By.id("policy-version")));
            Object newer = b.asyncJs("""
                    const done = arguments[arguments.length - 1];
                    import('/js/privacy.js').then((p) => done([p.newerVersion('1.10', '1.9'), p.newerVersion('1.9', '1.10'), p.newerVersion('1.3', '1.3'),
                      p.newerVersion('2', '1.9'), p.newerVersion('1.3.1', '1.3')]));
                    """);
            assertThat(newer).isEqualTo(java.util.List.of(true, false, false, true, true));
        }
    }

    @Test
    void readingThePrivacyPolicyDuringOnboardingKeepsTheDraft() {
        try (Browser b = new Browser()) {
            b.driver.get(api.base + "/#/profile");
            WebElement name = b.await(d -> d.findElement(By.id("stage-name")));
            name.clear();
            name.sendKeys("Draft Keeper");
            b.driver.findElement(By.id("age")).click();
            b.driver.findElement(By.cssSelector("label.check a[href='#/privacy']")).click();
            b.await(d -> d.findElement(By.id("policy-version")));
            b.driver.navigate().back();
            assertThat(b.await(d -> d.findElement(By.id("stage-name"))).getDomProperty("value")).isEqualTo("Draft Keeper");
            assertThat(b.driver.findElement(By.id("age")).isSelected()).isTrue();
            assertThat(b.js("return localStorage.getItem('microjam.token')")).as("still nothing stored").isNull();
        }
    }

    @Test
    void leavingTheJamScreenBeforeItHasLoadedThrowsNothing() throws InterruptedException {
        Api.Performer ada = api.newPerformer();
        try (Browser b = new Browser()) {
            b.driver.get(api.base + "/#/world");
            b.await(d -> d.findElement(By.id("feed-end")));
            b.js("localStorage.setItem('microjam.token', arguments[0])", ada.token());
            var slow = new org.openqa.selenium.chromium.ChromiumNetworkConditions();
            slow.setLatency(Duration.ofMillis(400)); // as on a phone's network: the profile arrives after the performer has moved on
            b.chromium().setNetworkConditions(slow);
            b.consoleErrors(); // (forget what came before)
            b.js("location.hash = '#/jam'; setTimeout(() => { location.hash = '#/world'; }, 50);");
            Thread.sleep(2500);
            assertThat(b.consoleErrors()).isEmpty();
            assertThat(b.driver.findElement(By.tagName("h1")).getText()).isEqualTo("World");
        }
    }

    @Test
    void theResearchTableFitsAPhone() {
        for (int i = 0; i < 2; i++) // rows to show: RoboJam requests on two instruments
            assertThat(api.post("/api/robojam", null, java.util.Map.of("touches", Api.sampleCsv(5), "instrument", i == 0 ? "leadguitar" : "fmlead", "seed", i)).status()).isEqualTo(200);
        try (Browser b = new Browser()) {
            b.driver.manage().window().setSize(new org.openqa.selenium.Dimension(360, 740));
            b.driver.get(api.base + "/#/research");
            b.await(d -> d.findElement(By.cssSelector("table.stats td")));
            assertThat(((Number) b.js("return document.documentElement.scrollWidth")).intValue()).as("page width").isLessThanOrEqualTo(360);
            b.screenshot("research-phone");
        }
    }

    @Test
    void peoplesBrowsersGetNoTestHooks() {
        try (Browser b = new Browser(false)) {
            b.driver.get(api.base + "/#/jam");
            b.await(d -> d.findElement(By.id("play")));
            assertThat(b.js("return typeof window.microjam")).isEqualTo("undefined");
        }
    }
}
