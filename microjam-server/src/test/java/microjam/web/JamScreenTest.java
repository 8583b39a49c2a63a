// A calmer Jam screen (issue 18, item 6): the original's plain set in view (rewind, play, loop, RoboJam,
// publish) and the rest one tap away; Rewind in the middle of a take starts it again; Discard asks first;
// the take's still picture after recording and a progress ring while it plays; on a wide screen the
// controls sit beside the square, above the fold.
package microjam.web;

import microjam.testing.Api;
import microjam.testing.Browser;
import microjam.testing.Engine;
import microjam.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@org.junit.jupiter.params.ParameterizedClass
@org.junit.jupiter.params.provider.EnumSource(Browser.Kind.class)
class JamScreenTest {
    @org.junit.jupiter.params.Parameter
    Browser.Kind kind;

    /** The colour of a take by someone without a profile (jam.js). */
    static final String DEFAULT_COLOUR = "#e6e0ff";

    @Test
    @SuppressWarnings("unchecked")
    void thePlainSetIsInViewTheRestOneTapAwayAndTheTakeIsShown() {
        Api api = TestServer.shared(Engine.SQLITE).http();
        try (Browser b = new Browser(kind)) {
            b.open(api.base + "/#/jam");
            b.await(d -> d.findElement(By.id("robojam")));
            List<String> inView = b.driver.findElements(By.cssSelector("#screen button, #screen select")).stream()
                    .filter(WebElement::isDisplayed).map(e -> e.getAttribute("id")).toList();
            System.out.println("controls in view: " + inView);
            assertThat(inView).containsExactlyInAnyOrder("rewind", "play", "loop", "robojam", "publish");
            b.driver.findElement(By.cssSelector("#more summary")).click();
            for (String id : List.of("instrument", "wav", "discard"))
                assertThat(b.driver.findElement(By.id(id)).isDisplayed()).as(id + " one tap away").isTrue();

            // A take: a swipe across the middle. Once recorded, the square shows its still picture.
            record(b, 0.5);
            b.await(d -> JamPictures.near(JamPictures.colours(b, d.findElement(By.cssSelector("canvas.square")), new double[] { 0.5, 0.5 }).getFirst(), DEFAULT_COLOUR));
            sleep(2000); // past the trails' fading
            assertThat(JamPictures.colours(b, b.driver.findElement(By.cssSelector("canvas.square")), new double[] { 0.5, 0.5 }, new double[] { 0.5, 0.2 }))
                    .as("the take's still picture, on the square's background").satisfies(c -> {
                        assertThat(JamPictures.near(c.get(0), DEFAULT_COLOUR)).as(c.toString()).isTrue();
                        assertThat(JamPictures.near(c.get(1), "#000000")).as(c.toString()).isTrue();
                    });

            // Playing it shows its progress on the ring.
            b.driver.findElement(By.id("play")).click();
            b.await(d -> Double.parseDouble(d.findElement(By.cssSelector(".ring .progress")).getAttribute("stroke-dashoffset")) < 100);
            b.driver.findElement(By.id("play")).click();

            // Rewind in the middle of a take starts it again: the touches before it are gone.
            b.driver.findElement(By.id("rewind")).click();
            b.js(JamTimingTest.POINTER + "pointer('pointerdown', 1, 0.5, 0.2); pointer('pointerup', 1, 0.5, 0.2);");
            b.await(d -> "recording".equals(b.js("return document.getElementById('screen').dataset.state")));
            b.driver.findElement(By.id("rewind")).click();
            b.await(d -> d.findElement(By.id("jam-status")).getText().startsWith("Armed"));
            record(b, 0.8);
            List<Map<String, Object>> touches = (List<Map<String, Object>>) b.js("return window.microjam.jam.recording.touches");
            // (WebKit gives pointer events whole-pixel coordinates: within a pixel of the square's 0.8.)
            assertThat(touches).as("only the take after Rewind").allSatisfy(t -> assertThat(((Number) t.get("y")).doubleValue()).isCloseTo(0.8, org.assertj.core.api.Assertions.within(0.005)));

            // Discard asks first; keeping changes nothing.
            b.driver.findElement(By.id("discard")).click();
            assertThat(b.driver.findElement(By.id("discard-confirm")).isDisplayed()).isTrue();
            b.driver.findElement(By.id("discard-cancel")).click();
            assertThat(b.driver.findElement(By.id("jam-status")).getText()).startsWith("Recorded");
            b.driver.findElement(By.id("discard")).click();
            b.driver.findElement(By.id("discard-confirm")).click();
            b.await(d -> d.findElement(By.id("jam-status")).getText().startsWith("Armed"));
            assertThat(b.js("return window.microjam.jam.recording")).isNull();
            assertThat(b.consoleErrors()).isEmpty();
        }
    }

    @Test
    void onAWideScreenTheControlsSitBesideTheSquareAboveTheFold() {
        Api api = TestServer.shared(Engine.SQLITE).http();
        try (Browser b = new Browser(kind)) {
            b.driver.manage().window().setSize(new Dimension(1280, 800));
            b.open(api.base + "/#/jam");
            b.await(d -> d.findElement(By.id("robojam")));
            @SuppressWarnings("unchecked")
            Map<String, Number> r = (Map<String, Number>) b.js("""
                    const s = document.querySelector('canvas.square').getBoundingClientRect(), p = document.getElementById('publish').getBoundingClientRect();
                    return { squareRight: s.right, squareBottom: s.bottom, squareSide: s.width, publishLeft: p.left, publishBottom: p.bottom, height: innerHeight };
                    """);
            System.out.println("1280x800: " + r);
            b.screenshot("jam-desktop");
            assertThat(r.get("publishLeft").doubleValue()).as("controls beside the square").isGreaterThanOrEqualTo(r.get("squareRight").doubleValue());
            assertThat(r.get("publishBottom").doubleValue()).as("controls above the fold").isLessThanOrEqualTo(r.get("height").doubleValue());
            assertThat(r.get("squareBottom").doubleValue()).as("the whole square above the fold").isLessThanOrEqualTo(r.get("height").doubleValue());
            assertThat(r.get("squareSide").doubleValue()).as("a square to play on").isGreaterThan(400);
        }
    }

    /** A take: a swipe along y, then the five seconds run out. */
    private static void record(Browser b, double y) {
        b.js(JamTimingTest.POINTER + "pointer('pointerdown', 1, 0.3, arguments[0]); pointer('pointermove', 1, 0.5, arguments[0]);"
                + " pointer('pointermove', 1, 0.7, arguments[0]); pointer('pointerup', 1, 0.7, arguments[0]);", y);
        b.await(d -> d.findElement(By.id("jam-status")).getText().startsWith("Recorded"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
