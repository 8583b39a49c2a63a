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
import java.util.function.BiFunction;

public final class TestServer implements AutoCloseable {
    private static final Map<Engine, TestServer> SHARED = new EnumMap<>(Engine.class);

    public final Engine engine;
    public final Path dataDir;
    /** The JDBC URL of this server's database, for command-line tools run against it (research compare). */
    public final String databaseUrl;
    public final Database database;
    /** Where this server's research report lives (served at /research-report/); null when it serves none. */
    public final Path researchDir;
    public final WebServer server;

    /** The small random model every shared test server answers RoboJam requests with. */
    public static final Model MODEL = RandomModel.create(new Shape(2, 32, 3, 3), 2026);

    public final RoboJam robojam;

    /**
     * The server's own timeouts, but no cap of connections per client: every test talks from 127.0.0.1,
     * and each Api keeps its connections open until the idle timeout. SlowClientTest checks the cap.
     */
    public static final ServerConfig.Timeouts TIMEOUTS = uncapped(ServerConfig.Timeouts.DEFAULT);

    private static ServerConfig.Timeouts uncapped(ServerConfig.Timeouts t) {
        return new ServerConfig.Timeouts(t.idle(), t.body(), t.maxConnections(), t.requestHead(), 0);
    }

    private TestServer(Engine engine, boolean httpsOnly, boolean withRoboJam) {
        this(engine, httpsOnly, withRoboJam, RateLimits.Config.OFF); // tests send many requests from one address
    }

    private TestServer(Engine engine, boolean httpsOnly, boolean withRoboJam, RateLimits.Config limits) {
        this(engine, httpsOnly, withRoboJam, limits, TIMEOUTS);
    }

    private TestServer(Engine engine, boolean httpsOnly, boolean withRoboJam, RateLimits.Config limits, ServerConfig.Timeouts timeouts) {
        this(engine, httpsOnly, withRoboJam ? new RoboJam(MODEL, 2) : null, limits, timeouts, ServerConfig.Network.DEFAULT, false, (config, dir) -> config);
    }

    private TestServer(Engine engine, boolean httpsOnly, RoboJam robojam, RateLimits.Config limits, ServerConfig.Timeouts timeouts,
                       ServerConfig.Network network, boolean servesResearch, BiFunction<ServerConfig, Path, ServerConfig> configure) {
        this(engine, null, httpsOnly, robojam, limits, timeouts, network, servesResearch, configure);
    }

    /** databaseUrl: a database other servers use too, or null for a fresh one of this server's own. */
    private TestServer(Engine engine, String databaseUrl, boolean httpsOnly, RoboJam robojam, RateLimits.Config limits, ServerConfig.Timeouts timeouts,
                       ServerConfig.Network network, boolean servesResearch, BiFunction<ServerConfig, Path, ServerConfig> configure) {
        this.engine = engine;
        try {
            this.dataDir = Files.createTempDirectory("microjam-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.databaseUrl = databaseUrl != null ? databaseUrl : engine.freshUrl(dataDir);
        this.database = Database.open(this.databaseUrl);
        this.researchDir = servesResearch ? dataDir.resolve("research") : null;
        this.robojam = robojam;
        this.server = WebServer.start(configure.apply(new ServerConfig("127.0.0.1", 0, 0, httpsOnly, Tls.selfSigned(dataDir), researchDir, limits,
                timeouts, network), dataDir), database, robojam);
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

    /** A server of one's own that serves a research report from researchDir, as `microjam serve` does from DATA_DIR/research. */
    public static TestServer withResearchReport(Engine engine) {
        return new TestServer(engine, false, null, RateLimits.Config.OFF, TIMEOUTS, ServerConfig.Network.DEFAULT, true, (config, dir) -> config);
    }

    /** A server of one's own with these public host, plain-HTTP clients and trusted proxies. */
    public static TestServer withNetwork(Engine engine, boolean httpsOnly, ServerConfig.Network network) {
        return new TestServer(engine, httpsOnly, null, RateLimits.Config.OFF, TIMEOUTS, network, false, (config, dir) -> config);
    }

    /**
     * A server of one's own (with RoboJam, no rate limits) configured by configure from the tests' usual
     * configuration, e.g. with a research directory; configure gets the data directory as well.
     */
    public static TestServer configured(Engine engine, BiFunction<ServerConfig, Path, ServerConfig> configure) {
        return new TestServer(engine, false, new RoboJam(MODEL, 2), RateLimits.Config.OFF, TIMEOUTS, ServerConfig.Network.DEFAULT, false, configure);
    }

    /** A server of one's own answering RoboJam with this model (e.g. one as costly as the shipped one), on one core as `microjam serve` does. */
    public static TestServer withRoboJam(Engine engine, Model model, ServerConfig.Timeouts timeouts) {
        return new TestServer(engine, false, new RoboJam(model, 1), RateLimits.Config.OFF, timeouts, ServerConfig.Network.DEFAULT, false, (config, dir) -> config);
    }

    /** Servers of their own sharing one fresh PostgreSQL database, as several servers behind a load balancer are. */
    public static java.util.List<TestServer> cluster(int servers) {
        return cluster(servers, RateLimits.Config.OFF);
    }

    /** A cluster whose servers apply these rate limits; they start all at once, as a deployment's do, each with RoboJam. */
    public static java.util.List<TestServer> cluster(int servers, RateLimits.Config limits) {
        String url;
        try {
            url = Engine.POSTGRESQL.freshUrl(Files.createTempDirectory("microjam-cluster"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        java.util.List<java.util.concurrent.Future<TestServer>> starting = new java.util.ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(servers)) {
            for (int i = 0; i < servers; i++)
                starting.add(pool.submit(() -> new TestServer(Engine.POSTGRESQL, url, false, new RoboJam(MODEL, 1), limits, TIMEOUTS,
                        ServerConfig.Network.DEFAULT, false, (config, dir) -> config)));
        }
        java.util.List<TestServer> cluster = new java.util.ArrayList<>();
        RuntimeException failed = null;
        for (var server : starting) {
            try {
                cluster.add(server.get());
            } catch (java.util.concurrent.ExecutionException | InterruptedException e) {
                if (failed == null) failed = new IllegalStateException("a server of the cluster did not start", e);
            }
        }
        if (failed != null) {
            cluster.forEach(TestServer::close);
            throw failed;
        }
        return cluster;
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
