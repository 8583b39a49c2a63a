// Every instrument renders a recorded performance through OfflineAudioContext in the browser: the
// result is not silent, within 3 dB (RMS) of the others, the nine spectra are pairwise different, and each
// sounds as it did when its reference was recorded (audio-references.json, per browser engine): its loudness
// within 1.5 dB and its spectrum's shape (log band energies) correlated at 0.98 or more. A change of
// synthesis that changes how an instrument sounds fails here until its reference is recorded again, on
// purpose: -Dmicrojam.audio.record=true writes this engine's references into src/test/resources.
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
class InstrumentsAudioTest {
    @org.junit.jupiter.params.Parameter
    Browser.Kind kind;

    static final List<String> INSTRUMENTS = List.of("chirp", "keys", "drums", "strings", "quack", "wub", "pad", "fmlead", "leadguitar");

    @Test
    @SuppressWarnings("unchecked")
    void eachInstrumentSoundsAsLoudAsTheOthersDifferentAndAsItsReference() throws java.io.IOException {
        TestServer server = TestServer.shared(Engine.SQLITE);
        try (Browser browser = new Browser(kind)) {
            browser.open(server.http().base + "/#/privacy");
            browser.await(d -> d.findElement(By.cssSelector("main h1")));
            Map<String, Map<String, Object>> results = (Map<String, Map<String, Object>>) browser.asyncJs("""
                    const done = arguments[arguments.length - 1];
                    const names = arguments[0];
                    Promise.all([import('/js/render.js')]).then(async ([r]) => {
                      const touches = [];
                      for (let i = 0; i < 12; i++) touches.push({ time: i * 0.03, x: 0.2 + i * 0.02, y: 0.3, z: 30, moving: i > 0 });
                      for (const [t, x, y] of [[0.6, 0.1, 0.2], [1.0, 0.8, 0.2], [1.4, 0.2, 0.8], [1.8, 0.8, 0.8], [2.2, 0.5, 0.5]])
                        touches.push({ time: t, x, y, z: 20, moving: false });
                      const out = {};
                      for (const name of names) out[name] = r.analyse(await r.render([{ instrument: name, touches }]));
                      done(out);
                    }).catch((e) => done({ error: { message: String(e) } }));
                    """, INSTRUMENTS);
            assertThat(results).doesNotContainKey("error");
            System.out.println("peaks: " + INSTRUMENTS.stream().map(n -> n + " " + results.get(n).get("peak")).toList());
            for (String name : INSTRUMENTS)
                assertThat(((Number) results.get(name).get("rms")).doubleValue()).as("%s is not silent", name).isGreaterThan(1e-3);
            compareWithReferences(results);
            // Loudness: every instrument within 3 dB (RMS) of every other on this one reference performance.
            Map<String, Double> decibels = new java.util.TreeMap<>();
            for (String name : INSTRUMENTS) decibels.put(name, 20 * Math.log10(((Number) results.get(name).get("rms")).doubleValue()));
            double loudest = java.util.Collections.max(decibels.values()), quietest = java.util.Collections.min(decibels.values());
            System.out.printf("RMS in dBFS: %s; spread %.1f dB%n", decibels.entrySet().stream()
                    .map(e -> String.format(java.util.Locale.ROOT, "%s %.1f", e.getKey(), e.getValue())).toList(), loudest - quietest);
            assertThat(loudest - quietest).as("loudness spread across instruments, dB (%s)", decibels).isLessThanOrEqualTo(3.0);
            // Spectra compare as the correlation of their log band energies: 1 would be the same shape.
            double closest = -1;
            String closestPair = "";
            for (int a = 0; a < INSTRUMENTS.size(); a++)
                for (int b = a + 1; b < INSTRUMENTS.size(); b++) {
                    double similarity = correlation(bands(results.get(INSTRUMENTS.get(a))), bands(results.get(INSTRUMENTS.get(b))));
                    assertThat(similarity).as("spectra of %s and %s", INSTRUMENTS.get(a), INSTRUMENTS.get(b)).isLessThan(0.99);
                    if (similarity > closest) {
                        closest = similarity;
                        closestPair = INSTRUMENTS.get(a) + "/" + INSTRUMENTS.get(b);
                    }
                }
            System.out.printf("most similar spectra: %s, cosine %.3f%n", closestPair, closest);
        }
    }

    static final java.nio.file.Path REFERENCES = java.nio.file.Path.of("src/test/resources/audio-references.json");

    /** Each instrument against this engine's recorded reference, or (recording) the reference written anew. */
    private void compareWithReferences(Map<String, Map<String, Object>> results) throws java.io.IOException {
        com.fasterxml.jackson.databind.node.ObjectNode all = java.nio.file.Files.exists(REFERENCES)
                ? (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(REFERENCES.toFile()) : Json.MAPPER.createObjectNode();
        if (Boolean.getBoolean("microjam.audio.record")) {
            com.fasterxml.jackson.databind.node.ObjectNode mine = all.putObject(kind.name());
            for (String name : INSTRUMENTS)
                mine.putObject(name).put("rmsDb", decibels(results.get(name))).set("logBands", Json.MAPPER.valueToTree(bands(results.get(name))));
            Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(REFERENCES.toFile(), all);
            System.out.println("recorded the audio references of " + kind + " in " + REFERENCES.toAbsolutePath());
            return;
        }
        assertThat(all.has(kind.name())).as("%s has references for %s (record them with -Dmicrojam.audio.record=true)", REFERENCES, kind).isTrue();
        for (String name : INSTRUMENTS) {
            com.fasterxml.jackson.databind.JsonNode reference = all.get(kind.name()).get(name);
            double[] referenceBands = Json.MAPPER.convertValue(reference.get("logBands"), double[].class);
            double similarity = correlation(bands(results.get(name)), referenceBands), loudness = decibels(results.get(name));
            System.out.printf(java.util.Locale.ROOT, "%s against its reference: %.1f dB (reference %.1f), spectrum correlation %.4f%n",
                    name, loudness, reference.get("rmsDb").asDouble(), similarity);
            assertThat(loudness).as("%s's loudness, dBFS", name).isCloseTo(reference.get("rmsDb").asDouble(), org.assertj.core.data.Offset.offset(1.5));
            assertThat(similarity).as("%s's spectrum against its reference", name).isGreaterThanOrEqualTo(0.98);
        }
    }

    private static double decibels(Map<String, Object> result) {
        return 20 * Math.log10(((Number) result.get("rms")).doubleValue());
    }

    @SuppressWarnings("unchecked")
    private static double[] bands(Map<String, Object> result) {
        return ((List<Number>) result.get("bands")).stream().mapToDouble(n -> Math.log10(1e-9 + n.doubleValue())).toArray();
    }

    private static double correlation(double[] a, double[] b) {
        double meanA = java.util.Arrays.stream(a).average().orElse(0), meanB = java.util.Arrays.stream(b).average().orElse(0);
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (a[i] - meanA) * (b[i] - meanB);
            na += (a[i] - meanA) * (a[i] - meanA);
            nb += (b[i] - meanB) * (b[i] - meanB);
        }
        return dot / Math.sqrt(na * nb);
    }
}
