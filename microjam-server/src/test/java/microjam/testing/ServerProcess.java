// `microjam serve` as a real process of its own (the test classpath), its output in DIR/server.log:
// for tests that kill it, or read what it logged. The process itself is bench's SpawnedServer.
package microjam.testing;

import microjam.bench.SpawnedServer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

public final class ServerProcess implements AutoCloseable {
    private final SpawnedServer server;
    public final Process process;

    private ServerProcess(SpawnedServer server) {
        this.server = server;
        this.process = server.process();
    }

    public static ServerProcess start(Path dataDir, String... extra) throws IOException, InterruptedException {
        return new ServerProcess(SpawnedServer.start(dataDir, List.of(extra)));
    }

    /** A server run with these JVM options (e.g. the launcher's 256 MB heap) and these options of `serve`. */
    public static ServerProcess withJvmOptions(Path dataDir, List<String> jvmOptions, String... extra) throws IOException, InterruptedException {
        return new ServerProcess(SpawnedServer.start(dataDir, jvmOptions, List.of(extra)));
    }

    /** A server answering RoboJam with the tests' small random model (written to dir/test.model). */
    public static ServerProcess withTestModel(Path dataDir, String... extra) throws IOException, InterruptedException {
        Path model = dataDir.resolve("test.model");
        microjam.robojam.ModelFile.write(TestServer.MODEL, model);
        String[] args = new String[extra.length + 2];
        args[0] = "--robojam-model";
        args[1] = model.toString();
        System.arraycopy(extra, 0, args, 2, extra.length);
        return start(dataDir, args);
    }

    public String base() {
        return server.base().toString();
    }

    /** Stops it the hard way, as kill -9 does. */
    public void kill() throws InterruptedException {
        server.kill();
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
    }

    public static int freePort() throws IOException {
        return SpawnedServer.freePort();
    }
}
