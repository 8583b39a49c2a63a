// HTTP/1.1 over a plain socket, for requests java.net.http refuses to send (malformed request lines,
// bad URIs, oversized or contradictory headers): sends the bytes as given and reads the whole answer.
package microjam.testing;

import com.fasterxml.jackson.databind.JsonNode;

import javax.net.ssl.SSLContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

public final class RawHttp {
    private RawHttp() {
    }

    /** An answer: its status, its headers (names in lower case, the first value of each) and its body. */
    public record Response(int status, Map<String, String> headers, byte[] body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return Api.JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text(), e);
            }
        }
    }

    /** Sends request (the whole request, as bytes in ISO-8859-1) on a new connection and reads until the server closes it. */
    public static Response send(int port, String request) {
        return send(null, port, request);
    }

    /** The same over TLS with this context (e.g. Api.trusting(the server's keystore)); plain TCP if tls is null. */
    public static Response send(SSLContext tls, int port, String request) {
        try (Socket socket = tls == null ? new Socket("127.0.0.1", port) : tls.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try {
            for (int n; (n = in.read(chunk)) >= 0; ) out.write(chunk, 0, n);
        } catch (SocketTimeoutException | java.net.SocketException closedAfterAnswering) {
            // a server that answers an error and resets the connection: what arrived is the answer
        }
        return out.toByteArray();
    }

    private static Response parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) throw new AssertionError("no complete HTTP response: " + text);
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.putIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        String length = headers.get("content-length");
        if (length != null) body = java.util.Arrays.copyOf(body, Math.min(body.length, Integer.parseInt(length)));
        return new Response(status, headers, body);
    }
}
