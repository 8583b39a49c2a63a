// RoboJam over HTTP: the original server's /api/predict format, our /api/robojam with settings and
// seeds, clear 400s for broken calls, 503 without a model, and nothing stored or read about anyone.
package microjam.web;

import com.fasterxml.jackson.databind.JsonNode;
import microjam.performance.TouchCsv;
import microjam.testing.Api;
import microjam.testing.DatabaseSnapshot;
import microjam.testing.Engine;
import microjam.testing.ServerTest;
import microjam.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;

import static microjam.web.PublishingRulesTest.assertField;
import static org.assertj.core.api.Assertions.assertThat;

@ParameterizedClass
@EnumSource(Engine.class)
class RoboJamApiTest extends ServerTest {
    static final String CALL = "time,x,y,z,moving\n0.002468, 0.106414, 0.122449, 20.0, 0\n0.020841, 0.106414, 0.125364, 20.0, 1\n"
            + "0.043218, 0.107872, 0.137026, 20.0, 1\n0.065484, 0.107872, 0.176385, 20.0, 1\n";


    @Test
    void predictSpeaksTheOriginalServersFormatOverHttpAndHttps() {
        for (Api client : List.of(api, server.https())) {
            Api.Response r = client.post("/api/predict", null, Map.of("perf", CALL));
            assertThat(r.status()).isEqualTo(200);
            JsonNode body = r.json();
            assertThat(body.size()).as("only the response field").isEqualTo(1);
            String response = body.get("response").asText();
            assertThat(response).startsWith("time,x,y,z,moving\n");
            assertThat(TouchCsv.read(response).size()).isPositive();
        }
    }

    @Test
    void robojamTakesSettingsAndASeedMakesItReproducible() {
        Map<String, Object> request = Map.of("touches", CALL, "temperature", 1.0, "sigmaTemperature", 0.05, "seed", 42);
        JsonNode first = api.post("/api/robojam", null, request).json();
        JsonNode again = api.post("/api/robojam", null, request).json();
        assertThat(first.get("touches").asText()).isEqualTo(again.get("touches").asText());
        assertThat(first.get("model").asText()).isEqualTo(TestServer.MODEL.name());
        assertThat(first.get("millis").asLong()).isNotNegative();
        JsonNode other = api.post("/api/robojam", null, Map.of("touches", CALL, "seed", 43)).json();
        assertThat(other.get("touches").asText()).isNotEqualTo(first.get("touches").asText());
        Map<String, Object> matched = Map.of("touches", CALL, "temperature", 1.0, "sigmaTemperature", 0.5, "seed", 42, "candidates", 4);
        assertThat(api.post("/api/robojam", null, matched).json().get("touches").asText()).as("candidates: reproducible too")
                .isEqualTo(api.post("/api/robojam", null, matched).json().get("touches").asText());
        Api.Response empty = api.post("/api/robojam", null, Map.of("touches", "time,x,y,z,moving\n"));
        assertThat(empty.status()).as("an empty call gets an unconditioned response").isEqualTo(200);
    }

    @Test
    void brokenCallsAndSettingsAre400sNamingTheRule() {
        Api.Response outside = api.post("/api/predict", null, Map.of("perf", "time,x,y,z,moving\n0.1, 1.5, 0.2, 0, 0\n"));
        assertField(outside, 400, "perf");
        assertThat(outside.json().get("error").asText()).contains("line 2: x must be between 0 and 1");
        assertField(api.post("/api/robojam", null, Map.of("touches", "x,y\n1,2\n")), 400, "touches");
        assertField(api.post("/api/robojam", null, Map.of("touches", CALL, "temperature", 11)), 400, "temperature");
        assertField(api.post("/api/robojam", null, Map.of("touches", CALL, "sigmaTemperature", -1)), 400, "sigmaTemperature");
        assertField(api.post("/api/robojam", null, Map.of("touches", CALL, "seed", "lucky")), 400, "seed");
        assertField(api.post("/api/robojam", null, Map.of("touches", CALL, "candidates", microjam.robojam.Settings.MAX_CANDIDATES + 1)), 400, "candidates");
        assertField(api.post("/api/robojam", null, Map.of("touches", CALL, "candidates", 0)), 400, "candidates");
        assertField(api.post("/api/robojam", null, Map.of("touches", CALL, "stageName", "Ada")), 400, "stageName");
        assertField(api.post("/api/predict", null, Map.of()), 400, "perf");
    }

    @Test
    void statusSaysWhichModelIsLoaded() {
        JsonNode status = api.get("/api/robojam").json();
        assertThat(status.get("available").asBoolean()).isTrue();
        assertThat(status.get("model").asText()).isEqualTo(TestServer.MODEL.name());
        assertThat(status.get("units").asInt()).isEqualTo(32);
    }

    /** RoboJam on the device: the status names the loaded model's file, which is that model, byte for byte readable. */
    @Test
    void theLoadedModelsFileIsServedForTheDeviceUnderItsDigest() {
        JsonNode status = api.get("/api/robojam").json();
        String path = status.get("modelFile").asText();
        assertThat(path).matches("/robojam/models/[0-9a-f]{32}\\.model");
        Api.Response file = api.get(path);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body()).hasSize(status.get("modelFileBytes").asInt());
        assertThat(file.header("Cache-Control")).contains("immutable");
        microjam.robojam.Model served = microjam.robojam.ModelFile.decode(file.body(), "served");
        assertThat(served.name()).isEqualTo(TestServer.MODEL.name());
        assertThat(microjam.robojam.ModelFile.encode(served)).isEqualTo(microjam.robojam.ModelFile.encode(TestServer.MODEL));
        // Another name (an older model's, a guess) is a 404 like any unknown path.
        for (String other : List.of("/robojam/models/00000000000000000000000000000000.model", "/robojam/models/" + path.substring(16, 30) + ".model")) {
            Api.Response r = api.get(other);
            assertThat(r.status()).as(other).isEqualTo(404);
            assertThat(r.json().get("error").asText()).isEqualTo(ApiError.NO_SUCH_ROUTE);
        }
        // Its worker alone may evaluate strings (TeaVM's loader needs it); the pages it runs beside may not.
        assertThat(api.get("/js/robojam-worker.js").header("Content-Security-Policy")).contains("'unsafe-eval'").contains("default-src 'none'");
        for (String page : List.of("/", "/index.html", "/js/jam.js", "/js/robojam-device.js"))
            assertThat(api.get(page).header("Content-Security-Policy")).as(page).doesNotContain("unsafe-eval").contains("script-src 'self'");
    }

    /** Keep with the model an answer on the device was made by: another model would publish another answer than the one heard. */
    @Test
    void keepRefusesAnAnswerMadeByAnotherModel() {
        Api.Performer ada = api.newPerformer();
        java.util.UUID parent = api.publishOk(ada, "keys", CALL, null);
        Map<String, Object> keep = new java.util.HashMap<>(Map.of("replyTo", parent.toString(), "touches", CALL, "seed", 5, "instrument", "drums",
                "model", "robojam-some-older-model"));
        Api.Response refused = api.post("/api/robojam/keep", ada.token(), keep);
        assertField(refused, 409, "model");
        assertThat(api.get("/api/performances/" + parent + "/replies").json().toString()).doesNotContain("drums");
        keep.put("model", TestServer.MODEL.name());
        assertThat(api.post("/api/robojam/keep", ada.token(), keep).status()).isEqualTo(201);
    }

    @Test
    void withoutAModelBothEndpointsAnswer503AndSayWhy() {
        try (TestServer bare = TestServer.withoutRoboJam(engine)) {
            Api client = bare.http();
            JsonNode status = client.get("/api/robojam").json();
            assertThat(status.get("available").asBoolean()).isFalse();
            assertThat(status.get("reason").asText()).contains("no model loaded");
            for (Api.Response r : List.of(client.post("/api/predict", null, Map.of("perf", CALL)),
                    client.post("/api/robojam", null, Map.of("touches", CALL)))) {
                assertThat(r.status()).isEqualTo(503);
                assertThat(r.json().get("error").asText()).contains("RoboJam is unavailable");
            }
        }
    }

    /** A call without settings is sampled as the model recommends, exactly; the original's settings are still there to ask for. */
    @Test
    void withoutSettingsRoboJamSamplesAsTheModelRecommends() {
        String call = "time,x,y,z,moving\n0.0, 0.3, 0.3, 20, 0\n0.3, 0.5, 0.6, 20, 1\n0.6, 0.7, 0.4, 20, 1\n";
        JsonNode sampling = api.get("/api/robojam").json().get("sampling");
        var recommended = TestServer.MODEL.recommended();
        assertThat(sampling.get("temperature").asDouble()).isEqualTo(recommended.temperature());
        assertThat(sampling.get("sigmaTemperature").asDouble()).isEqualTo(recommended.sigmaTemperature());
        assertThat(sampling.get("candidates").asInt()).isEqualTo(recommended.candidates());
        String plain = api.post("/api/robojam", null, Map.of("touches", call, "seed", 11)).json().get("touches").asText();
        String asked = api.post("/api/robojam", null, Map.of("touches", call, "seed", 11, "temperature", recommended.temperature(),
                "sigmaTemperature", recommended.sigmaTemperature(), "candidates", recommended.candidates())).json().get("touches").asText();
        String original = api.post("/api/robojam", null, Map.of("touches", call, "seed", 11, "temperature", 1.5,
                "sigmaTemperature", 0.01, "candidates", 1)).json().get("touches").asText();
        assertThat(plain).isEqualTo(asked).isNotEqualTo(original);
    }

    /** The original's clients sent their JSON with any Content-Type (or none): /api/predict reads it all the same. */
    @Test
    void predictReadsAJsonBodyWhateverItsContentType() throws Exception {
        byte[] body = Api.JSON.writeValueAsBytes(Map.of("perf", "time,x,y,z,moving\n0.0, 0.5, 0.5, 20, 0\n0.2, 0.6, 0.4, 20, 1\n"));
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", null}) {
            var request = api.request("/api/predict", null).POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body));
            if (type != null) request.header("Content-Type", type);
            Api.Response r = api.send(request);
            assertThat(r.status()).as("Content-Type %s", type).isEqualTo(200);
            assertThat(TouchCsv.read(r.json().get("response").asText())).isNotNull();
        }
        Api.Response notJson = api.send(api.request("/api/predict", null).header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("perf=0.0,0.5")));
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().get("error").asText()).contains("not valid JSON");
    }

    /**
     * RoboJam is anonymous, so a page on another site may call it: a preflight is answered, and answers carry
     * Access-Control-Allow-Origin: * but never allow credentials; routes that act for a performer stay same-origin.
     */
    @Test
    void theAnonymousRoboJamRoutesAllowCrossOriginCallsWithoutCredentials() {
        String elsewhere = "https://music-class.example";
        for (String path : new String[] {"/api/predict", "/api/robojam"}) {
            Api.Response preflight = api.send(api.request(path, null).header("Origin", elsewhere)
                    .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "content-type")
                    .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()));
            assertThat(preflight.status()).as("preflight of %s", path).isEqualTo(204);
            assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("*");
            assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
            assertThat(preflight.header("Access-Control-Allow-Headers")).containsIgnoringCase("content-type");
            assertThat(preflight.header("Access-Control-Allow-Credentials")).isNull();
        }
        var call = api.request("/api/predict", null).header("Origin", elsewhere).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"perf\": \"time,x,y,z,moving\\n0.0, 0.5, 0.5, 20, 0\\n\"}"));
        Api.Response answered = api.send(call);
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(answered.header("Access-Control-Allow-Credentials")).isNull();

        Api.Performer ada = api.newPerformer();
        Api.Response me = api.send(api.request("/api/me", ada.token()).header("Origin", elsewhere).GET());
        assertThat(me.header("Access-Control-Allow-Origin")).as("a performer's own routes").isNull();
        Api.Response mePreflight = api.send(api.request("/api/me", null).header("Origin", elsewhere)
                .header("Access-Control-Request-Method", "DELETE").method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(mePreflight.header("Access-Control-Allow-Origin")).isNull();
        assertThat(mePreflight.header("Access-Control-Allow-Methods")).isNull();
    }

    /** The only rows RoboJam adds to are anonymous counters: day, instrument, model and numbers; never the call or its answer. */
    @Test
    void theUsageTableHoldsCountersOnlyNeverTheCall() {
        String call = "time,x,y,z,moving\n0.0, 0.777777, 0.555555, 20, 0\n0.1, 0.777777, 0.555555, 20, 1\n";
        // The server is shared with other tests: count what these two calls add, not what is there.
        assertThat(api.get("/api/research/robojam-stats").status()).isEqualTo(200); // flushes earlier counters
        Map<String, Long> before = requestsByInstrument();
        assertThat(api.post("/api/robojam", null, Map.of("touches", call, "instrument", "quack")).status()).isEqualTo(200);
        assertThat(api.post("/api/predict", null, Map.of("perf", call)).status()).isEqualTo(200);
        assertThat(api.get("/api/research/robojam-stats").status()).isEqualTo(200); // flushes the counters
        java.util.Set<String> instruments = new java.util.HashSet<>(java.util.List.of("unknown"));
        for (var i : microjam.performance.Instrument.values()) instruments.add(i.wireName());
        Map<String, Long> after = requestsByInstrument();
        assertThat(after.getOrDefault("quack", 0L) - before.getOrDefault("quack", 0L)).as("the call's instrument is counted as itself").isEqualTo(1);
        assertThat(after.getOrDefault("unknown", 0L) - before.getOrDefault("unknown", 0L)).as("a call without one (/api/predict) as unknown").isEqualTo(1);
        var rows = server.database.jdbi().withHandle(h -> h.createQuery("SELECT * FROM robojam_usage").mapToMap().list());
        for (var row : rows) {
            assertThat(row.keySet()).containsExactlyInAnyOrder("day", "instrument", "model", "requests", "call_touches", "response_touches",
                    "under_10ms", "under_30ms", "under_100ms", "under_300ms", "under_1s", "over_1s");
            assertThat((String) row.get("day")).matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(instruments).contains((String) row.get("instrument"));
            assertThat(row.get("model")).isEqualTo(server.robojam.model().name());
            assertThat(row.toString()).doesNotContain("777777").doesNotContain("555555");
        }
    }

    @Test
    void requestsLeaveTheDatabaseExactlyAsItWasAndIgnoreTokens() {
        Api.Performer ada = api.newPerformer();
        var before = DatabaseSnapshot.of(server.database);
        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/predict", ada.token(), Map.of("perf", CALL)).status()).isEqualTo(200);
            assertThat(api.post("/api/robojam", "not-even-a-valid-token", Map.of("touches", CALL, "seed", i)).status()).isEqualTo(200);
        }
        assertThat(DatabaseSnapshot.of(server.database)).isEqualTo(before);
    }

    private Map<String, Long> requestsByInstrument() {
        return server.database.jdbi().withHandle(h -> h.createQuery("SELECT instrument, SUM(requests) AS n FROM robojam_usage GROUP BY instrument")
                .map((rs, ctx) -> Map.entry(rs.getString("instrument"), rs.getLong("n"))).list())
                .stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
