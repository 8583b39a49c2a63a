// `microjam serve` in a child process of its own (so its memory and its death are its own), with this
// JVM's options and class path, on free loopback ports, its output in DATA_DIR/server.log: for load
// runs, and for the tests that kill a server or read what it logged.
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
import java.util.concurrent.TimeUnit;

public final class SpawnedServer implements AutoCloseable {
    private final Process process;
    private final URI base;
    private final Path dataDir;

    private SpawnedServer(Process process, URI base, Path dataDir) {
        this.process = process;
        this.base = base;
        this.dataDir = dataDir;
    }

    /** A server for a load run: a fresh data directory, no rate limits or cap of connections per client, a fresh SQLite file or the database given. */
    public static SpawnedServer forLoad(String databaseUrl) throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(List.of("--rate-limit-writes", "0", "--rate-limit-robojam", "0", "--rate-limit-sign-ups", "0",
                "--rate-limit-reads", "0", "--max-connections-per-client", "0"));
        if (databaseUrl != null) options.addAll(List.of("--database", databaseUrl));
        return start(Files.createTempDirectory("microjam-bench"), options);
    }

    /** Starts `microjam serve --data-dir dataDir` with these further options and waits until /health answers 200. */
    public static SpawnedServer start(Path dataDir, List<String> serveOptions) throws IOException, InterruptedException {
        return start(dataDir, List.of(), serveOptions);
    }

    /** The same, with these JVM options after this JVM's own (e.g. the launcher's heap, to see what it holds). */
    public static SpawnedServer start(Path dataDir, List<String> jvmOptions, List<String> serveOptions) throws IOException, InterruptedException {
        int[] ports = freePorts(2);
        int port = ports[0], httpsPort = ports[1];
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> !a.startsWith("-agentlib")).toList());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "microjam.cli.Main", "serve", "--host", "127.0.0.1",
                "--port", String.valueOf(port), "--https-port", String.valueOf(httpsPort), "--data-dir", dataDir.toString()));
        command.addAll(serveOptions);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dataDir.resolve("server.log").toFile()).start();
        SpawnedServer server = new SpawnedServer(process, URI.create("http://127.0.0.1:" + port), dataDir);
        server.awaitHealthy();
        return server;
    }

    public URI base() {
        return base;
    }

    public Process process() {
        return process;
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

    public static int freePort() throws IOException {
        return freePorts(1)[0];
    }

    /**
     * n ports free now, all different: each is held open until all are chosen (two sockets opened and closed one
     * after the other can be given the same port, which made a spawned server refuse to start now and then).
     */
    public static int[] freePorts(int n) throws IOException {
        List<ServerSocket> held = new ArrayList<>(n);
        try {
            for (int i = 0; i < n; i++) held.add(new ServerSocket(0));
            return held.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket socket : held) socket.close();
        }
    }

    /** Stops it the hard way, as kill -9 does. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Stops it as SIGTERM does (a graceful shutdown), the hard way if that takes over 20 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) kill();
    }
}
