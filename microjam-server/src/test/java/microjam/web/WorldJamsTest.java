// A World of jams (issue 18, item 5): a card shows the whole jam (every layer's picture stacked over the oldest
// one's background, as the original did) and credits its performers, the humans first when RoboJam took part;
// playing shows progress and tapping again stops it; an avatar leads to the performer's page, which lists
// their public performances.
package microjam.web;

import microjam.testing.Api;
import microjam.testing.Browser;
import microjam.testing.Engine;
import microjam.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static microjam.web.JamPictures.ADA_BACKGROUND;
import static microjam.web.JamPictures.ADA_COLOUR;
import static microjam.web.JamPictures.BO_BACKGROUND;
import static microjam.web.JamPictures.BO_COLOUR;
import static org.assertj.core.api.Assertions.assertThat;

@org.junit.jupiter.params.ParameterizedClass
@org.junit.jupiter.params.provider.EnumSource(Browser.Kind.class)
class WorldJamsTest {
    @org.junit.jupiter.params.Parameter
    Browser.Kind kind;

    @Test
    void aCardShowsAndCreditsTheWholeJamPlaysWithProgressStopsAndLeadsToItsPerformers() {
        Api api = TestServer.shared(Engine.SQLITE).http();
        Api.Performer ada = api.newPerformer(), bo = api.newPerformer();
        UUID adaSolo = JamPictures.publish(api, ada, ADA_COLOUR, ADA_BACKGROUND, JamPictures.swipeAt(0.5), null);
        UUID root = JamPictures.publish(api, ada, ADA_COLOUR, ADA_BACKGROUND, JamPictures.swipeAt(0.25), null);
        UUID reply = JamPictures.publish(api, bo, BO_COLOUR, BO_BACKGROUND, JamPictures.swipeAt(0.75), root);
        // RoboJam answers Bo and Bo keeps the answer: the jam's newest layer is RoboJam's.
        Api.Response kept = api.post("/api/robojam/keep", bo.token(), Map.of("replyTo", reply.toString(), "touches", JamPictures.swipeAt(0.5),
                "seed", 7, "instrument", "drums"));
        assertThat(kept.status()).as(kept.text()).isEqualTo(201);
        String robo = kept.json().get("id").asText();
        try (Browser b = new Browser(kind)) {
            b.open(api.base + "/#/world");
            String card = "[data-id='" + robo + "']";
            b.await(d -> d.findElement(By.cssSelector(card + " .picture")));

            // The picture is the whole jam: Ada's and Bo's layers in their colours (RoboJam's may cross them here
            // and there, so most of each swipe), on Ada's background (the oldest layer's).
            double[][] points = { { 0.3, 0.25 }, { 0.4, 0.25 }, { 0.5, 0.25 }, { 0.6, 0.25 }, { 0.7, 0.25 },
                    { 0.3, 0.75 }, { 0.4, 0.75 }, { 0.5, 0.75 }, { 0.6, 0.75 }, { 0.7, 0.75 } };
            List<String> seen;
            try {
                seen = b.await(d -> {
                    List<String> c = JamPictures.colours(b, d.findElement(By.cssSelector(card + " .picture canvas, " + card + " .picture img")), points);
                    return c != null && c.subList(0, 5).stream().filter(x -> JamPictures.near(x, ADA_COLOUR)).count() >= 3
                            && c.subList(5, 10).stream().filter(x -> JamPictures.near(x, BO_COLOUR)).count() >= 3 ? c : null;
                });
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError("the card does not show Ada's and Bo's layers: "
                        + JamPictures.colours(b, b.driver.findElement(By.cssSelector(card + " .picture canvas, " + card + " .picture img")), points), e);
            }
            System.out.println("card picture along the two swipes: " + seen);

            // Credited to its performers, the humans first (oldest first), then RoboJam.
            String credits = b.await(d -> {
                String text = d.findElement(By.cssSelector(card + " .name")).getText();
                return text.contains(ada.stageName()) ? text : null;
            });
            System.out.println("credits: " + credits);
            assertThat(credits.indexOf(ada.stageName())).as(credits).isLessThan(credits.indexOf(bo.stageName()));
            assertThat(credits.indexOf(bo.stageName())).as(credits).isLessThan(credits.indexOf("RoboJam"));

            // Playing shows its progress; tapping again stops it (and does not start it again).
            b.driver.findElement(By.cssSelector(card + " .picture")).click();
            b.await(d -> robo.equals(b.js("return document.body.dataset.playing")));
            b.await(d -> {
                List<org.openqa.selenium.WebElement> bars = d.findElements(By.cssSelector(card + " [role=progressbar]"));
                return !bars.isEmpty() && Double.parseDouble(bars.getFirst().getAttribute("aria-valuenow")) > 10;
            });
            assertThat(b.driver.findElement(By.cssSelector(card + " .picture")).getAttribute("aria-pressed")).isEqualTo("true");
            b.driver.findElement(By.cssSelector(card + " .picture")).click();
            b.await(d -> "".equals(b.js("return document.body.dataset.playing || ''")));
            sleep(600);
            assertThat(b.js("return document.body.dataset.playing || ''")).as("stopped, not restarted").isEqualTo("");
            assertThat(b.driver.findElements(By.cssSelector(card + " [role=progressbar]"))).as("no progress once stopped").isEmpty();
            assertThat(b.driver.findElement(By.cssSelector(card + " .picture")).getAttribute("aria-pressed")).isEqualTo("false");

            // Ada's avatar on the jam leads to her page, which lists her public performances.
            b.driver.findElement(By.cssSelector(card + " a.performer[href$='" + ada.id() + "']")).click();
            b.await(d -> d.findElement(By.tagName("h1")).getText().contains(ada.stageName()));
            b.await(d -> !d.findElements(By.cssSelector("[data-id='" + adaSolo + "']")).isEmpty()
                    && !d.findElements(By.cssSelector("[data-id='" + root + "']")).isEmpty());
            assertThat(b.driver.findElements(By.cssSelector("[data-id='" + reply + "']"))).as("Bo's layer is not Ada's").isEmpty();
            b.screenshot("performer-page");
            assertThat(b.consoleErrors()).isEmpty();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
