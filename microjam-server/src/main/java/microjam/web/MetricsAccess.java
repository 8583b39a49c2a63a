// Who may read /metrics: not the public, since it tells anyone who asks how loaded the server is, which
// routes are used and how much memory it has. By default, the public ports answer it only to a client on
// this machine: a loopback address, not forwarded by a proxy (a reverse proxy on this machine would make
// every client look local, so a request carrying a forwarding header is not). With an admin port
// (--metrics-port), it is answered there, and the public ports answer 404 to everyone.
package microjam.web;

import io.javalin.http.Context;

import java.net.InetAddress;
import java.util.List;

record MetricsAccess(boolean onAdminPort) {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    /** Headers a proxy adds with the client it forwards for. */
    static final List<String> FORWARDING_HEADERS = List.of("Forwarded", "X-Forwarded-For", "X-Real-IP", "X-Forwarded-Proto", "X-Forwarded-Host");

    static MetricsAccess of(ServerConfig config) {
        return new MetricsAccess(config.metricsPort() != null);
    }

    /** Whether the public ports answer /metrics to this client. */
    boolean publicPortsServe(InetAddress client, boolean forwarded) {
        return !onAdminPort && client.isLoopbackAddress() && !forwarded;
    }

    /** GET /metrics on the public ports: the metrics, or the same 404 as a path that is not there. */
    void serve(Context ctx, Metrics metrics) {
        boolean forwarded = FORWARDING_HEADERS.stream().anyMatch(h -> ctx.req().getHeader(h) != null);
        if (!publicPortsServe(clientOf(ctx), forwarded)) throw ApiError.noSuchRoute();
        ctx.contentType(CONTENT_TYPE).result(metrics.scrape());
    }

    private static InetAddress clientOf(Context ctx) {
        InetAddress client = ClientAddresses.literal(ctx.req().getRemoteAddr()); // parsed, never looked up
        if (client == null) throw ApiError.noSuchRoute(); // e.g. "unknown" behind a proxy that named no address
        return client;
    }
}
