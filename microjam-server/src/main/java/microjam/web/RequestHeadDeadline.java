// A deadline for the request head (request line and headers): the idle timeout restarts with every
// byte, so a client sending a header line every few seconds would hold its connection for ever, and
// thousands of them would hold them all. A connection's first request head must have arrived within
// the deadline from its accept (which also bounds a slow TLS handshake); a later one on the same
// connection within the deadline from its first byte (between requests the idle timeout applies).
// A connection past it is closed. A sweep checks every open connection a few times per deadline.
package microjam.web;

import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

final class RequestHeadDeadline extends AbstractLifeCycle {
    private static final int SWEEPS_PER_DEADLINE = 4;
    private static final Duration LONGEST_SWEEP_INTERVAL = Duration.ofSeconds(1);

    private final Server server;
    private final long deadlineNanos;
    private final long intervalMillis;
    private volatile Scheduler.Task next;

    RequestHeadDeadline(Server server, Duration deadline) {
        this.server = server;
        this.deadlineNanos = deadline.toNanos();
        this.intervalMillis = Math.min(LONGEST_SWEEP_INTERVAL.toMillis(), deadline.toMillis() / SWEEPS_PER_DEADLINE);
    }

    @Override
    protected void doStart() {
        schedule();
    }

    @Override
    protected void doStop() {
        Scheduler.Task task = next;
        if (task != null) task.cancel();
    }

    private void schedule() {
        if (isRunning() || isStarting()) next = server.getScheduler().schedule(this::sweep, intervalMillis, TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        try {
            long nanoNow = System.nanoTime(), millisNow = System.currentTimeMillis();
            for (Connector connector : server.getConnectors())
                if (connector instanceof AbstractConnector c)
                    for (EndPoint endPoint : c.getConnectedEndPoints())
                        if (late(endPoint, nanoNow, millisNow))
                            endPoint.close(new TimeoutException("the request head took longer than " + Duration.ofNanos(deadlineNanos).toSeconds() + " s"));
        } finally {
            schedule();
        }
    }

    private boolean late(EndPoint endPoint, long nanoNow, long millisNow) {
        HttpConnection http = http(endPoint.getConnection());
        if (http == null) return false;
        HttpParser parser = http.getParser();
        HttpParser.State state = parser.getState();
        if (state.ordinal() >= HttpParser.State.CONTENT.ordinal()) return false; // the head is in: the body timeout takes over
        if (http.getMessagesIn() == 0) // its first request: counted from the accept
            return millisNow - endPoint.getCreatedTimeStamp() > TimeUnit.NANOSECONDS.toMillis(deadlineNanos);
        long began = parser.getBeginNanoTime();
        return state != HttpParser.State.START && began != 0 && nanoNow - began > deadlineNanos;
    }

    // The HTTP/1.1 connection on this endpoint, under TLS or not; null for anything else.
    private static HttpConnection http(Connection connection) {
        if (connection instanceof SslConnection tls) return http(tls.getSslEndPoint().getConnection());
        return connection instanceof HttpConnection http ? http : null;
    }
}
