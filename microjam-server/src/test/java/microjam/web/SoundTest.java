// Sound as each engine allows it, in Chromium and WebKit (Safari's engine): nothing plays before a gesture,
// the first tap on the square starts sound and what it plays is not silence; when a tap cannot start sound
// (the engine refuses), the app says so until one does; and an engine that does not report its output
// latency (WebKit) is told apart from one that does, on the screen.
package microjam.web;

import microjam.testing.Browser;
import microjam.testing.Engine;
import microjam.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

@ParameterizedClass
@EnumSource(Browser.Kind.class)
class SoundTest {
    @Parameter
    Browser.Kind kind;

    /**
     * As when the engine or the system refuses sound (an iPhone in a call): the app's context is stopped and
     * resuming it fails. WebKit starts a context when a sound starts inside a gesture (the app's silent
     * sample), so that is refused too.
     */
    static final String REFUSE_SOUND = """
                    const done = arguments[arguments.length - 1];
                    import('/js/audio.js').then(async (m) => {
                      const ctx = m.audioContext();
                      if (ctx.state === 'running') await ctx.suspend(); // Chromium here starts it without a gesture
                      // WebKit starts a context when a sound starts inside a gesture (the app's silent sample), so that is refused too.
                      window.realResume = AudioContext.prototype.resume;
                      window.realStart = AudioBufferSourceNode.prototype.start;
                      AudioContext.prototype.resume = function () { return Promise.reject(new DOMException('refused', 'NotAllowedError')); };
                      AudioBufferSourceNode.prototype.start = function () { };
                      done();
                    });
                    """;

    @Test
    void theFirstTapStartsSoundThatIsNotSilent() {
        try (Browser b = new Browser(kind)) {
            WebElement square = openJam(b);
            assertThat(b.js("return document.body.dataset.sound")).as("before any gesture").isEqualTo("waiting");
            assertThat(b.driver.findElement(By.id("sound-blocked")).isDisplayed()).isFalse();
            // Listen to what the app sends to the speakers, from the same module (the same context) the app uses.
            b.asyncJs("""
                    const done = arguments[arguments.length - 1];
                    import('/js/audio.js').then((m) => {
                      const ctx = m.audioContext(), analyser = new AnalyserNode(ctx, { fftSize: 2048 });
                      ctx.microjamOut.connect(analyser);
                      window.loudest = 0;
                      const listen = () => {
                        const samples = new Float32Array(analyser.fftSize);
                        analyser.getFloatTimeDomainData(samples);
                        for (const v of samples) window.loudest = Math.max(window.loudest, Math.abs(v));
                        setTimeout(listen, 10);
                      };
                      listen();
                      done();
                    });
                    """);
            square.click(); // a tap: WebKit's driver counts an element click as a user gesture (its pointer actions it does not)
            b.await(d -> "running".equals(b.js("return document.body.dataset.sound")));
            square.click();
            b.await(d -> ((Number) b.js("return window.loudest")).doubleValue() > 0.01);
            assertThat(b.driver.findElement(By.id("sound-blocked")).isDisplayed()).isFalse();
            assertThat(b.consoleErrors()).isEmpty();
        }
    }

    @Test
    void aTapThatCannotStartSoundIsToldAndTheNextThatCanClearsIt() {
        try (Browser b = new Browser(kind)) {
            WebElement square = openJam(b);
            b.asyncJs(REFUSE_SOUND);
            b.driver.findElement(By.cssSelector("main h1")).click(); // a tap that plays nothing of its own
            b.await(d -> d.findElement(By.id("sound-blocked")).isDisplayed());
            assertThat(b.driver.findElement(By.id("sound-blocked")).getText()).contains("Sound is blocked");
            b.screenshot("sound-blocked");
            b.js("AudioContext.prototype.resume = window.realResume; AudioBufferSourceNode.prototype.start = window.realStart");
            square.click();
            b.await(d -> "running".equals(b.js("return document.body.dataset.sound")));
            b.await(d -> !d.findElement(By.id("sound-blocked")).isDisplayed());
        }
    }

    /** Before: where sound could not start, the audio clock stood still and the take stayed "Recording…" for ever. */
    @Test
    void aTakeEndsAfterItsFiveSecondsEvenWhenSoundCannotStart() {
        try (Browser b = new Browser(kind)) {
            openJam(b);
            b.asyncJs(REFUSE_SOUND);
            b.js(JamTimingTest.POINTER + "pointer('pointerdown', 1, 0.4, 0.4); pointer('pointermove', 1, 0.6, 0.4); pointer('pointerup', 1, 0.6, 0.4);");
            b.await(d -> "recording".equals(b.js("return document.getElementById('screen').dataset.state")));
            long start = System.nanoTime();
            b.await(d -> d.findElement(By.id("jam-status")).getText().startsWith("Recorded"));
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertThat(seconds).as("the take ended after its five seconds (and one of grace)").isBetween(4L, 9L);
            assertThat(((Number) b.js("return window.microjam.jam.recording.touches.length")).intValue()).as("the take keeps its touches").isPositive();
        }
    }

    @Test
    void theDiagnosticsSayWhetherTheEngineReportsItsOutputLatency() {
        try (Browser b = new Browser(kind)) {
            WebElement square = openJam(b);
            if (kind == Browser.Kind.WEBKIT) { // (the test's Chromium is started with autoplay allowed, so its sound starts at once)
                b.js("document.getElementById('diagnostics').open = true"); // opened without a gesture, so sound has not started
                b.await(d -> d.findElement(By.id("latency")).getText().contains("Sound has not started yet"));
                b.js("document.getElementById('diagnostics').open = false");
            }
            square.click();
            b.await(d -> "running".equals(b.js("return document.body.dataset.sound")));
            b.driver.findElement(By.cssSelector("#diagnostics summary")).click();
            String expected = kind == Browser.Kind.WEBKIT ? "does not report its output latency" : "Output latency: ";
            b.await(d -> d.findElement(By.id("latency")).getText().contains(expected));
        }
    }

    private static WebElement openJam(Browser b) {
        b.open(TestServer.shared(Engine.SQLITE).http().base + "/#/jam");
        return b.await(d -> d.findElement(By.cssSelector("canvas.square")));
    }
}
