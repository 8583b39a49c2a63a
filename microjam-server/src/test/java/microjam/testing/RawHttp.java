// One HTTP/1.1 request over a plain socket, from a chosen loopback source address (all of 127.0.0.0/8
// is this machine), so a test can act as a second client at another address, or send what
// java.net.http refuses to. Answers the status and the whole response text.
package microjam.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

public final class RawHttp {
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

    public static Reply send(String sourceAddress, int port, String method, String path, String headers, String body) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + headers
                + (body == null ? "" : "Content-Length: " + content.length + "\r\n") + "\r\n";
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(sourceAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(content);
            socket.getOutputStream().flush();
            String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int space = text.indexOf(' ');
            return new Reply(Integer.parseInt(text.substring(space + 1, space + 4)), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
