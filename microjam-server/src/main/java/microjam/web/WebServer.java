// The whole route table and the server around it: HTTP and HTTPS connectors on Jetty, virtual
// threads, one exception mapper for every {"error", "field"} reply. main and the tests both start here.
package microjam.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import microjam.console.LogLine;
import microjam.performance.InvalidValue;
import microjam.research.Disclosure;
import microjam.research.PublishedReport;
import microjam.research.UsageCounters;
import microjam.robojam.RoboJam;
import microjam.store.Database;
import microjam.store.PerformanceStore;
import microjam.store.PerformerStore;
import microjam.store.SharedLimits;
import microjam.store.StorageFailure;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static microjam.web.RateLimits.Kind.READ;
import static microjam.web.RateLimits.Kind.ROBOJAM;
import static microjam.web.RateLimits.Kind.SIGN_UP;
import static microjam.web.RateLimits.Kind.WRITE;

public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final Logger ACCESS = LoggerFactory.getLogger("microjam.access");
    private static final String HTTP = "http", HTTPS = "https";

    private final Javalin app;
    private final ServerConfig config;
    private final UsageCounters usage;
    private final MetricsServer metricsServer; // null without an admin port
    private final ChangeWatch changes;

    private WebServer(Javalin app, ServerConfig config, UsageCounters usage, MetricsServer metricsServer, ChangeWatch changes) {
        this.app = app;
        this.config = config;
        this.usage = usage;
        this.metricsServer = metricsServer;
        this.changes = changes;
    }

    public static WebServer start(ServerConfig config, Database database) {
        return start(config, database, null);
    }

    /** robojam may be null: its endpoints then answer 503 and say why. */
    public static WebServer start(ServerConfig config, Database database, RoboJam robojam) {
        PerformerStore performers = new PerformerStore(database);
        PerformanceStore performances = new PerformanceStore(database);
        ChangeWatch changes = new ChangeWatch(database);
        Pictures pictures = new Pictures(changes);
        PrivacyPolicy policy = PrivacyPolicy.load(config.policyFacts(), Disclosure.MIN_PERFORMANCES, Disclosure.MIN_PERFORMERS);
        Auth auth = new Auth(performers, policy);
        PerformerRoutes performerRoutes = new PerformerRoutes(performers, performances, pictures, auth, policy);
        PerformanceRoutes performanceRoutes = new PerformanceRoutes(performances, pictures, auth, new FeedCache(database, changes));
        UsageCounters usage = new UsageCounters(database);
        Metrics metrics = new Metrics(database, robojam);
        RoboJamRoutes robojamRoutes = new RoboJamRoutes(robojam, new KeptLayers(performances, performers.robojam(), auth, performanceRoutes::full), usage, metrics,
                config.timeouts().robojam());
        ResearchReportGuard research = new ResearchReportGuard(config.researchDir(), database);

        AtomicInteger httpsPort = new AtomicInteger(config.httpsPort()); // known once started (port 0 picks one)
        Javalin app = Javalin.create(cfg -> {
            configure(cfg, config, metrics);
            var r = cfg.routes;
            RateLimits limits = new RateLimits(config.rateLimits(), auth, database.soleWriter() ? null : new SharedLimits(database));
            r.before(ctx -> guard(ctx, config, httpsPort.get()));
            r.before(MethodGuard::refuseOverrides);
            r.before(HiddenFiles::refuse);
            r.before(MediaType::refuseUnknownCharset);
            r.before(ctx -> Bodies.startClock(ctx, config.timeouts().body()));
            r.before(research::beforeRequest);
            r.after(research::afterRequest);
            r.beforeMatched(limits::check);
            // The route table: each route names the kind of rate limit it draws from (RateLimits.Kind).
            r.get("/health", ctx -> health(ctx, database));
            r.get(AppFacts.PATH, AppFacts::serve);
            MetricsAccess metricsAccess = MetricsAccess.of(config);
            r.get(MetricsServer.PATH, ctx -> metricsAccess.serve(ctx, metrics));

            r.post("/api/performers", performerRoutes::create, SIGN_UP);
            r.get("/api/performers/{id}", performerRoutes::show, READ);
            r.get("/api/performers/{id}/avatar.png", performerRoutes::avatar, READ);
            r.get("/api/me", performerRoutes::me, READ);
            r.put("/api/me", performerRoutes::changeMe, WRITE);
            r.put("/api/me/avatar", performerRoutes::changeAvatar, WRITE);
            r.get("/api/me/export", performerRoutes::export, READ);
            r.delete("/api/me", performerRoutes::deleteMe, WRITE);

            r.post("/api/performances", performanceRoutes::publish, WRITE);
            r.get("/api/performances", performanceRoutes::feed, READ);
            r.get("/api/performances/{ref}", performanceRoutes::show, READ);
            r.get("/api/performances/{id}/replies", performanceRoutes::replies, READ);
            r.delete("/api/performances/{id}", performanceRoutes::delete, WRITE);

            r.get("/api/robojam", robojamRoutes::status, READ);
            r.post("/api/robojam", robojamRoutes::respond, ROBOJAM);
            r.post("/api/predict", robojamRoutes::predict, ROBOJAM);
            for (String open : CrossOrigin.OPEN_PATHS) { // anonymous, so callable from any origin (CrossOrigin)
                r.before(open, CrossOrigin::allow);
                r.options(open, CrossOrigin::preflight, READ);
            }
            r.post("/api/robojam/keep", robojamRoutes::keep, ROBOJAM);
            r.get(RoboJamRoutes.MODEL_FILES + "{file}", robojamRoutes::modelFile, READ);
            r.get("/api/privacy", ctx -> ctx.contentType("application/json").result(policy.json()), READ);
            r.get("/api/research/robojam-stats", ctx -> robojamStats(ctx, usage), READ);

            r.exception(ApiError.class, (e, ctx) -> {
                if (e.retryAfterSeconds() > 0) ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
                error(ctx, e.status(), e.field(), e.getMessage());
            });
            r.exception(InvalidValue.class, (e, ctx) -> error(ctx, 400, e.field(), e.getMessage()));
            // Javalin's 404 names the path it did not find: ours says the same for every path, echoing nothing.
            r.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), null, e.getStatus() == 404 ? ApiError.NO_SUCH_ROUTE : e.getMessage()));
            r.exception(Exception.class, (e, ctx) -> {
                var storage = StorageFailure.of(e);
                if (storage.isPresent()) {
                    storageFailed(ctx, storage.get(), e);
                    return;
                }
                LOG.error("event=unhandled_error method={} route={} error={}", MethodGuard.label(ctx), LogLine.value(route(ctx)), LogLine.value(e.getClass().getName()), e);
                error(ctx, 500, null, "internal error");
            });
            // Statuses Javalin sets by itself get the same JSON body as ours (ours already have one).
            for (var status : Map.of(404, ApiError.NO_SUCH_ROUTE, 405, "method not allowed here").entrySet())
                r.error(status.getKey(), ctx -> {
                    if (ctx.result() == null || ctx.result().isEmpty()) error(ctx, status.getKey(), null, status.getValue());
                });
        });
        // The admin port first: once the app answers /health, /metrics answers too.
        MetricsServer metricsServer = config.metricsPort() == null ? null : MetricsServer.start(config.host(), config.metricsPort(), metrics);
        try {
            app.start();
        } catch (RuntimeException e) {
            if (metricsServer != null) metricsServer.close();
            changes.close();
            throw e;
        }
        WebServer server = new WebServer(app, config, usage, metricsServer, changes);
        httpsPort.set(server.httpsPort());
        LOG.info("event=started http_port={} https_port={} metrics_port={}", server.httpPort(), server.httpsPort(),
                metricsServer == null ? "none" : metricsServer.port());
        return server;
    }

    private static void configure(JavalinConfig cfg, ServerConfig config, Metrics metrics) {
        cfg.startup.showJavalinBanner = false;
        cfg.startup.showOldJavalinVersionWarning = false;
        cfg.concurrency.useVirtualThreads = true;
        cfg.http.maxRequestSize = Bodies.AVATAR_LIMIT + 1024L;
        cfg.http.prefer405over404 = true;
        // The access log: method, route template, status and time. Never the address, a header, a query or a body.
        // The method is the request line's, one of a fixed set (MethodGuard), so neither logs nor metrics grow with what clients invent.
        cfg.requestLogger.http((ctx, ms) -> {
            String route = route(ctx), method = MethodGuard.label(ctx);
            ACCESS.info("event=request method={} route={} status={} ms={}", method, LogLine.value(route), ctx.statusCode(), String.format(Locale.ROOT, "%.1f", ms));
            metrics.request(method, route, ctx.statusCode(), ms);
        });
        cfg.jsonMapper(new JavalinJackson(Json.MAPPER, true));
        cfg.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = "/public";
            files.location = Location.CLASSPATH;
            files.headers = Map.of("Cache-Control", "no-cache");
            files.mimeTypes.add("application/manifest+json", "webmanifest");
        });
        if (config.researchDir() != null) {
            try {
                Files.createDirectories(config.researchDir());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the research directory " + config.researchDir(), e);
            }
            cfg.staticFiles.add(files -> {
                files.hostedPath = PublishedReport.PATH;
                files.directory = config.researchDir().toAbsolutePath().toString();
                files.location = Location.EXTERNAL;
                files.headers = Map.of("Cache-Control", "no-cache");
            });
        }
        // Errors Jetty answers itself (malformed requests, before any route) look like ours: JSON with the security headers.
        cfg.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
        // Graceful shutdown: on stop, connectors close to new requests and those in flight get up to 10 s to finish.
        cfg.jetty.modifyServer(server -> {
            server.setStopTimeout(10_000);
            server.insertHandler(new GracefulHandler());
            // Past this many open connections, new ones wait in the accept queue: a flood of idle sockets runs out of room here, not out of file descriptors.
            server.addBean(new NetworkConnectionLimit(config.timeouts().maxConnections(), server));
            server.addBean(new RequestHeadDeadline(server, config.timeouts().requestHead()));
        });
        cfg.jetty.modifyHttpConfiguration(WebServer::harden);
        // One count per client across both connectors.
        ConnectionsPerClient perClient = new ConnectionsPerClient(config.timeouts().maxConnectionsPerClient(), config.network().trustedProxies());
        cfg.jetty.addConnector((server, http) -> connector(server, config, config.httpPort(), HTTP, perClient,
                new HttpConnectionFactory(forwarded(new HttpConfiguration(http), config))));
        cfg.jetty.addConnector((server, http) -> httpsConnector(server, http, config, perClient));
    }

    /**
     * What every HTTP configuration of ours sets. Jetty keeps a per-connection cache of header fields it has
     * parsed and by default matches a new header against it ignoring case, values included: a request whose
     * "Authorization: Bearer" token differed from the one sent before it on the same connection only in the
     * case of a letter was handed the earlier, right token (KeepAliveAuthTest). Tokens, ETags and cookies are
     * case-sensitive, so the cache must match exactly.
     */
    static HttpConfiguration harden(HttpConfiguration http) {
        http.setHeaderCacheCaseSensitive(true);
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        return http;
    }

    private static Connector httpsConnector(Server server, HttpConfiguration http, ServerConfig config, ConnectionsPerClient perClient) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(config.keystore().file().toAbsolutePath().toString());
        ssl.setKeyStorePassword(config.keystore().password());
        ssl.setKeyStoreType("PKCS12");
        ssl.setIncludeProtocols(Tls.PROTOCOLS);
        ssl.setIncludeCipherSuites(Tls.CIPHER_SUITES);
        HttpConfiguration secure = new HttpConfiguration(http);
        SecureRequestCustomizer customizer = new SecureRequestCustomizer();
        customizer.setSniHostCheck(false); // the self-signed certificate is also used via 127.0.0.1
        secure.addCustomizer(customizer);
        HttpConnectionFactory h1 = new HttpConnectionFactory(forwarded(secure, config));
        return connector(server, config, config.httpsPort(), HTTPS, perClient, new SslConnectionFactory(ssl, h1.getProtocol()), h1);
    }

    // Behind trusted proxies, their word on the client and on HTTPS, applied last so that it decides.
    private static HttpConfiguration forwarded(HttpConfiguration http, ServerConfig config) {
        if (!config.network().trustedProxies().isEmpty()) http.addCustomizer(new TrustedProxies(config.network().trustedProxies()));
        return http;
    }

    private static ServerConnector connector(Server server, ServerConfig config, int port, String name, ConnectionsPerClient perClient,
                                             ConnectionFactory... factories) {
        ServerConnector connector = new ServerConnector(server, factories);
        connector.addBean(perClient); // Jetty tells it of every accept and close on this connector
        connector.setHost(config.host());
        connector.setPort(port);
        connector.setName(name);
        // Waiting for a client is free (no thread is held), but not forever.
        connector.setIdleTimeout(config.timeouts().idle().toMillis());
        // Room for a burst of new connections while the acceptor catches up; the JVM's default of 50 reset hundreds of them.
        connector.setAcceptQueueSize(1024);
        return connector;
    }

    // Every response gets the security headers. Plain HTTP is answered only for the clients that may use it
    // (this machine, by default) and not at all when https-only; everyone else is redirected to HTTPS before
    // anything of the request is read, so no token crosses the network in clear. The redirect goes to the
    // configured public host, never to the Host header, which is the client's to forge.
    private static void guard(Context ctx, ServerConfig config, int httpsPort) {
        boolean secure = ctx.req().isSecure(); // behind a trusted proxy: as the proxy says
        SecurityHeaders.apply(ctx, secure);
        if (secure || !config.httpsOnly() && config.network().plainHttpClients().contains(ClientAddresses.literal(ctx.req().getRemoteAddr())))
            return;
        String query = ctx.queryString() == null ? "" : "?" + ctx.queryString();
        ctx.redirect(config.network().httpsOrigin(httpsPort) + ctx.path() + query, HttpStatus.PERMANENT_REDIRECT);
        ctx.skipRemainingHandlers();
    }

    private static void robojamStats(Context ctx, UsageCounters usage) {
        String format = ctx.queryParam("format");
        if (format != null && !format.equals("csv") && !format.equals("json")) throw new InvalidValue("format", "format must be json or csv");
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
                LOG.error("event=storage_full method={} route={} cause={} effect={}", MethodGuard.label(ctx), LogLine.value(route(ctx)),
                        LogLine.value(LogLine.cause(e)), LogLine.value("writes answer 507 until space is freed; reads go on"));
                error(ctx, 507, null, "the server's storage is full: nothing was saved; try again later");
            }
        }
    }

    // The route template the request matched: not ctx.endpoint(), which after an after-handler names that handler ("*").
    private static String route(Context ctx) {
        var matched = ctx.endpoints().matchedHttpEndpoint();
        if (matched != null) return matched.path;
        return ctx.path().startsWith("/api/") ? "(no route)" : "(static)";
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

    /** The admin port serving /metrics; -1 without one. */
    public int metricsPort() {
        return metricsServer == null ? -1 : metricsServer.port();
    }

    public ServerConfig config() {
        return config;
    }

    @Override
    public void close() {
        try {
            app.stop();
            if (metricsServer != null) metricsServer.close();
        } finally {
            changes.close();
            usage.close(); // the counters are written even if stopping Jetty failed
        }
    }
}
