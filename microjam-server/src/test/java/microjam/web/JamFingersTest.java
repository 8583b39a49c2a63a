// One finger records, as in the original app (whose CSV has no finger id): the finger that touches first
// records until it lifts, then the next finger to touch down; other fingers sound and draw but are not
// stored, so two fingers never make one zig-zag stroke. Pointer events of several pointerIds from script.
package microjam.web;

import microjam.testing.Browser;
import microjam.testing.Engine;
import microjam.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@org.junit.jupiter.params.ParameterizedClass
@org.junit.jupiter.params.provider.EnumSource(Browser.Kind.class)
class JamFingersTest {
    @org.junit.jupiter.params.Parameter
    Browser.Kind kind;

    @Test
    @SuppressWarnings("unchecked")
    void aTwoFingerSwipeRecordsTheFirstFingerOnly() {
        try (Browser b = new Browser(kind)) {
            b.open(TestServer.shared(Engine.SQLITE).http().base + "/#/jam");
            b.await(d -> d.findElement(By.id("play")));
            b.startSound(); // the scripted touches below are not gestures
            b.js("window.drawn = new Set(); const t = window.microjam.view.trails, draw = t.touch.bind(t);"
                    + " t.touch = (key, touch, colour) => { window.drawn.add(key); draw(key, touch, colour); };");
            // Finger 1 swipes along the top, finger 2 along the bottom, their moves interleaved as a phone sends
            // them; finger 1 lifts while finger 2 goes on; then finger 3 taps the middle.
            b.asyncJs(JamTimingTest.POINTER + """
                    const done = arguments[arguments.length - 1];
                    pointer('pointerdown', 1, 0.1, 0.2);
                    pointer('pointerdown', 2, 0.1, 0.8);
                    let i = 0;
                    const step = () => {
                      i++;
                      if (i <= 20) pointer('pointermove', 1, 0.1 + i * 0.04, 0.2);
                      if (i === 21) pointer('pointerup', 1, 0.9, 0.2);
                      pointer('pointermove', 2, 0.1 + Math.min(i, 20) * 0.04, 0.8);
                      if (i < 30) return setTimeout(step, 20);
                      pointer('pointerup', 2, 0.9, 0.8);
                      pointer('pointerdown', 3, 0.5, 0.5); pointer('pointerup', 3, 0.5, 0.5);
                      done();
                    };
                    setTimeout(step, 20);
                    """);
            b.await(d -> d.findElement(By.id("jam-status")).getText().startsWith("Recorded"));
            List<Map<String, Object>> touches = (List<Map<String, Object>>) b.js("return window.microjam.jam.recording.touches");
            List<Double> ys = touches.stream().map(t -> ((Number) t.get("y")).doubleValue()).toList();
            System.out.printf("two fingers: %d touches stored, y = %s%n", ys.size(), ys);
            assertThat(ys).as("the second finger is not stored").noneMatch(y -> y > 0.7);
            assertThat(ys.stream().filter(y -> y < 0.3).count()).as("the first finger's swipe").isEqualTo(21);
            Map<String, Object> last = touches.getLast();
            assertThat(((Number) last.get("y")).doubleValue()).as("the next finger to touch down records (within WebKit's whole pixel)")
                    .isCloseTo(0.5, org.assertj.core.api.Assertions.within(0.005));
            assertThat(last.get("moving")).as("and starts a stroke of its own").isEqualTo(false);
            assertThat((List<String>) b.js("return [...window.drawn]")).as("every finger sounds and draws").contains("live1", "live2", "live3");
        }
    }
}
