// WebKit for the browser tests: WebKitGTK's MiniBrowser (Safari's engine, a Safari/605 user agent) driven by
// WebKitWebDriver, on one Xvfb display started for the whole test run. Each browser gets a driver process of
// its own (a driver holds one session), on a port of its own.
package microjam.testing;

import org.openqa.selenium.MutableCapabilities;
import org.openqa.selenium.remote.RemoteWebDriver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

final class WebKit {
    private static final Path DRIVER = Path.of("/usr/bin/WebKitWebDriver");
    private static final Path XVFB = Path.of("/usr/bin/Xvfb");
    private static String display; // started once, stopped when the JVM ends

    private WebKit() {
    }

    static boolean available() {
        return Files.isExecutable(DRIVER) && Files.isExecutable(XVFB) && miniBrowser() != null;
    }

    /** MiniBrowser's path: its folder names the WebKitGTK API version, which changes between releases. */
    static Path miniBrowser() {
        Path lib = Path.of("/usr/lib/x86_64-linux-gnu");
        if (!Files.isDirectory(lib)) lib = Path.of("/usr/lib");
        try (Stream<Path> dirs = Files.list(lib)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("webkit2gtk-") || d.getFileName().toString().startsWith("webkitgtk-"))
                    .map(d -> d.resolve("MiniBrowser")).filter(Files::isExecutable).sorted().findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** A WebKitWebDriver process; its session is made by session() and ended by the caller. */
    record Driver(Process process, int port) implements AutoCloseable {
        RemoteWebDriver session() {
            MutableCapabilities capabilities = new MutableCapabilities();
            capabilities.setCapability("webkitgtk:browserOptions", Map.of("binary", miniBrowser().toString(), "args", List.of("--automation")));
            try {
                return new RemoteWebDriver(URI.create("http://127.0.0.1:" + port).toURL(), capabilities);
            } catch (java.net.MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    /** A driver whose browser saves downloads in the given folder and keeps its profile in a fresh one. */
    static Driver start(Path downloads) {
        String display = display();
        int port = freePort();
        try {
            // WebKitGTK saves a download in the XDG download folder, read from $XDG_CONFIG_HOME/user-dirs.dirs.
            Path home = Files.createTempDirectory("microjam-webkit"), config = Files.createDirectories(home.resolve(".config"));
            Files.writeString(config.resolve("user-dirs.dirs"), "XDG_DOWNLOAD_DIR=\"" + downloads + "\"\n");
            ProcessBuilder builder = new ProcessBuilder(DRIVER.toString(), "--port=" + port, "--host=127.0.0.1")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("DISPLAY", display);
            builder.environment().put("HOME", home.toString());
            builder.environment().put("XDG_CONFIG_HOME", config.toString());
            builder.environment().put("XDG_DATA_HOME", Files.createDirectories(home.resolve(".local/share")).toString());
            builder.environment().put("XDG_CACHE_HOME", Files.createDirectories(home.resolve(".cache")).toString());
            Process process = builder.start();
            awaitListening(port, process);
            return new Driver(process, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized String display() {
        if (display != null) return display;
        for (int n = 90; n < 190; n++) {
            if (Files.exists(Path.of("/tmp/.X11-unix/X" + n)) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) continue;
            try {
                Process xvfb = new ProcessBuilder(XVFB.toString(), ":" + n, "-screen", "0", "1280x1024x24", "-nolisten", "tcp")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (xvfb.isAlive() && !Files.exists(Path.of("/tmp/.X11-unix/X" + n)) && System.nanoTime() < end) Thread.sleep(50);
                if (!xvfb.isAlive()) continue; // the display was taken meanwhile
                Runtime.getRuntime().addShutdownHook(new Thread(xvfb::destroy));
                display = ":" + n;
                return display;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("no free X display for Xvfb");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitListening(int port, Process process) {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) throw new IllegalStateException("WebKitWebDriver exited with " + process.exitValue());
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("WebKitWebDriver did not listen on port " + port + " within 15 s");
    }
}
