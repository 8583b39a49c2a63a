// GET /metrics speaks Prometheus: request counts and latencies per route template, RoboJam's response
// time and the connection pool; labels never carry ids or tokens.
package microjam.web;

import microjam.testing.Api;
import microjam.testing.Engine;
import microjam.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsTest {
    @Test
    void requestsRoboJamAndThePoolAreMeasured() {
        try (TestServer server = TestServer.start(Engine.SQLITE, false)) {
            Api api = server.http();
            Api.Performer ada = api.newPerformer();
            UUID id = api.publishOk(ada, "keys", Api.sampleCsv(5), null);
            api.get("/api/performances/" + id);
            api.post("/api/robojam", null, Map.of("touches", "time,x,y,z,moving\n0.0, 0.5, 0.5, 20, 0\n"));
            api.post("/api/predict", null, Map.of("perf", "time,x,y,z,moving\n0.0, 0.5, 0.5, 20, 0\n"));
            String metrics = api.get("/metrics").text();
            assertThat(metrics).contains("microjam_requests_seconds_count{method=\"POST\",route=\"/api/performances\",status=\"2xx\"} 1")
                    .contains("route=\"/api/performances/{ref}\"")
                    .contains("microjam_robojam_response_seconds_count 2") // /api/robojam and /api/predict
                    .contains("microjam_db_pool_connections").contains("microjam_db_pool_waiting")
                    .contains("jvm_memory_used_bytes");
            assertThat(metrics).doesNotContain(id.toString()).doesNotContain(ada.token());
        }
    }
}
