// A real MicroJam server for tests, started through the same WebServer.start as `microjam serve`,
// on free ports, with its own data directory and a fresh database of the given engine.
package microjam.testing;

import microjam.robojam.Model;
import microjam.robojam.RandomModel;
import microjam.robojam.RoboJam;
import microjam.robojam.Shape;
import microjam.store.Database;
import microjam.web.RateLimits;
import microjam.web.ServerConfig;
import microjam.web.Tls;
import microjam.web.WebServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

public final class TestServer implements AutoCloseable {
    private static final Map<Engine, TestServer> SHARED = new EnumMap<>(Engine.class);

    public final Engine engine;
    public final Path dataDir;
    public final Database database;
    public final WebServer server;

    /** The small random model every shared test server answers RoboJam requests with. */
    public static final Model MODEL = RandomModel.create(new Shape(2, 32, 3, 3), 2026);

    public final RoboJam robojam;

    private TestServer(Engine engine, boolean httpsOnly, boolean withRoboJam) {
        this(engine, httpsOnly, withRoboJam, RateLimits.Config.OFF); // tests send many requests from one address
    }

    private TestServer(Engine engine, boolean httpsOnly, boolean withRoboJam, RateLimits.Config limits) {
        this(engine, httpsOnly, withRoboJam, limits, ServerConfig.Timeouts.DEFAULT);
    }

    private TestServer(Engine engine, boolean httpsOnly, boolean withRoboJam, RateLimits.Config limits, ServerConfig.Timeouts timeouts) {
        this(engine, httpsOnly, withRoboJam ? new RoboJam(MODEL, 2) : null, limits, timeouts);
    }

    private TestServer(Engine engine, boolean httpsOnly, RoboJam robojam, RateLimits.Config limits, ServerConfig.Timeouts timeouts) {
        this.engine = engine;
        try {
            this.dataDir = Files.createTempDirectory("microjam-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.database = Database.open(engine.freshUrl(dataDir));
        this.robojam = robojam;
        this.server = WebServer.start(new ServerConfig("127.0.0.1", 0, 0, httpsOnly, Tls.selfSigned(dataDir), null, limits, timeouts), database, robojam);
    }

    /** One server per engine for the whole test run; tests keep to their own performers' data. */
    public static synchronized TestServer shared(Engine engine) {
        return SHARED.computeIfAbsent(engine, e -> {
            TestServer s = new TestServer(e, false, true);
            Runtime.getRuntime().addShutdownHook(new Thread(s::close));
            return s;
        });
    }

    /** A server of one's own, to close after the test. */
    public static TestServer start(Engine engine, boolean httpsOnly) {
        return new TestServer(engine, httpsOnly, true);
    }

    /** A server of one's own with these rate limits. */
    public static TestServer withRateLimits(Engine engine, RateLimits.Config limits) {
        return new TestServer(engine, false, true, limits);
    }

    /** A server of one's own with these timeouts. */
    public static TestServer withTimeouts(Engine engine, ServerConfig.Timeouts timeouts) {
        return new TestServer(engine, false, false, RateLimits.Config.OFF, timeouts);
    }

    /** A server of one's own answering RoboJam with this model (e.g. one as costly as the shipped one), on one core as `microjam serve` does. */
    public static TestServer withRoboJam(Engine engine, Model model, ServerConfig.Timeouts timeouts) {
        return new TestServer(engine, false, new RoboJam(model, 1), RateLimits.Config.OFF, timeouts);
    }

    /** A server of one's own with no RoboJam model loaded. */
    public static TestServer withoutRoboJam(Engine engine) {
        return new TestServer(engine, false, false);
    }

    public Api http() {
        return new Api("http://127.0.0.1:" + server.httpPort(), null);
    }

    public Api https() {
        return new Api("https://localhost:" + server.httpsPort(), Tls.selfSigned(dataDir));
    }

    @Override
    public void close() {
        server.close();
        database.close();
        if (robojam != null) robojam.close();
    }
}
