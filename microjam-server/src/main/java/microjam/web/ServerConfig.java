// How the server runs: ports (0 picks a free one), bind address, HTTPS keystore and https-only mode,
// rate limits, how long and how many connections a client may hold, and where /metrics is served.
package microjam.web;

import java.time.Duration;

public record ServerConfig(String host, int httpPort, int httpsPort, boolean httpsOnly, Tls.Keystore keystore, java.nio.file.Path researchDir,
                           RateLimits.Config rateLimits, Timeouts timeouts, Integer metricsPort) {
    /**
     * idle: a connection that sends nothing for this long is closed; body: a request body must have
     * arrived this long after the request began (a client trickling bytes is cut off at 408);
     * maxConnections: connections held at once, after which new ones wait to be accepted.
     */
    public record Timeouts(Duration idle, Duration body, int maxConnections) {
        public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(20), 10_000);

        public Timeouts {
            if (idle.isNegative() || idle.isZero() || idle.toSeconds() > 3600) throw new IllegalArgumentException("idle-timeout must be between 1 and 3600 seconds");
            if (body.isNegative() || body.isZero() || body.toSeconds() > 3600) throw new IllegalArgumentException("body-timeout must be between 1 and 3600 seconds");
            if (maxConnections < 16 || maxConnections > 1_000_000) throw new IllegalArgumentException("max-connections must be between 16 and 1000000");
        }
    }

    public ServerConfig(String host, int httpPort, int httpsPort, boolean httpsOnly, Tls.Keystore keystore) {
        this(host, httpPort, httpsPort, httpsOnly, keystore, null, RateLimits.Config.DEFAULT, Timeouts.DEFAULT);
    }

    public ServerConfig(String host, int httpPort, int httpsPort, boolean httpsOnly, Tls.Keystore keystore, java.nio.file.Path researchDir,
                        RateLimits.Config rateLimits) {
        this(host, httpPort, httpsPort, httpsOnly, keystore, researchDir, rateLimits, Timeouts.DEFAULT);
    }

    /** No admin port: /metrics is answered on the public ports, to local clients only. */
    public ServerConfig(String host, int httpPort, int httpsPort, boolean httpsOnly, Tls.Keystore keystore, java.nio.file.Path researchDir,
                        RateLimits.Config rateLimits, Timeouts timeouts) {
        this(host, httpPort, httpsPort, httpsOnly, keystore, researchDir, rateLimits, timeouts, null);
    }

    /** This configuration with /metrics served only on an admin port of its own (0 picks one), or with none if null. */
    public ServerConfig withMetricsPort(Integer port) {
        return new ServerConfig(host, httpPort, httpsPort, httpsOnly, keystore, researchDir, rateLimits, timeouts, port);
    }

    public ServerConfig {
        // researchDir: the latest research report (research compare's output), served at /research-report/; null for none.
        if (host == null || host.isBlank()) throw new IllegalArgumentException("host is required");
        checkPort("port", httpPort);
        checkPort("https-port", httpsPort);
        if (keystore == null) throw new IllegalArgumentException("a keystore is required for HTTPS");
        if (rateLimits == null) rateLimits = RateLimits.Config.DEFAULT;
        if (timeouts == null) timeouts = Timeouts.DEFAULT;
        if (httpPort != 0 && httpPort == httpsPort) throw new IllegalArgumentException("port and https-port must differ");
        // metricsPort: null for none (then /metrics is on the public ports, for local clients only).
        if (metricsPort != null) {
            checkPort("metrics-port", metricsPort);
            if (metricsPort != 0 && (metricsPort == httpPort || metricsPort == httpsPort))
                throw new IllegalArgumentException("metrics-port must differ from port and https-port");
        }
    }

    private static void checkPort(String name, int port) {
        if (port < 0 || port > 65535) throw new IllegalArgumentException(name + " must be between 0 and 65535 (was " + port + ")");
    }
}
