// How the server runs: ports (0 picks a free one), bind address, HTTPS keystore and https-only mode,
// rate limits, how long and how many connections a client may hold, who may use plain HTTP, and where
// /metrics is served.
package microjam.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;

public record ServerConfig(String host, int httpPort, int httpsPort, boolean httpsOnly, Tls.Keystore keystore, Path researchDir,
                           RateLimits.Config rateLimits, Timeouts timeouts, Network network, Integer metricsPort, PolicyFacts policyFacts) {
    /**
     * idle: a connection that sends nothing for this long is closed; body: a request body must have
     * arrived this long after the request began (a client trickling bytes is cut off at 408);
     * maxConnections: connections held at once, after which new ones wait to be accepted;
     * requestHead: a request's line and headers must have arrived this long after the connection was
     * accepted (its first request) or after their first byte (later ones), else the connection is closed;
     * maxConnectionsPerClient: connections one client address (an IPv6 /64) may hold at once, 0 for no cap;
     * robojam: a RoboJam call not answered this long after its work began is cancelled and answered 503.
     */
    public record Timeouts(Duration idle, Duration body, int maxConnections, Duration requestHead, int maxConnectionsPerClient, Duration robojam) {
        /**
         * A RoboJam call's deadline: a web-app call takes 30–300 ms and a full budget of work drains in
         * 6–12 s (RoboJam.DEFAULT_STEP_BUDGET); past this, the client has most likely given up. Below the
         * idle timeout, so that the deadline, not the connection, ends a call nobody answers.
         */
        public static final Duration ROBOJAM_DEADLINE = Duration.ofSeconds(12);
        public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(20), 10_000, Duration.ofSeconds(10), 100);

        public Timeouts {
            if (idle.isNegative() || idle.isZero() || idle.toSeconds() > 3600) throw new IllegalArgumentException("idle-timeout must be between 1 and 3600 seconds");
            if (body.isNegative() || body.isZero() || body.toSeconds() > 3600) throw new IllegalArgumentException("body-timeout must be between 1 and 3600 seconds");
            if (maxConnections < 16 || maxConnections > 1_000_000) throw new IllegalArgumentException("max-connections must be between 16 and 1000000");
            if (requestHead.isNegative() || requestHead.isZero() || requestHead.toSeconds() > 3600) throw new IllegalArgumentException("request-head-timeout must be between 1 and 3600 seconds");
            if (maxConnectionsPerClient < 0 || maxConnectionsPerClient > maxConnections)
                throw new IllegalArgumentException("max-connections-per-client must be between 0 (no cap) and max-connections (" + maxConnections + ")");
            if (robojam.toMillis() < 1 || robojam.toSeconds() > 600) throw new IllegalArgumentException("the RoboJam deadline must be between 1 ms and 600 seconds");
        }

        /** With the default RoboJam deadline. */
        public Timeouts(Duration idle, Duration body, int maxConnections, Duration requestHead, int maxConnectionsPerClient) {
            this(idle, body, maxConnections, requestHead, maxConnectionsPerClient, ROBOJAM_DEADLINE);
        }

        public Timeouts withRoboJamDeadline(Duration deadline) {
            return new Timeouts(idle, body, maxConnections, requestHead, maxConnectionsPerClient, deadline);
        }
    }

    /**
     * publicHost: the host (and port, if not the HTTPS port) that plain HTTP is redirected to, never a
     * request's Host header; plainHttpClients: the client addresses that may use plain HTTP (every other
     * client is redirected to HTTPS); trustedProxies: the addresses whose X-Forwarded-Proto and
     * X-Forwarded-For are believed (everyone else's are ignored).
     */
    public record Network(String publicHost, ClientAddresses plainHttpClients, ClientAddresses trustedProxies) {
        public static final Network DEFAULT = new Network("localhost", ClientAddresses.LOOPBACK, ClientAddresses.NONE);

        public Network {
            publicAuthority(publicHost);
            if (plainHttpClients == null || trustedProxies == null) throw new IllegalArgumentException("address lists are required (use ClientAddresses.NONE for none)");
        }

        /** Where plain HTTP is redirected: https://public-host[:port] (no port when it is 443), without a path. */
        public String httpsOrigin(int httpsPort) {
            URI authority = publicAuthority(publicHost);
            int port = authority.getPort() >= 0 ? authority.getPort() : httpsPort;
            return "https://" + authority.getHost() + (port == 443 ? "" : ":" + port);
        }

        // A host name or address literal ([…] for IPv6) with an optional port, and nothing else: no
        // user, path, query or fragment that could make the redirect point somewhere else.
        private static URI publicAuthority(String publicHost) {
            String problem = "public-host must be a host name or address, optionally with :port (IPv6 in brackets), not " + publicHost;
            if (publicHost == null || publicHost.isBlank()) throw new IllegalArgumentException(problem);
            try {
                URI uri = new URI("https://" + publicHost + "/");
                if (uri.getHost() == null || uri.getRawUserInfo() != null || !"/".equals(uri.getRawPath())
                        || uri.getRawQuery() != null || uri.getRawFragment() != null || !uri.getRawAuthority().equals(publicHost)
                        || uri.getPort() == 0 || uri.getPort() > 65535)
                    throw new IllegalArgumentException(problem);
                return uri;
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(problem, e);
            }
        }
    }

    public ServerConfig(String host, int httpPort, int httpsPort, boolean httpsOnly, Tls.Keystore keystore) {
        this(host, httpPort, httpsPort, httpsOnly, keystore, null, RateLimits.Config.DEFAULT, Timeouts.DEFAULT, Network.DEFAULT);
    }

    public ServerConfig(String host, int httpPort, int httpsPort, boolean httpsOnly, Tls.Keystore keystore, Path researchDir,
                        RateLimits.Config rateLimits) {
        this(host, httpPort, httpsPort, httpsOnly, keystore, researchDir, rateLimits, Timeouts.DEFAULT, Network.DEFAULT);
    }

    public ServerConfig(String host, int httpPort, int httpsPort, boolean httpsOnly, Tls.Keystore keystore, Path researchDir,
                        RateLimits.Config rateLimits, Timeouts timeouts) {
        this(host, httpPort, httpsPort, httpsOnly, keystore, researchDir, rateLimits, timeouts, Network.DEFAULT);
    }

    /** No admin port: /metrics is answered on the public ports, to local clients only. */
    public ServerConfig(String host, int httpPort, int httpsPort, boolean httpsOnly, Tls.Keystore keystore, Path researchDir,
                        RateLimits.Config rateLimits, Timeouts timeouts, Network network) {
        this(host, httpPort, httpsPort, httpsOnly, keystore, researchDir, rateLimits, timeouts, network, null, PolicyFacts.DEFAULT);
    }

    /** This configuration with /metrics served only on an admin port of its own (0 picks one), or with none if null. */
    public ServerConfig withMetricsPort(Integer port) {
        return new ServerConfig(host, httpPort, httpsPort, httpsOnly, keystore, researchDir, rateLimits, timeouts, network, port, policyFacts);
    }

    /** This configuration with the operator's facts for the privacy policy. */
    public ServerConfig withPolicyFacts(PolicyFacts facts) {
        return new ServerConfig(host, httpPort, httpsPort, httpsOnly, keystore, researchDir, rateLimits, timeouts, network, metricsPort, facts);
    }

    public ServerConfig {
        // researchDir: the latest research report (research compare's output), served at /research-report/; null for none.
        if (host == null || host.isBlank()) throw new IllegalArgumentException("host is required");
        checkPort("port", httpPort);
        checkPort("https-port", httpsPort);
        if (keystore == null) throw new IllegalArgumentException("a keystore is required for HTTPS");
        if (rateLimits == null) rateLimits = RateLimits.Config.DEFAULT;
        if (timeouts == null) timeouts = Timeouts.DEFAULT;
        if (network == null) network = Network.DEFAULT;
        if (policyFacts == null) policyFacts = PolicyFacts.DEFAULT;
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
