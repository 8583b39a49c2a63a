// `microjam serve` as a real process of its own (the test classpath), its output in DIR/server.log:
// for tests that kill it, or read what it logged.
package microjam.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

public final class ServerProcess implements AutoCloseable {
    public final Process process;
    public final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static ServerProcess start(Path dataDir, String... extra) throws IOException, InterruptedException {
        int port = freePort(), httpsPort = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"), "microjam.cli.Main", "serve",
                "--data-dir", dataDir.toString(), "--host", "127.0.0.1", "--port", String.valueOf(port), "--https-port", String.valueOf(httpsPort)));
        command.addAll(List.of(extra));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("server.log").toFile()).start();
        ServerProcess server = new ServerProcess(process, port);
        server.awaitHealthy();
        return server;
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
        return "http://127.0.0.1:" + port;
    }

    private void awaitHealthy() throws InterruptedException {
        Api api = Api.plain(base());
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new AssertionError("the server process exited with " + process.exitValue());
            try {
                if (api.get("/health").status() == 200) return;
            } catch (IllegalStateException notYet) {
                // connection refused while starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("server did not become healthy");
    }

    /** Stops it the hard way, as kill -9 does. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
