// A server of our own for a load run: `microjam serve` in a child process (so its memory is its own),
// with this JVM's options, on free loopback ports, without rate limits, on a fresh SQLite file or the
// database given.
package microjam.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

public final class SpawnedServer implements AutoCloseable {
    private final Process process;
    private final URI base;
    private final Path dataDir;

    private SpawnedServer(Process process, URI base, Path dataDir) {
        this.process = process;
        this.base = base;
        this.dataDir = dataDir;
    }

    public static SpawnedServer start(String databaseUrl) throws IOException, InterruptedException {
        Path dataDir = Files.createTempDirectory("microjam-bench");
        int port = freePort(), httpsPort = freePort();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> !a.startsWith("-agentlib")).toList());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "microjam.cli.Main", "serve", "--host", "127.0.0.1",
                "--port", String.valueOf(port), "--https-port", String.valueOf(httpsPort), "--data-dir", dataDir.toString(),
                "--rate-limit-writes", "0", "--rate-limit-robojam", "0"));
        if (databaseUrl != null) command.addAll(List.of("--database", databaseUrl));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dataDir.resolve("server.log").toFile()).start();
        SpawnedServer server = new SpawnedServer(process, URI.create("http://127.0.0.1:" + port), dataDir);
        server.awaitHealthy();
        return server;
    }

    public URI base() {
        return base;
    }

    public Path log() {
        return dataDir.resolve("server.log");
    }

    private void awaitHealthy() throws InterruptedException, IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IOException("the server exited with " + process.exitValue() + "; see " + log());
            try {
                if (client.send(HttpRequest.newBuilder(base.resolve("/health")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200)
                    return;
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new IOException("the server did not become healthy within 90 s; see " + log());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }
}
