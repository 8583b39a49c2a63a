// Graceful shutdown on SIGTERM: a request in flight still gets its answer; then the server is gone.
package microjam.web;

import microjam.robojam.ModelFile;
import microjam.robojam.RandomModel;
import microjam.robojam.Shape;
import microjam.testing.Api;
import microjam.testing.ServerProcess;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShutdownTest {
    @Test
    void sigtermLetsRequestsInFlightFinish() throws Exception {
        Path dir = Files.createTempDirectory("microjam-shutdown");
        Path model = dir.resolve("big.model");
        ModelFile.write(RandomModel.create(new Shape(2, 512, 5, 3), 1), model); // slow enough to be caught in flight
        ServerProcess server = ServerProcess.start(dir, "--robojam-model", model.toString(), "--rate-limit-robojam", "0");
        Api api = Api.plain(server.base());
        api.post("/api/robojam", null, Map.of("touches", "time,x,y,z,moving\n", "seed", 1)); // warm up
        CompletableFuture<Api.Response> inFlight = CompletableFuture.supplyAsync(() ->
                api.post("/api/robojam", null, Map.of("touches", "time,x,y,z,moving\n", "seed", 2, "sigmaTemperature", 0)));
        // Signal once the server is working on it (its RoboJam steps in flight, from /metrics), not after a guessed
        // pause: too early and the request is not in flight yet, too late and it is already answered.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (RoboJamOverloadTest.metric(api, "microjam_robojam_steps_in_flight") == 0) {
            assertThat(inFlight).as("answered before it was seen in flight: the model is too quick for this test").isNotDone();
            assertThat(System.nanoTime()).as("the request never reached RoboJam").isLessThan(deadline);
        }
        server.process.destroy(); // SIGTERM
        assertThat(inFlight.get().status()).isEqualTo(200);
        server.process.waitFor();
        assertThat(Files.readString(dir.resolve("server.log"))).doesNotContain("Exception");
        assertThatThrownBy(() -> api.get("/health")).as("no new requests after shutdown").isInstanceOf(IllegalStateException.class);
    }
}
