// microjam serve: the API over HTTP and HTTPS on the embedded SQLite file or on PostgreSQL.
package microjam.cli;

import microjam.robojam.Model;
import microjam.robojam.ModelFile;
import microjam.robojam.RoboJam;
import microjam.robojam.WarmUp;
import microjam.store.Database;
import microjam.web.ClientAddresses;
import microjam.web.PolicyFacts;
import microjam.web.RateLimits;
import microjam.web.ServerConfig;
import microjam.web.Tls;
import microjam.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true, defaultValueProvider = EnvironmentDefaults.class,
        description = "Serve MicroJam: the API on HTTP and HTTPS. With no options: SQLite in ./microjam-data, http://localhost:8080 and https://localhost:8443.",
        footer = {"", "Examples:", "  microjam serve", "  microjam serve --port 80 --https-port 443 --https-only --keystore site.p12",
                "  MICROJAM_DATABASE_URL=jdbc:postgresql://localhost/microjam?user=mj microjam serve", "", EnvironmentDefaults.RULE})
final class ServeCommand implements Callable<Integer> {
    @Mixin
    StorageOptions storage;

    @Option(names = "--host", defaultValue = "0.0.0.0", description = "Address to bind (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--https-port", defaultValue = "8443", description = "HTTPS port (default ${DEFAULT-VALUE}).")
    int httpsPort;

    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = {"Serve /metrics (Prometheus) on this admin port only, to whoever can reach it: firewall it.",
                    "Without it, /metrics is answered on the HTTP and HTTPS ports to clients on this machine only (loopback, not via a proxy)."})
    Integer metricsPort;

    // The privacy policy's facts that only the people running this server can state (PolicyFacts).
    @Option(names = "--operator", paramLabel = "TEXT",
            description = "Who runs this server, as the privacy policy names them.")
    String operator;

    @Option(names = "--contact", paramLabel = "TEXT",
            description = "How people reach the team, as the privacy policy says it, e.g. an email address.")
    String contact;

    @Option(names = "--data-location", paramLabel = "TEXT",
            description = "Where the data is stored, completing \"stored …\" in the privacy policy, e.g. \"in Oslo, Norway\".")
    String dataLocation;

    @Option(names = "--backups", paramLabel = "TEXT",
            description = "What the policy says of your backups, e.g. \"Nightly backups are kept 14 days, so deleted data leaves them within 14 days.\".")
    String backups;

    @Option(names = "--https-only", defaultValue = "false", fallbackValue = "true", arity = "0..1",
            description = "Redirect HTTP to HTTPS and send HSTS.")
    boolean httpsOnly;

    @Option(names = "--keystore", paramLabel = "FILE",
            description = "PKCS#12 keystore with the HTTPS certificate. Without it a self-signed localhost certificate is made in the data directory.")
    Path keystore;

    @Option(names = "--keystore-password", paramLabel = "PASSWORD",
            description = "The keystore's password (prefer its environment variable, MICROJAM_KEYSTORE_PASSWORD: command lines are visible to other users).")
    String keystorePassword;

    @Option(names = "--robojam-model", paramLabel = "FILE",
            description = "RoboJam model file (default: the shipped model, if this build has one).")
    Path robojamModel;

    @Option(names = "--robojam-threads", paramLabel = "N", defaultValue = "1",
            description = {"Cores one RoboJam step may be split across (default ${DEFAULT-VALUE}).",
                    "Splitting only pays on an otherwise idle machine with a large model; under load it makes every core wait for the slowest."})
    int robojamThreads;

    @Option(names = "--robojam-budget", paramLabel = "STEPS", defaultValue = "" + RoboJam.DEFAULT_STEP_BUDGET,
            description = {"RoboJam work admitted at once, in network steps, each call counted at its most (default ${DEFAULT-VALUE}:",
                    "ten of the largest calls, or ten as the web app makes them). Past it a call is refused at once with 503 and Retry-After;",
                    "lower it for a larger model or a slower machine, so that what is admitted is answered within its deadline."})
    long robojamBudget;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Close a connection that sends nothing for this long (default ${DEFAULT-VALUE}).")
    int idleTimeout;

    @Option(names = "--body-timeout", paramLabel = "SECONDS", defaultValue = "20",
            description = "A request body must arrive within this long, or 408 (default ${DEFAULT-VALUE}).")
    int bodyTimeout;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "10000",
            description = "Open connections at once; more wait to be accepted (default ${DEFAULT-VALUE}).")
    int maxConnections;

    @Option(names = "--request-head-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = {"A request's line and headers must arrive within this long, counted from the connection's accept (its first request) "
                    + "or from their first byte (later ones), else the connection is closed (default ${DEFAULT-VALUE})."})
    int requestHeadTimeout;

    @Option(names = "--max-connections-per-client", paramLabel = "N", defaultValue = "100",
            description = {"Open connections one client address (an IPv6 /64) may hold; more are closed at once; 0 for no cap; "
                    + "trusted proxies are not capped (default ${DEFAULT-VALUE})."})
    int maxConnectionsPerClient;

    @Option(names = "--public-host", paramLabel = "HOST[:PORT]", defaultValue = "localhost",
            description = {"The host clients reach the server by: plain HTTP is redirected to https://HOST[:PORT], never to a request's Host header; "
                    + "without :PORT the HTTPS port (default ${DEFAULT-VALUE})."})
    String publicHost;

    @Option(names = "--plain-http-clients", paramLabel = "LIST", defaultValue = "127.0.0.0/8,::1",
            description = {"Client addresses and CIDR ranges that may use plain HTTP; everyone else is redirected to HTTPS (308) "
                    + "so that tokens never cross the network in clear (default ${DEFAULT-VALUE}: this machine)."})
    String plainHttpClients;

    @Option(names = "--trusted-proxies", paramLabel = "LIST",
            description = {"Reverse proxies (addresses and CIDR ranges) whose X-Forwarded-Proto and X-Forwarded-For are believed; "
                    + "from anyone else those headers are ignored (default: none)."})
    String trustedProxies;

    @Option(names = "--rate-limit-writes", paramLabel = "N", defaultValue = "120",
            description = "Changes (uploads, profile edits, avatars, deletions) per minute per performer (else address), 0 for no limit (default ${DEFAULT-VALUE}).")
    int writesPerMinute;

    @Option(names = "--rate-limit-robojam", paramLabel = "N", defaultValue = "60",
            description = "RoboJam requests per minute per client, 0 for no limit (default ${DEFAULT-VALUE}).")
    int robojamPerMinute;

    @Option(names = "--rate-limit-sign-ups", paramLabel = "N", defaultValue = "30",
            description = "Sign-ups per hour per client address, 0 for no limit (default ${DEFAULT-VALUE}).")
    int signUpsPerHour;

    @Option(names = "--rate-limit-reads", paramLabel = "N", defaultValue = "1200",
            description = "API reads per minute per client address, 0 for no limit (default ${DEFAULT-VALUE}).")
    int readsPerMinute;

    @Override
    public Integer call() throws InterruptedException {
        if (robojamThreads < 1 || robojamThreads > 256) throw new IllegalArgumentException("--robojam-threads must be between 1 and 256");
        Tls.Keystore tls = keystore();
        ServerConfig config = new ServerConfig(host, port, httpsPort, httpsOnly, tls, storage.dataDir.resolve("research"),
                new RateLimits.Config(writesPerMinute, robojamPerMinute, signUpsPerHour, readsPerMinute),
                new ServerConfig.Timeouts(Duration.ofSeconds(idleTimeout), Duration.ofSeconds(bodyTimeout), maxConnections,
                        Duration.ofSeconds(requestHeadTimeout), maxConnectionsPerClient),
                new ServerConfig.Network(publicHost, ClientAddresses.parse(plainHttpClients), ClientAddresses.parse(trustedProxies)))
                .withMetricsPort(metricsPort)
                .withPolicyFacts(new PolicyFacts(or(operator, PolicyFacts.DEFAULT.operator()), or(contact, PolicyFacts.DEFAULT.contact()),
                        or(dataLocation, PolicyFacts.DEFAULT.dataLocation()), or(backups, PolicyFacts.DEFAULT.backups())));
        Model model = robojamModel != null ? ModelFile.read(robojamModel) : Models.shipped();
        RoboJam robojam = model == null ? null : new RoboJam(model, robojamThreads, robojamBudget);
        Database database = storage.open();
        WebServer server;
        try {
            server = WebServer.start(config, database, robojam);
        } catch (RuntimeException e) {
            database.close();
            if (robojam != null) robojam.close();
            throw new IllegalStateException("could not start the server: " + Main.oneLine(e), e);
        }
        if (robojam != null) Thread.ofVirtual().name("robojam-warm-up").start(() -> warmUp(robojam));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            database.close();
            if (robojam != null) robojam.close();
            stopped.countDown();
        }, "shutdown"));
        System.out.println("MicroJam is running on " + storage.describe() + ": http://localhost:" + server.httpPort()
                + "/ and https://localhost:" + server.httpsPort() + "/ (Ctrl-C stops it)");
        String redirect = config.network().httpsOrigin(server.httpsPort()) + "/";
        System.out.println(httpsOnly ? "Plain HTTP redirects every client to " + redirect
                : "Plain HTTP answers " + config.network().plainHttpClients() + " only; other clients are redirected to " + redirect
                + (config.network().publicHost().equals(ServerConfig.Network.DEFAULT.publicHost()) ? " (give --public-host the name they reach this machine by)" : ""));
        System.out.println(server.metricsPort() < 0 ? "Metrics: /metrics on the ports above, for clients on this machine only"
                : "Metrics: http://" + host + ":" + server.metricsPort() + "/metrics (admin port; not on the ports above)");
        System.out.println(model == null ? "RoboJam: no model loaded (its endpoints answer 503; give one with --robojam-model FILE)"
                : "RoboJam: model " + model.name() + " (" + RoboJam.kernel() + ")");
        stopped.await();
        return 0;
    }

    private static String or(String given, String fallback) {
        return given == null || given.isBlank() ? fallback : given;
    }

    private Tls.Keystore keystore() {
        if (keystore == null) return Tls.selfSigned(storage.dataDir);
        if (!Files.isReadable(keystore)) throw new IllegalArgumentException("cannot read the keystore " + keystore);
        if (keystorePassword == null) throw new IllegalArgumentException("--keystore needs --keystore-password (or MICROJAM_KEYSTORE_PASSWORD)");
        return new Tls.Keystore(keystore, keystorePassword);
    }

    // In the background: the server answers at once, RoboJam reaches full speed within seconds.
    private static void warmUp(RoboJam robojam) {
        try {
            WarmUp.run(robojam, WarmUp.SERVER_RESPONSES, () -> { });
        } catch (RuntimeException stoppedMeanwhile) {
            // the server is shutting down: nothing to warm
        }
    }
}
