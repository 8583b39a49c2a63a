// How the server runs: ports (0 picks a free one), bind address, HTTPS keystore and https-only mode.
package microjam.web;

public record ServerConfig(String host, int httpPort, int httpsPort, boolean httpsOnly, Tls.Keystore keystore, java.nio.file.Path researchDir,
                           RateLimits.Config rateLimits) {
    public ServerConfig(String host, int httpPort, int httpsPort, boolean httpsOnly, Tls.Keystore keystore) {
        this(host, httpPort, httpsPort, httpsOnly, keystore, null, RateLimits.Config.DEFAULT);
    }

    public ServerConfig {
        // researchDir: the latest research report (research compare's output), served at /research-report/; null for none.
        if (host == null || host.isBlank()) throw new IllegalArgumentException("host is required");
        checkPort("port", httpPort);
        checkPort("https-port", httpsPort);
        if (keystore == null) throw new IllegalArgumentException("a keystore is required for HTTPS");
        if (rateLimits == null) rateLimits = RateLimits.Config.DEFAULT;
        if (httpPort != 0 && httpPort == httpsPort) throw new IllegalArgumentException("port and https-port must differ");
    }

    private static void checkPort(String name, int port) {
        if (port < 0 || port > 65535) throw new IllegalArgumentException(name + " must be between 0 and 65535 (was " + port + ")");
    }
}
