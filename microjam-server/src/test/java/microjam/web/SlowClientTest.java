// Slow clients cannot take the server from anyone else: hundreds of connections trickling their
// headers hold no thread, and everyone else is answered at once; a connection that goes quiet is
// closed after the idle timeout; a body trickled in a byte at a time is cut off with 408.
package microjam.web;

import microjam.testing.Api;
import microjam.testing.Engine;
import microjam.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SlowClientTest {
    static final ServerConfig.Timeouts SHORT = new ServerConfig.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(3), 10_000);

    @Test
    void hundredsOfSlowLorisConnectionsDoNotSlowAnyoneElse() throws Exception {
        try (TestServer server = TestServer.withTimeouts(Engine.SQLITE, SHORT)) {
            Api api = server.http();
            Api.Performer ada = api.newPerformer();
            List<Socket> loris = new ArrayList<>();
            try {
                for (int i = 0; i < 400; i++) {
                    Socket s = new Socket("127.0.0.1", server.server.httpPort());
                    s.getOutputStream().write("GET /api/performances HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
                    loris.add(s);
                }
                long slowest = 0;
                for (int round = 0; round < 10; round++) {
                    int broken = 0;
                    for (int i = 0; i < loris.size(); i++) {
                        try {
                            loris.get(i).getOutputStream().write(("X-" + round + ": a\r\n").getBytes(StandardCharsets.US_ASCII)); // never ends its headers
                        } catch (IOException e) {
                            broken++;
                        }
                    }
                    assertThat(broken).as("slow-loris connections dropped by round %d", round).isZero();
                    long start = System.nanoTime();
                    assertThat(api.get("/api/performances").status()).isEqualTo(200);
                    assertThat(api.publish(ada, "keys", Api.sampleCsv(40), null).status()).isEqualTo(201);
                    slowest = Math.max(slowest, System.nanoTime() - start);
                    Thread.sleep(250);
                }
                assertThat(Duration.ofNanos(slowest)).as("a read and an upload among 400 slow-loris connections").isLessThan(Duration.ofMillis(1500));
            } finally {
                for (Socket s : loris) s.close();
            }
        }
    }

    @Test
    void aConnectionThatGoesQuietIsClosedAfterTheIdleTimeout() throws Exception {
        try (TestServer server = TestServer.withTimeouts(Engine.SQLITE, SHORT);
             Socket s = new Socket("127.0.0.1", server.server.httpPort())) {
            s.getOutputStream().write("GET /api/performances HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            s.setSoTimeout(10_000);
            long start = System.nanoTime();
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1); // until the server closes
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(1500)).isLessThan(Duration.ofSeconds(6));
            assertThat(answer).doesNotContain("200 OK");
        }
    }

    @Test
    void aBodyTrickledInIsCutOffWith408() throws Exception {
        try (TestServer server = TestServer.withTimeouts(Engine.SQLITE, SHORT)) {
            Api.Performer ada = server.http().newPerformer();
            String body = "{\"instrument\":\"keys\",\"colour\":\"#ff8800\",\"touches\":\"" + Api.sampleCsv(40).replace("\n", "\\n") + "\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            try (Socket s = new Socket("127.0.0.1", server.server.httpPort())) {
                s.setSoTimeout(10_000);
                OutputStream out = s.getOutputStream();
                out.write(("POST /api/performances HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAuthorization: Bearer " + ada.token()
                        + "\r\nContent-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                long start = System.nanoTime();
                InputStream in = s.getInputStream();
                int sent = 0;
                try {
                    while (sent < bytes.length && in.available() == 0) {
                        out.write(bytes, sent++, 1); // a byte every 100 ms: never idle, never done in time
                        out.flush();
                        Thread.sleep(100);
                    }
                } catch (IOException closedByServer) {
                    // the server answered and closed while we were still sending
                }
                String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(answer).startsWith("HTTP/1.1 408").contains("the request body took longer than 3 s to arrive");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
                assertThat(sent).isLessThan(bytes.length);
            }
            assertThat(server.http().get("/api/performances?view=all&performer=" + ada.id()).json().get("items")).as("nothing saved").isEmpty();
        }
    }
}
