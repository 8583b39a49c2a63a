// Promises 4 and 5: RoboJam requests leave nothing but anonymous aggregate counters (per day,
// instrument and model: requests, mean call and response lengths, a latency histogram), served as
// JSON and CSV at /api/research/robojam-stats.
package microjam.research;

import com.fasterxml.jackson.databind.JsonNode;
import microjam.testing.Api;
import microjam.testing.Engine;
import microjam.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@org.junit.jupiter.params.ParameterizedClass
@org.junit.jupiter.params.provider.EnumSource(Engine.class)
class RoboJamStatsTest {
    @org.junit.jupiter.params.Parameter
    Engine engine;

    static final String CALL = "time,x,y,z,moving\n0.0, 0.5, 0.5, 20, 0\n0.1, 0.6, 0.5, 20, 1\n0.2, 0.7, 0.5, 20, 1\n";

    @Test
    void requestsAddOnlyToAnonymousCounters() {
        try (TestServer server = TestServer.start(engine, false)) {
            Api api = server.http();
            for (int i = 0; i < 3; i++) assertThat(api.post("/api/robojam", null, Map.of("touches", CALL, "instrument", "drums", "seed", i)).status()).isEqualTo(200);
            assertThat(api.post("/api/predict", null, Map.of("perf", CALL)).status()).isEqualTo(200);
            JsonNode rows = api.get("/api/research/robojam-stats").json().get("rows");
            assertThat(rows).hasSize(2);
            JsonNode drums = rows.get(0).get("instrument").asText().equals("drums") ? rows.get(0) : rows.get(1);
            assertThat(drums.get("requests").asLong()).isEqualTo(3);
            assertThat(drums.get("meanCallTouches").asDouble()).isEqualTo(3.0);
            assertThat(drums.get("model").asText()).isEqualTo(TestServer.MODEL.name());
            long histogram = 0;
            for (JsonNode n : drums.get("latency")) histogram += n.asLong();
            assertThat(histogram).isEqualTo(3);

            String csv = api.get("/api/research/robojam-stats?format=csv").text();
            assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo(
                    "day,instrument,model,requests,mean_call_touches,mean_response_touches,under_10ms,under_30ms,under_100ms,under_300ms,under_1s,over_1s");
            assertThat(csv.lines()).hasSize(3);
            List<String> columns = server.database.jdbi().withHandle(h -> h.createQuery("SELECT * FROM robojam_usage").mapToMap().list())
                    .getFirst().keySet().stream().sorted().toList();
            assertThat(columns).containsExactlyInAnyOrder("day", "instrument", "model", "requests", "call_touches", "response_touches",
                    "under_10ms", "under_30ms", "under_100ms", "under_300ms", "under_1s", "over_1s");
            assertThat(api.get("/api/research/robojam-stats?format=xml").status()).isEqualTo(400);
        }
    }

    @Test
    void theCsvMeansAreTheExactDoubles() {
        try (TestServer server = TestServer.start(engine, false)) {
            Api api = server.http();
            String four = CALL + "0.3, 0.8, 0.5, 20, 1\n";
            for (String call : List.of(CALL, CALL, four))
                assertThat(api.post("/api/robojam", null, Map.of("touches", call, "instrument", "keys", "seed", 1)).status()).isEqualTo(200);
            String row = api.get("/api/research/robojam-stats?format=csv").text().lines().skip(1).findFirst().orElseThrow();
            assertThat(Double.parseDouble(row.split(",")[4])).as("mean call touches, (3 + 3 + 4) / 3").isEqualTo(10 / 3.0);
        }
    }
}
