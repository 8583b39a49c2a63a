// The errors Jetty answers itself, before any route sees the request (a malformed request line or URI,
// headers too large, an unknown HTTP version, contradictory lengths), in the API's own shape: JSON
// {"error"} with the same security headers, for every method, instead of Jetty's HTML page.
package microjam.web;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Map;

final class JsonErrorHandler extends ErrorHandler {
    /**
     * What each status says. Fixed words, never Jetty's message: that can hold a piece of the request
     * (or an exception's text), and an error must not echo what the client sent.
     */
    private static final Map<Integer, String> MESSAGES = Map.of(
            400, "the request is malformed",
            404, ApiError.NO_SUCH_ROUTE,
            408, "the request took too long to arrive",
            413, "the request is too large",
            414, "the request URI is too long",
            431, "the request's headers are too large",
            500, "internal error",
            505, "only HTTP/1.0 and HTTP/1.1 are spoken here");

    JsonErrorHandler() {
    }

    /** Every method gets the body, not only GET, POST and HEAD as in Jetty's default. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        var headers = response.getHeaders();
        // The connection's security, not the request's: a request too broken to parse has no scheme of its own.
        SecurityHeaders.forEach(request.getConnectionMetaData().isSecure(), headers::put); // HSTS on every HTTPS answer, as guard() sends it
        headers.put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(Json.write(Map.of("error", message(code)))), callback);
    }

    static String message(int code) {
        String known = MESSAGES.get(code);
        if (known != null) return known;
        String reason = HttpStatus.getMessage(code); // the standard reason phrase: fixed text too
        return reason == null ? "error " + code : reason.toLowerCase(Locale.ROOT);
    }
}
