// A reply sounds against its parents as it did while it was played: touch times are taken on the audio
// clock with the output latency taken off, and a jam's layers follow one rule everywhere (the original's):
// every layer starts together at t = 0 and plays once per five-second cycle; the jam loops as a whole.
// Touches are scripted as pointer events at known audio-clock times in headless Chromium.
package microjam.web;

import microjam.testing.Api;
import microjam.testing.Browser;
import microjam.testing.Engine;
import microjam.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import javax.sound.midi.MidiSystem;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@org.junit.jupiter.params.ParameterizedClass
@org.junit.jupiter.params.provider.EnumSource(Browser.Kind.class)
class JamTimingTest {
    @org.junit.jupiter.params.Parameter
    Browser.Kind kind;

    /** A 0.4 s performance: five drum taps, 0.1 s apart. */
    static final String SHORT = "time,x,y,z,moving\n0.0, 0.2, 0.2, 20, 0\n0.1, 0.8, 0.2, 20, 0\n0.2, 0.2, 0.8, 20, 0\n0.3, 0.8, 0.8, 20, 0\n0.4, 0.2, 0.2, 20, 0\n";
    /** Two notes: at 0 s and at 1 s. */
    static final String TWO_NOTES = "time,x,y,z,moving\n0.0, 0.2, 0.2, 20, 0\n1.0, 0.2, 0.8, 20, 0\n";
    /** Dispatches a pointer event on the square at (x, y) in [0,1]: arguments type, pointerId, x, y. */
    static final String POINTER = """
            function pointer(type, id, x, y) {
              const c = document.querySelector('canvas.square'), b = c.getBoundingClientRect();
              c.dispatchEvent(new PointerEvent(type, { pointerId: id, pointerType: 'touch', isPrimary: id === 1, bubbles: true, cancelable: true,
                clientX: b.left + x * b.width, clientY: b.top + y * b.height, buttons: type === 'pointerup' ? 0 : 1, width: 40, height: 40 }));
            }
            """;

    static TestServer server;
    static Api api;
    static Api.Performer parentPerformer;

    @BeforeAll
    static void start() {
        server = TestServer.shared(Engine.SQLITE);
        api = server.http();
        parentPerformer = api.newPerformer();
    }

    @Test
    void aReplyHearsItsShortParentAsOftenWhileRecordingAsInPlayback() {
        UUID parent = api.publishOk(parentPerformer, "drums", SHORT, null);
        try (Browser b = new Browser(kind)) {
            openReply(b, parent);
            b.driver.findElement(By.id("loop")).click(); // play the jam once, as the World does
            // Count the parent's touches as they are drawn, in step with what is heard.
            b.js("window.drawn = []; const t = window.microjam.view.trails, draw = t.touch.bind(t);"
                    + " t.touch = (key, touch, colour) => { window.drawn.push(key); draw(key, touch, colour); };");
            b.js(POINTER + "pointer('pointerdown', 1, 0.5, 0.5); pointer('pointerup', 1, 0.5, 0.5);");
            b.await(d -> d.findElement(By.id("jam-status")).getText().startsWith("Recorded"));
            long whileRecording = parentTouchesDrawn(b);
            b.js("window.drawn = []");
            b.driver.findElement(By.id("play")).click();
            b.await(d -> "playing".equals(b.js("return document.getElementById('screen').dataset.state")));
            b.await(d -> "idle".equals(b.js("return document.getElementById('screen').dataset.state")));
            long inPlayback = parentTouchesDrawn(b);
            System.out.printf("0.4 s parent: %d touches heard while recording, %d in playback%n", whileRecording, inPlayback);
            assertThat(whileRecording).as("parent touches heard while recording (5 = once)").isEqualTo(5);
            assertThat(inPlayback).as("parent touches heard in playback").isEqualTo(whileRecording);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTouchOnAParentsNoteAsHeardIsStoredOnThatNote() {
        UUID parent = api.publishOk(parentPerformer, "drums", TWO_NOTES, null);
        try (Browser b = new Browser(kind)) {
            openReply(b, parent);
            // The first touch starts the take; the second is dispatched when the parent's note at 1 s reaches the
            // ears: at its scheduled audio-clock time plus the output latency the engine reports.
            Map<String, Object> fired = (Map<String, Object>) b.asyncJs(POINTER + """
                    const done = arguments[arguments.length - 1];
                    pointer('pointerdown', 1, 0.5, 0.5); pointer('pointerup', 1, 0.5, 0.5);
                    const backing = window.microjam.player, ctx = backing.ctx;
                    const latency = (ctx.baseLatency || 0) + (ctx.outputLatency || 0);
                    const target = backing.origin + 1.0 + latency;
                    const wait = () => {
                      if (ctx.currentTime < target - 0.03) return setTimeout(wait, 5);
                      while (ctx.currentTime < target) { /* the audio clock moves on its own thread */ }
                      const at = ctx.currentTime;
                      pointer('pointerdown', 1, 0.3, 0.3); pointer('pointerup', 1, 0.3, 0.3);
                      done({ late: at - target, latency });
                    };
                    wait();
                    """);
            b.await(d -> d.findElement(By.id("jam-status")).getText().startsWith("Recorded"));
            List<Number> times = (List<Number>) b.js("return window.microjam.jam.recording.touches.map(t => t.time)");
            double late = ((Number) fired.get("late")).doubleValue(), latency = ((Number) fired.get("latency")).doubleValue();
            System.out.printf("output latency %.1f ms; touch dispatched %.1f ms after the note was heard; stored at %s%n",
                    latency * 1000, late * 1000, times);
            assertThat(times).hasSize(2);
            assertThat(times.get(0).doubleValue()).isEqualTo(0.0);
            assertThat(times.get(1).doubleValue()).as("the touch lands on the parent's note at 1 s").isCloseTo(1.0 + late, within(0.010));

            // The diagnostics panel shows the latency that was taken off, or says the engine does not report it.
            b.driver.findElement(By.cssSelector("#diagnostics summary")).click();
            // The panel fills in on its toggle event, a task after the click: wait for the text rather than read it at once.
            String reported = Math.round(latency * 1000) + " ms";
            b.await(d -> d.findElement(By.id("latency")).getText().contains(reported));
            b.driver.findElement(By.cssSelector("#diagnostics summary")).click();
            b.js("Object.defineProperty(AudioContext.prototype, 'outputLatency', { get: () => undefined, configurable: true })");
            b.driver.findElement(By.cssSelector("#diagnostics summary")).click();
            b.await(d -> d.findElement(By.id("latency")).getText().contains("does not report its output latency"));
        }
    }

    @Test
    void aWavAndAMidiFileHoldOneWholeCycle() throws Exception {
        UUID parent = api.publishOk(parentPerformer, "keys", SHORT, null);
        var midi = MidiSystem.getSequence(new ByteArrayInputStream(api.get("/api/performances/" + parent + ".mid").body()));
        assertThat(midi.getMicrosecondLength()).as("a MIDI file is one five-second cycle, so it loops as the jam does").isEqualTo(5_000_000L);
        try (Browser b = new Browser(kind)) {
            b.open(api.base + "/#/privacy");
            b.await(d -> d.findElement(By.cssSelector("main h1")));
            Number seconds = (Number) b.asyncJs("""
                    const done = arguments[arguments.length - 1];
                    Promise.all([import('/js/render.js'), import('/js/player.js')]).then(async ([r, p]) => {
                      const buffer = await r.render([{ instrument: 'keys', touches: [{ time: 0, x: 0.5, y: 0.5, z: 20, moving: false }, { time: 0.4, x: 0.5, y: 0.5, z: 20, moving: false }] }]);
                      done(buffer.duration - p.CYCLE);
                    }).catch((e) => done(-1));
                    """);
            assertThat(seconds.doubleValue()).as("a WAV holds the whole cycle and the notes' tails").isBetween(0.0, 2.0);
        }
    }

    private static void openReply(Browser b, UUID parent) {
        b.open(api.base + "/#/world");
        b.await(d -> d.findElement(By.cssSelector("[data-id='" + parent + "'] .reply"))).click();
        b.await(d -> d.findElement(By.tagName("h1")).getText().startsWith("Reply to"));
        b.await(d -> d.findElement(By.id("play")));
    }

    private static long parentTouchesDrawn(Browser b) {
        return ((Number) b.js("return window.drawn.filter(k => k === 'parent0').length")).longValue();
    }
}
