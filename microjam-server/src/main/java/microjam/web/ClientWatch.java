// Notices a client that closes its connection while the server is still working on its request, so that
// the work (RoboJam's) can stop at once instead of running to the end for nobody.
//
// Jetty (12.1, HTTP/1.1) learns that a connection was closed only when it reads or writes, and once a
// request's body is read it does neither until the response: Request.addFailureListener is not called
// and the endpoint stays "open" (both tried with a socket closed mid-request). So the watch asks the
// connection's endpoint to say when it becomes readable, which for a client waiting for its answer means
// it closed (end of stream), reset the connection, or sent more (a pipelined request, a TLS message).
// It then looks without taking anything. Plain TCP: readable with no byte waiting (FIONREAD) is the end
// of stream, if it says so twice in a row: the end of a stream stays readable, so the watch asks again and
// is answered at once, while a readiness that was stale by the time the watch looked (seen once in CI as a
// RoboJam call answered 499 to a client that was still waiting) does not come back. Bytes waiting are the
// client's next request, so it is there and the watch stops, leaving them to Jetty. TLS: Jetty's own
// "fill nothing" decrypts what came into its buffer and answers -1 for a close (close_notify or end of
// stream), else 0: a record that is not the end (Java sends user_canceled before close_notify; a key
// update) or a pipelined request kept for Jetty, which stays readable; the watch looks again a few times,
// then stops (the deadline still holds).
// A client that half-closes (shuts its output but still reads) counts as gone, as in most servers.
//
// The watch must be closed before the response is written: it takes its read interest back, so that
// Jetty can read the next request on a kept-alive connection.
package microjam.web;

import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.AbstractEndPoint;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.util.concurrent.CancellationException;

final class ClientWatch implements AutoCloseable {
    private static final ClientWatch NONE = new ClientWatch(null, null);
    /** Looks at a TLS connection that is readable but not at its end, before the watch gives up: enough for an alert or two before close_notify. */
    private static final int MOST_TLS_LOOKS = 4;
    /** Times in a row a plain connection must be readable with nothing to read before it counts as closed. */
    private static final int EMPTY_LOOKS_FOR_END = 2;
    /** Times the watch asks again after the endpoint failed its interest while the connection stayed open (an idle timeout). */
    private static final int MOST_RETRIES_AFTER_FAILURE = 2;

    private final AbstractEndPoint endPoint;
    private final Runnable onGone;
    private final Callback callback = Callback.from(this::readable, this::failed);
    // Guarded by this: the endpoint and the handler's thread call in concurrently.
    private boolean interested; // the endpoint holds our read interest
    private boolean closed;
    private int tlsLooks;
    private int emptyLooks;
    private int retriesAfterFailure;

    private ClientWatch(AbstractEndPoint endPoint, Runnable onGone) {
        this.endPoint = endPoint;
        this.onGone = onGone;
    }

    /**
     * Watches the connection of this request, whose body has been read; runs onGone (once, on a Jetty
     * thread) if the client closes it. On a connection it cannot watch (not HTTP/1.1 on a socket or TLS),
     * it does nothing.
     */
    static ClientWatch start(Context ctx, Runnable onGone) {
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
        EndPoint endPoint = request == null ? null : request.getConnectionMetaData().getConnection().getEndPoint();
        if (!(endPoint instanceof SocketChannelEndPoint || endPoint instanceof SslConnection.SslEndPoint)) return NONE;
        ClientWatch watch = new ClientWatch((AbstractEndPoint) endPoint, onGone);
        watch.watch();
        return watch;
    }

    private synchronized void watch() {
        interested = true;
        if (!endPoint.tryFillInterested(callback)) interested = false; // Jetty itself is reading: not ours to watch
    }

    private synchronized void readable() {
        interested = false;
        if (closed) return;
        try {
            if (endPoint instanceof SocketChannelEndPoint plain) {
                if (plain.getChannel().socket().getInputStream().available() > 0) return; // the client's next request: it is there
                if (++emptyLooks >= EMPTY_LOOKS_FOR_END) onGone.run();
                else watch();
            } else if (endPoint.fill(BufferUtil.EMPTY_BUFFER) < 0) { // TLS: decrypts into Jetty's buffer, takes nothing
                onGone.run();
            } else if (++tlsLooks < MOST_TLS_LOOKS) {
                watch();
            }
        } catch (IOException reset) {
            onGone.run();
        }
    }

    // The endpoint failed our interest: the connection was closed (or timed out) under us, or close() took the interest back.
    private synchronized void failed(Throwable cause) {
        interested = false;
        if (closed) return;
        if (endPoint.isOpen() && !endPoint.isInputShutdown() && retriesAfterFailure++ < MOST_RETRIES_AFTER_FAILURE) watch();
        else onGone.run();
    }

    /** Takes the read interest back, before the response is written. */
    @Override
    public synchronized void close() {
        closed = true;
        if (interested) endPoint.getFillInterest().onFail(new CancellationException("the response is being written"));
    }
}
