package microjam.webrobojam;

import microjam.performance.TouchCsv;
import microjam.performance.Touches;
import microjam.robojam.Model;
import microjam.robojam.ModelFile;
import microjam.robojam.Network;
import microjam.robojam.RoboJam;
import microjam.robojam.Settings;
import org.junit.jupiter.api.Test;
import org.teavm.classlib.java.util.TSplittableRandom;
import org.teavm.classlib.java.util.zip.TCRC32C;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;

import static org.assertj.core.api.Assertions.assertThat;

// On the JVM: what the browser runs (RoboJam.respondHere, one thread) answers as the server does (respond, the
// batcher, the vector path), and the TeaVM stand-ins give the JDK's numbers. Writes the server's answer to the
// fixed call (seed 7, the model's recommended sampling) for the Node.js check (src/test/node/check.mjs).
class JvmParityTest {
    static final Path MODEL = Path.of("../microjam-server/src/main/resources/robojam/default.model");

    @Test
    void theBrowserPathAnswersAsTheServer() throws Exception {
        Model model = ModelFile.read(MODEL);
        Touches call = TouchCsv.read(Files.readString(Path.of("src/test/resources/call.csv")));
        Settings settings = model.recommended().withSeed(7);
        String server;
        long serverNanos;
        try (RoboJam robojam = new RoboJam(model, 1)) {
            robojam.respond(call, settings);
            long t = System.nanoTime();
            server = TouchCsv.write(robojam.respond(call, settings).touches());
            serverNanos = System.nanoTime() - t;
        }
        Network network = new Network(model);
        for (int i = 0; i < 5; i++) RoboJam.respondHere(network, call, settings);
        long t = System.nanoTime();
        String here = TouchCsv.write(RoboJam.respondHere(network, call, settings).touches());
        long hereNanos = System.nanoTime() - t;
        System.out.printf("server respond (1 thread, %s): %.1f ms; respondHere: %.1f ms; %s%n", RoboJam.kernel(), serverNanos / 1e6, hereNanos / 1e6, settings);
        assertThat(here).isEqualTo(server);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/jvm-answer.csv"), server);
    }

    @Test
    void standInsGiveTheJdksNumbers() throws Exception {
        for (long seed : new long[]{0, 7, -1, 0x9E3779B97F4A7C15L}) {
            SplittableRandom jdk = new SplittableRandom(seed);
            TSplittableRandom ours = new TSplittableRandom(seed);
            for (int i = 0; i < 1000; i++) assertThat(ours.nextDouble()).isEqualTo(jdk.nextDouble());
        }
        byte[] bytes = Files.readAllBytes(MODEL);
        CRC32C jdk = new CRC32C();
        jdk.update(bytes, 0, bytes.length);
        TCRC32C ours = new TCRC32C();
        ours.update(bytes, 0, bytes.length);
        assertThat(ours.getValue()).isEqualTo(jdk.getValue());
    }
}
