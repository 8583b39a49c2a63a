// HTTP/1.1 over a plain socket, for what HttpClient will not do: send a forged Host header, come from
// another loopback address (all of 127.0.0.0/8 is this machine on Linux, so 127.0.0.2 plays "another
// client"), or hold a connection half-sent. Loopback only.
package microjam.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

public final class RawHttp {
    /** A whole answer: its status and text (head and body). */
    public record Reply(int status, String text) {
        /** The body, de-chunked where the server chunked it. */
        public String body() {
            int start = text.indexOf("\r\n\r\n");
            if (start < 0) return "";
            String head = text.substring(0, start).toLowerCase(java.util.Locale.ROOT), rest = text.substring(start + 4);
            if (!head.contains("transfer-encoding: chunked")) return rest;
            StringBuilder body = new StringBuilder();
            for (int at = 0; ; ) {
                int line = rest.indexOf("\r\n", at);
                int size = Integer.parseInt(rest.substring(at, line).strip(), 16);
                if (size == 0) return body.toString();
                body.append(rest, line + 2, line + 2 + size);
                at = line + 2 + size + 2;
            }
        }
    }

    private RawHttp() {
    }

    /** One request from sourceAddress: method, path, extra header lines (each ending in \r\n) and an optional body. */
    public static Reply send(String sourceAddress, int port, String method, String path, String headers, String body) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + headers
                + (body == null ? "" : "Content-Length: " + content.length + "\r\n") + "\r\n";
        try (Socket socket = connect(sourceAddress, port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(content);
            socket.getOutputStream().flush();
            String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Reply(status(text), text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
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
