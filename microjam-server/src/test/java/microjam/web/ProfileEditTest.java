// The profile can be changed any time: stage name, performance colour, background colour (the square's,
// as in the original app) and avatar; the World shows the change at once, and the Jam screen and the next
// published performance use the new colours.
package microjam.web;

import com.fasterxml.jackson.databind.JsonNode;
import microjam.testing.Api;
import microjam.testing.Browser;
import microjam.testing.Engine;
import microjam.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@org.junit.jupiter.params.ParameterizedClass
@org.junit.jupiter.params.provider.EnumSource(Browser.Kind.class)
class ProfileEditTest {
    @org.junit.jupiter.params.Parameter
    Browser.Kind kind;

    @Test
    @SuppressWarnings("unchecked")
    void aProfileChangeShowsInTheWorldAndOnTheSquare() {
        Api api = TestServer.shared(Engine.SQLITE).http();
        Api.Performer ada = api.newPerformer();
        UUID published = api.publishOk(ada, "keys", Api.sampleCsv(10), null);
        try (Browser b = new Browser(kind)) {
            b.open(api.base + "/#/world");
            b.await(d -> d.findElement(By.cssSelector("[data-id='" + published + "'] .avatar")));
            b.js("localStorage.setItem('microjam.token', arguments[0])", ada.token());
            b.open(api.base + "/#/profile");

            WebElement name = b.await(d -> d.findElement(By.id("edit-stage-name")));
            b.driver.manage().window().setSize(new org.openqa.selenium.Dimension(360, 740));
            // (WebKit's MiniBrowser window is never narrower than its toolbar, 447 px: there the editor must fit that.)
            int viewport = ((Number) b.js("return window.innerWidth")).intValue();
            assertThat(((Number) b.js("return document.documentElement.scrollWidth")).intValue()).as("the editor fits a phone").isLessThanOrEqualTo(Math.max(360, viewport));
            String renamed = "Renamed " + System.nanoTime() % 100000;
            name.clear();
            name.sendKeys(renamed);
            b.js("document.getElementById('edit-colour').value = '#00ff00'; document.getElementById('edit-background').value = '#2a9d8f';");
            b.driver.findElement(By.id("edit-pixel-art")).click();
            b.driver.findElement(By.id("save-profile")).click();
            b.await(d -> d.findElement(By.id("my-name")).getText().equals(renamed));
            JsonNode me = api.get("/api/me", ada.token()).json();
            assertThat(me.get("colour").asText()).isEqualTo("#00ff00");
            assertThat(me.get("background").asText()).isEqualTo("#2a9d8f");

            // The World, in the same tab: the new name and the new avatar (pixel art in the new colour).
            b.open(api.base + "/#/world");
            b.await(d -> d.findElement(By.cssSelector("[data-id='" + published + "'] .name")).getText().equals(renamed));
            b.await(d -> ((Number) b.js("""
                    const img = document.querySelector("[data-id='" + arguments[0] + "'] .avatar");
                    if (!img.complete || !img.naturalWidth) return 0;
                    const c = document.createElement('canvas'); c.width = c.height = 64;
                    const g = c.getContext('2d'); g.drawImage(img, 0, 0, 64, 64);
                    const d = g.getImageData(0, 0, 64, 64).data; let green = 0;
                    for (let i = 0; i < d.length; i += 4) if (d[i] < 40 && d[i + 1] > 215 && d[i + 2] < 40) green++;
                    return green;""", published.toString())).intValue() > 0);
            b.screenshot("world-after-profile-change");

            // The Jam screen's square is the new background; a take published from it carries both colours.
            b.open(api.base + "/#/jam");
            b.await(d -> d.findElement(By.id("play")));
            b.await(d -> ((List<Number>) b.js("return [...document.querySelector('canvas.square').getContext('2d').getImageData(2, 2, 1, 1).data]"))
                    .subList(0, 3).stream().map(Number::intValue).toList().equals(List.of(0x2a, 0x9d, 0x8f)));
            b.js(JamTimingTest.POINTER + "pointer('pointerdown', 1, 0.5, 0.5); pointer('pointerup', 1, 0.5, 0.5);");
            b.await(d -> d.findElement(By.id("jam-status")).getText().startsWith("Recorded"));
            b.driver.findElement(By.id("publish")).click();
            b.await(d -> d.getCurrentUrl().endsWith("#/world"));
            JsonNode newest = api.get("/api/performances?view=all&limit=1&performer=" + ada.id()).json().get("items").get(0);
            assertThat(newest.get("id").asText()).isNotEqualTo(published.toString());
            assertThat(newest.get("colour").asText()).isEqualTo("#00ff00");
            assertThat(newest.get("background").asText()).isEqualTo("#2a9d8f");
        }
    }
}
