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
     * robojam: a RoboJam call not answered this long after its work began is cancelled and answered 503.
     */
    public record Timeouts(Duration idle, Duration body, int maxConnections, Duration robojam) {
        /**
         * A RoboJam call's deadline: a web-app call takes 10–300 ms and a full budget of work drains in
         * 5–12 s (RoboJam.DEFAULT_STEP_BUDGET); past this, the client has most likely given up. Below the
         * idle timeout, so that the deadline, not the connection, ends a call nobody answers.
         */
        public static final Duration ROBOJAM_DEADLINE = Duration.ofSeconds(12);
        public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(20), 10_000);

        public Timeouts {
            if (idle.isNegative() || idle.isZero() || idle.toSeconds() > 3600) throw new IllegalArgumentException("idle-timeout must be between 1 and 3600 seconds");
            if (body.isNegative() || body.isZero() || body.toSeconds() > 3600) throw new IllegalArgumentException("body-timeout must be between 1 and 3600 seconds");
            if (maxConnections < 16 || maxConnections > 1_000_000) throw new IllegalArgumentException("max-connections must be between 16 and 1000000");
            if (robojam.toMillis() < 1 || robojam.toSeconds() > 600) throw new IllegalArgumentException("the RoboJam deadline must be between 1 ms and 600 seconds");
        }

        /** With the default RoboJam deadline. */
        public Timeouts(Duration idle, Duration body, int maxConnections) {
            this(idle, body, maxConnections, ROBOJAM_DEADLINE);
        }

        public Timeouts withRoboJamDeadline(Duration deadline) {
            return new Timeouts(idle, body, maxConnections, deadline);
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
