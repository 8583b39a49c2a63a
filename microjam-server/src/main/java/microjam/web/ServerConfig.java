// How the server runs: ports (0 picks a free one), bind address, HTTPS keystore and https-only mode,
// rate limits, and how long and how many connections a client may hold.
package microjam.web;

import java.time.Duration;

public record ServerConfig(String host, int httpPort, int httpsPort, boolean httpsOnly, Tls.Keystore keystore, java.nio.file.Path researchDir,
                           RateLimits.Config rateLimits, Timeouts timeouts) {
    /**
     * idle: a connection that sends nothing for this long is closed; body: a request body must have
     * arrived this long after the request began (a client trickling bytes is cut off at 408);
     * maxConnections: connections held at once, after which new ones wait to be accepted;
     * requestHead: a request's line and headers must have arrived this long after the connection was
     * accepted (its first request) or after their first byte (later ones), else the connection is closed;
     * maxConnectionsPerClient: connections one client address (an IPv6 /64) may hold at once, 0 for no cap.
     */
    public record Timeouts(Duration idle, Duration body, int maxConnections, Duration requestHead, int maxConnectionsPerClient) {
        public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(20), 10_000, Duration.ofSeconds(10), 100);

        public Timeouts {
            if (idle.isNegative() || idle.isZero() || idle.toSeconds() > 3600) throw new IllegalArgumentException("idle-timeout must be between 1 and 3600 seconds");
            if (body.isNegative() || body.isZero() || body.toSeconds() > 3600) throw new IllegalArgumentException("body-timeout must be between 1 and 3600 seconds");
            if (maxConnections < 16 || maxConnections > 1_000_000) throw new IllegalArgumentException("max-connections must be between 16 and 1000000");
            if (requestHead.isNegative() || requestHead.isZero() || requestHead.toSeconds() > 3600) throw new IllegalArgumentException("request-head-timeout must be between 1 and 3600 seconds");
            if (maxConnectionsPerClient < 0 || maxConnectionsPerClient > maxConnections)
                throw new IllegalArgumentException("max-connections-per-client must be between 0 (no cap) and max-connections (" + maxConnections + ")");
        }
    }

    public ServerConfig(String host, int httpPort, int httpsPort, boolean httpsOnly, Tls.Keystore keystore) {
        this(host, httpPort, httpsPort, httpsOnly, keystore, null, RateLimits.Config.DEFAULT, Timeouts.DEFAULT);
    }

    public ServerConfig(String host, int httpPort, int httpsPort, boolean httpsOnly, Tls.Keystore keystore, java.nio.file.Path researchDir,
                        RateLimits.Config rateLimits) {
        this(host, httpPort, httpsPort, httpsOnly, keystore, researchDir, rateLimits, Timeouts.DEFAULT);
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
    }

    private static void checkPort(String name, int port) {
        if (port < 0 || port > 65535) throw new IllegalArgumentException(name + " must be between 0 and 65535 (was " + port + ")");
    }
}
