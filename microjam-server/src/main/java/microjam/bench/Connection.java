// One keep-alive HTTP/1.1 connection of a load run. A client of its own, because the JDK's HttpClient
// spends more CPU per request than the server does on a cached feed page, and on one machine the load
// generator's CPU is taken from the server it measures. It understands what MicroJam answers:
// Content-Length or chunked bodies, and Connection: close.
package microjam.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

final class Connection implements AutoCloseable {
    record Response(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final URI base;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    Connection(URI base) {
        this.base = base;
    }

    Response get(String path) throws IOException {
        return exchange("GET", path, null, null);
    }

    Response post(String path, String token, String json) throws IOException {
        return exchange("POST", path, token, json.getBytes(StandardCharsets.UTF_8));
    }

    private Response exchange(String method, String path, String token, byte[] body) throws IOException {
        if (socket == null) open();
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
                .append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
        if (token != null) head.append("Authorization: Bearer ").append(token).append("\r\n");
        if (body != null) head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) out.write(body);
        out.flush();
        try {
            return read();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private Response read() throws IOException {
        String status = line();
        if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) throw new IOException("not an HTTP/1.1 answer: " + status);
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false, closing = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String h = header.toLowerCase(Locale.ROOT);
            if (h.startsWith("content-length:")) length = Long.parseLong(h.substring(15).strip());
            else if (h.startsWith("transfer-encoding:") && h.contains("chunked")) chunked = true;
            else if (h.startsWith("connection:") && h.contains("close")) closing = true;
        }
        byte[] body;
        if (chunked) body = chunks();
        else if (length >= 0) body = in.readNBytes((int) length);
        else body = in.readAllBytes();
        if (closing || (!chunked && length < 0)) close();
        return new Response(code, body);
    }

    private byte[] chunks() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line();
            int semicolon = size.indexOf(';');
            int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
            if (n == 0) {
                while (!line().isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(n));
            line();
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) throw new IOException("the server closed the connection");
            if (b != '\r') line.append((char) b);
        }
        return line.toString();
    }

    private void open() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
        socket.setSoTimeout(60_000);
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
    }

    @Override
    public void close() {
        try {
            if (socket != null) socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        socket = null;
    }
}
