// The synths (js/pitch.js with /js/facts.js) and the MIDI export (NoteRules) say they share the touch-to-note
// rules: run the browser's and compare them with the server's over the whole square (notes of every pitched
// instrument, velocities, bends, the drum under a touch and a drag's roll interval), so that the notes heard
// are the notes exported.
package microjam.web;

import microjam.performance.Instrument;
import microjam.performance.NoteRules;
import microjam.testing.Browser;
import microjam.testing.Engine;
import microjam.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PitchRulesInBrowserTest {
    static final int POINTS = 201;

    @Test
    @SuppressWarnings("unchecked")
    void theBrowsersNotesBendsAndVelocitiesAreTheMidiExports() {
        TestServer server = TestServer.shared(Engine.SQLITE);
        try (Browser browser = new Browser(Browser.Kind.CHROMIUM)) {
            browser.open(server.http().base + "/#/privacy");
            browser.await(d -> d.findElement(By.cssSelector("main h1")));
            Map<String, Object> browsers = (Map<String, Object>) browser.asyncJs("""
                    const done = arguments[arguments.length - 1];
                    const points = arguments[0];
                    Promise.all([import('/js/pitch.js'), import('/js/facts.js')]).then(([p, f]) => {
                      const xs = Array.from({ length: points }, (_, i) => i / (points - 1));
                      const notes = {};
                      for (const [name, range] of Object.entries(f.RANGES)) notes[name] = xs.map((x) => p.note(...range, x));
                      const drums = xs.flatMap((x) => xs.filter((_, j) => j % 10 === 0).map((y) => p.drum(x, y)));
                      done({ instruments: f.INSTRUMENTS, notes, velocities: xs.map((y) => p.velocity(y)), bends: xs.map((x) => p.bend(x, 0.5)),
                        drums, rolls: xs.map((d) => p.rollInterval(d)) });
                    }).catch((e) => done({ error: String(e) }));
                    """, POINTS);
            assertThat(browsers).doesNotContainKey("error");
            assertThat((List<String>) browsers.get("instruments")).containsExactlyElementsOf(java.util.Arrays.stream(Instrument.values()).map(Instrument::wireName).toList());
            Map<String, List<Number>> notes = (Map<String, List<Number>>) browsers.get("notes");
            List<String> pitched = new ArrayList<>();
            for (Instrument instrument : Instrument.values()) {
                if (NoteRules.range(instrument).isEmpty()) continue;
                pitched.add(instrument.wireName());
                List<Integer> exported = new ArrayList<>();
                for (int i = 0; i < POINTS; i++) exported.add(NoteRules.note(instrument, i / (double) (POINTS - 1)));
                assertThat(notes.get(instrument.wireName()).stream().map(Number::intValue).toList()).as("%s's notes", instrument).isEqualTo(exported);
            }
            assertThat(notes.keySet()).as("every pitched instrument, no other").containsExactlyInAnyOrderElementsOf(pitched);
            Map<String, Integer> generalMidi = Map.of("snare", NoteRules.SNARE, "openhat", NoteRules.OPEN_HAT, "kick", NoteRules.KICK, "closedhat", NoteRules.CLOSED_HAT);
            List<Integer> exportedDrums = new ArrayList<>();
            for (int i = 0; i < POINTS; i++)
                for (int j = 0; j < POINTS; j += 10) exportedDrums.add(NoteRules.drum(i / (double) (POINTS - 1), j / (double) (POINTS - 1)));
            assertThat(((List<String>) browsers.get("drums")).stream().map(generalMidi::get).toList()).as("the drum under each touch").isEqualTo(exportedDrums);
            for (int i = 0; i < POINTS; i++) {
                double at = i / (double) (POINTS - 1);
                assertThat(((Number) ((List<?>) browsers.get("rolls")).get(i)).doubleValue()).as("roll interval at distance %s", at)
                        .isCloseTo(NoteRules.rollInterval(at), org.assertj.core.data.Offset.offset(1e-12));
                assertThat(((Number) ((List<?>) browsers.get("velocities")).get(i)).intValue()).as("velocity at y %s", at).isEqualTo(NoteRules.velocity(at));
                assertThat(((Number) ((List<?>) browsers.get("bends")).get(i)).doubleValue()).as("bend at x %s", at).isCloseTo(NoteRules.bend(at, 0.5), org.assertj.core.data.Offset.offset(1e-12));
            }
        }
    }
}
