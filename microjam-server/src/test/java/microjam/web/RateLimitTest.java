// Writes and RoboJam requests are limited per client (token, or address without one): over the limit
// a 429 with Retry-After, and one client's limit does not touch another's.
package microjam.web;

import microjam.testing.Api;
import microjam.testing.Engine;
import microjam.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitTest {
    @Test
    void overTheLimitIs429WithRetryAfterPerClient() {
        try (TestServer server = TestServer.withRateLimits(Engine.SQLITE, new RateLimits.Config(5, 3))) {
            Api api = server.http();
            Api.Performer ada = api.newPerformer(); // one write from this address
            for (int i = 0; i < 5; i++) assertThat(api.publish(ada, "keys", Api.sampleCsv(3), null).status()).isEqualTo(201);
            Api.Response refused = api.publish(ada, "keys", Api.sampleCsv(3), null);
            assertThat(refused.status()).isEqualTo(429);
            assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
            assertThat(refused.json().get("error").asText()).contains("at most 5 a minute");
            assertThat(api.get("/api/performances?limit=1").status()).as("reads are not limited").isEqualTo(200);

            Api.Performer bo = api.newPerformer(); // another client: its own bucket
            assertThat(api.publish(bo, "keys", Api.sampleCsv(3), null).status()).isEqualTo(201);

            String call = "time,x,y,z,moving\n0.0, 0.5, 0.5, 20, 0\n";
            for (int i = 0; i < 3; i++) assertThat(api.post("/api/robojam", null, Map.of("touches", call)).status()).isEqualTo(200);
            Api.Response tooMany = api.post("/api/predict", null, Map.of("perf", call));
            assertThat(tooMany.status()).isEqualTo(429);
            assertThat(tooMany.header("Retry-After")).isNotNull();
        }
    }
}
