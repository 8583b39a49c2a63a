// Reply mode you can read (issue 18, item 4): the square has a visible edge, and before the first touch it shows
// the jam being replied to as the original did: every layer's still picture in its performer's colour, over
// the oldest layer's background.
package microjam.web;

import microjam.testing.Api;
import microjam.testing.Browser;
import microjam.testing.Engine;
import microjam.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.UUID;

import static microjam.web.JamPictures.ADA_BACKGROUND;
import static microjam.web.JamPictures.ADA_COLOUR;
import static microjam.web.JamPictures.BO_BACKGROUND;
import static microjam.web.JamPictures.BO_COLOUR;
import static org.assertj.core.api.Assertions.assertThat;

@org.junit.jupiter.params.ParameterizedClass
@org.junit.jupiter.params.provider.EnumSource(Browser.Kind.class)
class ReplyModeTest {
    @org.junit.jupiter.params.Parameter
    Browser.Kind kind;

    @Test
    void theSquareShowsTheJamsLayersInTheirColoursOverTheOldestBackgroundBeforeTheFirstTouch() {
        Api api = TestServer.shared(Engine.SQLITE).http();
        Api.Performer ada = api.newPerformer(), bo = api.newPerformer();
        UUID root = JamPictures.publish(api, ada, ADA_COLOUR, ADA_BACKGROUND, JamPictures.swipeAt(0.25), null);
        UUID reply = JamPictures.publish(api, bo, BO_COLOUR, BO_BACKGROUND, JamPictures.swipeAt(0.75), root);
        try (Browser b = new Browser(kind)) {
            b.open(api.base + "/#/world");
            b.await(d -> d.findElement(By.cssSelector("[data-id='" + reply + "'] .reply"))).click();
            b.await(d -> d.findElement(By.tagName("h1")).getText().startsWith("Reply to"));
            WebElement square = b.await(d -> d.findElement(By.cssSelector("canvas.square")));
            double[][] points = { { 0.5, 0.25 }, { 0.5, 0.75 }, { 0.05, 0.5 }, { 0.95, 0.5 } };
            // Nobody has touched the square: what it shows is the jam itself.
            List<String> seen;
            try {
                seen = b.await(d -> {
                    List<String> c = JamPictures.colours(b, square, points);
                    return JamPictures.near(c.get(0), ADA_COLOUR) && JamPictures.near(c.get(1), BO_COLOUR) ? c : null;
                });
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError("the square does not show Ada's and Bo's layers: " + JamPictures.colours(b, square, points), e);
            }
            System.out.println("reply square before the first touch: " + seen);
            assertThat(JamPictures.near(seen.get(2), ADA_BACKGROUND)).as("the oldest layer's background, not %s", seen.get(2)).isTrue();
            assertThat(JamPictures.near(seen.get(3), ADA_BACKGROUND)).as("the oldest layer's background, not %s", seen.get(3)).isTrue();
            b.screenshot("reply-mode");

            // The square has an edge that stands out from the page whatever its background.
            @SuppressWarnings("unchecked")
            List<String> edge = (List<String>) b.js("const s = getComputedStyle(arguments[0]), page = getComputedStyle(document.body);"
                    + " return [s.outlineStyle, s.outlineWidth, s.outlineColor, page.backgroundColor]", square);
            System.out.println("square edge: " + edge);
            assertThat(edge.get(0)).as("an edge").isNotEqualTo("none");
            assertThat(Double.parseDouble(edge.get(1).replace("px", ""))).as("edge width").isGreaterThanOrEqualTo(1);
            assertThat(edge.get(2)).as("the edge differs from the page").isNotEqualTo(edge.get(3));
            assertThat(b.consoleErrors()).isEmpty();
        }
    }
}
