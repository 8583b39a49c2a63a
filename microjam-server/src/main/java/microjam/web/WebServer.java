// The whole route table and the server around it: HTTP and HTTPS connectors on Jetty, virtual
// threads, one exception mapper for every {"error", "field"} reply. main and the tests both start here.
package microjam.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import microjam.console.LogLine;
import microjam.performance.InvalidValue;
import microjam.research.UsageCounters;
import microjam.robojam.RoboJam;
import microjam.store.Database;
import microjam.store.StorageFailure;
import microjam.store.PerformanceStore;
import microjam.store.PerformerStore;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final Logger ACCESS = LoggerFactory.getLogger("microjam.access");
    private static final String HTTP = "http", HTTPS = "https";

    private final Javalin app;
    private final ServerConfig config;
    private final UsageCounters usage;

    private WebServer(Javalin app, ServerConfig config, UsageCounters usage) {
        this.app = app;
        this.config = config;
        this.usage = usage;
    }

    public static WebServer start(ServerConfig config, Database database) {
        return start(config, database, null);
    }

    /** robojam may be null: its endpoints then answer 503 and say why. */
    public static WebServer start(ServerConfig config, Database database, RoboJam robojam) {
        PerformerStore performers = new PerformerStore(database);
        PerformanceStore performances = new PerformanceStore(database);
        Pictures pictures = new Pictures();
        Auth auth = new Auth(performers);
        PrivacyPolicy policy = PrivacyPolicy.load();
        PerformerRoutes performerRoutes = new PerformerRoutes(performers, performances, pictures, auth, policy);
        PerformanceRoutes performanceRoutes = new PerformanceRoutes(performances, pictures, auth, new FeedCache(database));
        UsageCounters usage = new UsageCounters(database);
        Metrics metrics = new Metrics(database);
        RoboJamRoutes robojamRoutes = new RoboJamRoutes(robojam, new KeptLayers(performances, performers.robojam(), auth, performanceRoutes), usage, metrics);

        AtomicInteger httpsPort = new AtomicInteger(config.httpsPort()); // known once started (port 0 picks one)
        Javalin app = Javalin.create(cfg -> {
            configure(cfg, config, metrics);
            var r = cfg.routes;
            RateLimits limits = new RateLimits(config.rateLimits());
            r.before(ctx -> guard(ctx, config, httpsPort.get()));
            r.before(ctx -> Bodies.startClock(ctx, config.timeouts().body()));
            r.before(limits::check);
            r.get("/health", ctx -> health(ctx, database));
            r.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));

            r.post("/api/performers", performerRoutes::create);
            r.get("/api/performers/{id}", performerRoutes::show);
            r.get("/api/performers/{id}/avatar.png", performerRoutes::avatar);
            r.get("/api/me", performerRoutes::me);
            r.put("/api/me", performerRoutes::changeMe);
            r.put("/api/me/avatar", performerRoutes::changeAvatar);
            r.get("/api/me/export", performerRoutes::export);
            r.delete("/api/me", performerRoutes::deleteMe);

            r.post("/api/performances", performanceRoutes::publish);
            r.get("/api/performances", performanceRoutes::feed);
            r.get("/api/performances/{ref}", performanceRoutes::show);
            r.get("/api/performances/{id}/replies", performanceRoutes::replies);
            r.delete("/api/performances/{id}", performanceRoutes::delete);

            r.get("/api/robojam", robojamRoutes::status);
            r.post("/api/robojam", robojamRoutes::respond);
            r.post("/api/predict", robojamRoutes::predict);
            r.post("/api/robojam/keep", robojamRoutes::keep);
            r.get("/api/privacy", ctx -> ctx.contentType("application/json").result(policy.json()));
            r.get("/api/research/robojam-stats", ctx -> robojamStats(ctx, usage));

            r.exception(ApiError.class, (e, ctx) -> {
                if (e.retryAfterSeconds() > 0) ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
                error(ctx, e.status(), e.field(), e.getMessage());
            });
            r.exception(InvalidValue.class, (e, ctx) -> error(ctx, 400, e.field(), e.getMessage()));
            r.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), null, e.getMessage()));
            r.exception(Exception.class, (e, ctx) -> {
                var storage = StorageFailure.of(e);
                if (storage.isPresent()) {
                    storageFailed(ctx, storage.get(), e);
                    return;
                }
                LOG.error("event=unhandled_error method={} route={} error={}", ctx.method(), route(ctx), LogLine.value(e.getClass().getName()), e);
                error(ctx, 500, null, "internal error");
            });
            // Statuses Javalin sets by itself get the same JSON body as ours (ours already have one).
            for (var status : Map.of(404, "no such page or API route", 405, "method not allowed here").entrySet())
                r.error(status.getKey(), ctx -> {
                    if (ctx.result() == null || ctx.result().isEmpty()) error(ctx, status.getKey(), null, status.getValue());
                });
        });
        app.start();
        WebServer server = new WebServer(app, config, usage);
        httpsPort.set(server.httpsPort());
        LOG.info("event=started http_port={} https_port={}", server.httpPort(), server.httpsPort());
        return server;
    }

    private static void configure(JavalinConfig cfg, ServerConfig config, Metrics metrics) {
        cfg.startup.showJavalinBanner = false;
        cfg.startup.showOldJavalinVersionWarning = false;
        cfg.concurrency.useVirtualThreads = true;
        cfg.http.maxRequestSize = Bodies.AVATAR_LIMIT + 1024L;
        cfg.http.prefer405over404 = true;
        // The access log: method, route template, status and time. Never the address, a header, a query or a body.
        cfg.requestLogger.http((ctx, ms) -> {
            String route = route(ctx);
            ACCESS.info("event=request method={} route={} status={} ms={}", ctx.method(), LogLine.value(route), ctx.statusCode(), String.format(java.util.Locale.ROOT, "%.1f", ms));
            metrics.request(ctx.method().name(), route, ctx.statusCode(), ms);
        });
        cfg.jsonMapper(new JavalinJackson(Json.MAPPER, true));
        cfg.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = "/public";
            files.location = io.javalin.http.staticfiles.Location.CLASSPATH;
            files.headers = Map.of("Cache-Control", "no-cache");
            files.mimeTypes.add("application/manifest+json", "webmanifest");
        });
        if (config.researchDir() != null) {
            try {
                java.nio.file.Files.createDirectories(config.researchDir());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot create the research directory " + config.researchDir(), e);
            }
            cfg.staticFiles.add(files -> {
                files.hostedPath = "/research-report";
                files.directory = config.researchDir().toAbsolutePath().toString();
                files.location = io.javalin.http.staticfiles.Location.EXTERNAL;
                files.headers = Map.of("Cache-Control", "no-cache");
            });
        }
        // Graceful shutdown: on stop, connectors close to new requests and those in flight get up to 10 s to finish.
        cfg.jetty.modifyServer(server -> {
            server.setStopTimeout(10_000);
            server.insertHandler(new org.eclipse.jetty.server.handler.GracefulHandler());
            // Past this many open connections, new ones wait in the accept queue: a flood of idle sockets runs out of room here, not out of file descriptors.
            server.addBean(new org.eclipse.jetty.server.NetworkConnectionLimit(config.timeouts().maxConnections(), server));
        });
        cfg.jetty.modifyHttpConfiguration(http -> {
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
        });
        cfg.jetty.addConnector((server, http) -> connector(server, config, config.httpPort(), HTTP,
                new HttpConnectionFactory(http)));
        cfg.jetty.addConnector((server, http) -> httpsConnector(server, http, config));
    }

    private static Connector httpsConnector(Server server, HttpConfiguration http, ServerConfig config) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(config.keystore().file().toAbsolutePath().toString());
        ssl.setKeyStorePassword(config.keystore().password());
        ssl.setKeyStoreType("PKCS12");
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        HttpConfiguration secure = new HttpConfiguration(http);
        SecureRequestCustomizer customizer = new SecureRequestCustomizer();
        customizer.setSniHostCheck(false); // the self-signed certificate is also used via 127.0.0.1
        secure.addCustomizer(customizer);
        HttpConnectionFactory h1 = new HttpConnectionFactory(secure);
        return connector(server, config, config.httpsPort(), HTTPS, new SslConnectionFactory(ssl, h1.getProtocol()), h1);
    }

    private static ServerConnector connector(Server server, ServerConfig config, int port, String name,
                                             org.eclipse.jetty.server.ConnectionFactory... factories) {
        ServerConnector connector = new ServerConnector(server, factories);
        connector.setHost(config.host());
        connector.setPort(port);
        connector.setName(name);
        // Waiting for a client is free (no thread is held), but not forever.
        connector.setIdleTimeout(config.timeouts().idle().toMillis());
        // Room for a burst of new connections while the acceptor catches up; the JVM's default of 50 reset hundreds of them.
        connector.setAcceptQueueSize(1024);
        return connector;
    }

    // Every response gets the security headers; in https-only mode plain HTTP is redirected.
    private static void guard(Context ctx, ServerConfig config, int port) {
        SecurityHeaders.apply(ctx, config.httpsOnly());
        if (config.httpsOnly() && !ctx.req().isSecure()) {
            String host = ctx.req().getServerName();
            String query = ctx.queryString() == null ? "" : "?" + ctx.queryString();
            ctx.redirect("https://" + (host.contains(":") ? "[" + host + "]" : host) + (port == 443 ? "" : ":" + port)
                    + ctx.path() + query, io.javalin.http.HttpStatus.PERMANENT_REDIRECT);
            ctx.skipRemainingHandlers();
        }
    }

    private static void robojamStats(Context ctx, UsageCounters usage) {
        String format = ctx.queryParam("format");
        if (format != null && !format.equals("csv") && !format.equals("json")) throw ApiError.badRequest("format", "format must be json or csv");
        if ("csv".equals(format)) ctx.contentType("text/csv; charset=utf-8").result(UsageCounters.csv(usage.rows()));
        else ctx.json(Map.of("rows", usage.rows()));
    }

    // The database went away: answer at once with 503 and let the pool reconnect by itself when it is back.
    // The disk is full: 507, nothing of the request was saved, and writes work again once space is freed.
    private static void storageFailed(Context ctx, StorageFailure failure, Exception e) {
        switch (failure) {
            case UNREACHABLE -> {
                ctx.header("Retry-After", "5");
                error(ctx, 503, null, "the database is unavailable; try again shortly");
            }
            case FULL -> {
                LOG.error("event=storage_full method={} route={} cause={} effect={}", ctx.method(), LogLine.value(route(ctx)),
                        LogLine.value(LogLine.cause(e)), LogLine.value("writes answer 507 until space is freed; reads go on"));
                error(ctx, 507, null, "the server's storage is full: nothing was saved; try again later");
            }
        }
    }

    private static String route(Context ctx) {
        try {
            return ctx.endpoint().path;
        } catch (RuntimeException unmatched) {
            return ctx.path().startsWith("/api/") ? "(no route)" : "(static)";
        }
    }

    private static void health(Context ctx, Database database) {
        boolean ready = database.isReady();
        Map<String, String> body = new LinkedHashMap<>();
        body.put("status", ready ? "ok" : "unavailable");
        body.put("database", ready ? "ready" : "unreachable");
        ctx.status(ready ? 200 : 503).json(body);
    }

    static void error(Context ctx, int status, String field, String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", message);
        if (field != null) body.put("field", field);
        ctx.status(status).json(body);
    }

    public int httpPort() {
        return port(HTTP);
    }

    public int httpsPort() {
        return port(HTTPS);
    }

    private int port(String name) {
        for (Connector c : app.jettyServer().server().getConnectors())
            if (name.equals(c.getName()) && c instanceof ServerConnector sc) return sc.getLocalPort();
        throw new IllegalStateException("no " + name + " connector");
    }

    public ServerConfig config() {
        return config;
    }

    @Override
    public void close() {
        app.stop();
        usage.close();
    }
}
