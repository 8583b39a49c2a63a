// The admin port (--metrics-port): a Jetty server of its own that answers GET /metrics and nothing else,
// to whoever can reach the port (it is for Prometheus: bind or firewall it accordingly). None of the
// app's routes is on it; its errors are the app's JSON errors.
package microjam.web;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

final class MetricsServer implements AutoCloseable {
    /** Where metrics are served, on the admin port and (to local clients) on the public ones. */
    static final String PATH = "/metrics";
    /** Threads for a scrape every few seconds: the acceptor, the selector and a few to answer. */
    private static final int THREADS = 6;

    private final Server server;

    private MetricsServer(Server server) {
        this.server = server;
    }

    static MetricsServer start(String host, int port, Metrics metrics) {
        QueuedThreadPool threads = new QueuedThreadPool(THREADS, 2);
        threads.setName("metrics");
        Server server = new Server(threads);
        HttpConfiguration http = WebServer.harden(new HttpConfiguration());
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setName("metrics");
        server.addConnector(connector);
        server.setErrorHandler(new JsonErrorHandler());
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                if (!PATH.equals(Request.getPathInContext(request))) return false; // the server answers 404
                if (!HttpMethod.GET.is(request.getMethod()) && !HttpMethod.HEAD.is(request.getMethod())) {
                    Response.writeError(request, response, callback, 405);
                    return true;
                }
                SecurityHeaders.forEach(false, response.getHeaders()::put);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, MetricsAccess.CONTENT_TYPE);
                response.write(true, ByteBuffer.wrap(metrics.scrape().getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        });
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw new IllegalStateException("cannot serve metrics on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return new MetricsServer(server);
    }

    int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("stopping the metrics server", e);
        }
    }
}
