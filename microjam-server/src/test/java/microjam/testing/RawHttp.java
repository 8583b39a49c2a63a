// HTTP/1.1 over a plain socket, for what java.net.http will not do: send malformed request lines, bad URIs,
// oversized, contradictory or forged headers; come from another loopback address (all of 127.0.0.0/8 is
// this machine on Linux, so 127.0.0.2 plays "another client"); or hold a connection half-sent. Loopback only.
package microjam.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;

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

    /** One request from sourceAddress: method, path, extra header lines (each ending in \r\n) and an optional body. */
    public static Response send(String sourceAddress, int port, String method, String path, String headers, String body) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + headers
                + (body == null ? "" : "Content-Length: " + content.length + "\r\n") + "\r\n";
        try (Socket socket = connect(sourceAddress, port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(content);
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
        else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) body = dechunked(body);
        return new Response(status, headers, body);
    }

    private static byte[] dechunked(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String text = new String(chunked, StandardCharsets.ISO_8859_1);
        for (int at = 0; ; ) {
            int line = text.indexOf("\r\n", at);
            if (line < 0) return out.toByteArray();
            int size = Integer.parseInt(text.substring(at, line).strip(), 16);
            if (size == 0) return out.toByteArray();
            out.write(chunked, line + 2, size);
            at = line + 2 + size + 2;
        }
    }

    /** A connection to 127.0.0.1:port whose source address is sourceAddress (e.g. "127.0.0.2"). */
    public static Socket connect(String sourceAddress, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(sourceAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Sends one whole request (it should say Connection: close) and returns everything the server answers. */
    public static String exchange(String sourceAddress, int port, String request) throws IOException {
        try (Socket socket = connect(sourceAddress, port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A request with a JSON body, closing the connection after the answer; extraHeaders are whole lines ending in \r\n. */
    public static String post(String path, String host, String extraHeaders, String json) {
        int length = json.getBytes(StandardCharsets.UTF_8).length;
        return "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + extraHeaders + "Content-Type: application/json\r\nContent-Length: " + length
                + "\r\nConnection: close\r\n\r\n" + json;
    }

    public static String get(String path, String host, String extraHeaders) {
        return "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + extraHeaders + "Connection: close\r\n\r\n";
    }

    /** The status code of a raw answer. */
    public static int status(String answer) {
        return Integer.parseInt(answer.substring("HTTP/1.1 ".length(), "HTTP/1.1 ".length() + 3));
    }

    /** A header of a raw answer, or null. */
    public static String header(String answer, String name) {
        int end = answer.indexOf("\r\n\r\n");
        for (String line : (end < 0 ? answer : answer.substring(0, end)).split("\r\n"))
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) return line.substring(name.length() + 1).strip();
        return null;
    }

    /** The body of a raw answer. */
    public static String body(String answer) {
        int end = answer.indexOf("\r\n\r\n");
        return end < 0 ? "" : answer.substring(end + 4);
    }

    /** Whether the server has closed (or reset) this connection; waits at most a millisecond on one still open. */
    public static boolean closedByServer(Socket socket) {
        try {
            socket.setSoTimeout(1);
            socket.getInputStream().read(); // end of stream, or an answer to a head it never finished: either way the server is done with it
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }
}
