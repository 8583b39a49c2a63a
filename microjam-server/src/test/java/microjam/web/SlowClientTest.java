// Slow clients cannot take the server from anyone else: hundreds of connections trickling their
// headers hold no thread, and everyone else is answered at once; a connection that goes quiet is
// closed after the idle timeout; one that trickles its headers is closed at the request-head deadline
// though it is never idle; one client address holds at most so many connections while another is
// served; a body trickled in a byte at a time is cut off with 408.
package microjam.web;

import microjam.testing.Api;
import microjam.testing.Engine;
import microjam.testing.RawHttp;
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
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SlowClientTest {
    // The head deadline and the cap per client are far off here: these tests hold hundreds of slow connections from one address on purpose.
    static final ServerConfig.Timeouts SHORT = new ServerConfig.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(3), 10_000, Duration.ofSeconds(60), 1_000);
    // Trickling a header line every second never lets a connection go idle (3 s); only the head deadline (2 s) ends it.
    static final ServerConfig.Timeouts HEAD_DEADLINE = new ServerConfig.Timeouts(Duration.ofSeconds(3), Duration.ofSeconds(3), 10_000, Duration.ofSeconds(2), 1_000);
    static final ServerConfig.Timeouts CAPPED = new ServerConfig.Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(20), 10_000, Duration.ofSeconds(60), 20);

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
    void connectionsTricklingTheirHeadersAreClosedAtTheHeadDeadline() throws Exception {
        try (TestServer server = TestServer.withTimeouts(Engine.SQLITE, HEAD_DEADLINE)) {
            Api api = server.http();
            Api.Performer ada = api.newPerformer();
            UUID kept = api.publishOk(ada, "keys", Api.sampleCsv(20), null);
            List<Socket> tricklers = new ArrayList<>();
            byte[] head = "GET /api/performances HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII);
            javax.net.ssl.SSLSocketFactory tls = Api.trusting(Tls.selfSigned(server.dataDir)).getSocketFactory();
            try {
                for (int i = 0; i < 300; i++) {
                    Socket s = switch (Trickler.of(i)) {
                        case TLS -> tls.createSocket("localhost", server.server.httpsPort());
                        case KEPT_ALIVE -> keptAlive(server.server.httpPort());
                        case PLAIN -> new Socket("127.0.0.1", server.server.httpPort());
                    };
                    s.getOutputStream().write(head);
                    tricklers.add(s);
                }
                long start = System.nanoTime();
                long slowest = 0;
                for (int second = 1; second <= 6; second++) {
                    Thread.sleep(Math.max(0, start + second * 1_000_000_000L - System.nanoTime()) / 1_000_000);
                    for (Socket s : tricklers) {
                        try {
                            s.getOutputStream().write(("X-" + second + ": a\r\n").getBytes(StandardCharsets.US_ASCII)); // a line a second: never idle
                        } catch (IOException closedByServer) {
                            // what the deadline is for
                        }
                    }
                    long asked = System.nanoTime();
                    assertThat(api.get("/health").status()).isEqualTo(200);
                    assertThat(api.get("/api/performances/" + kept).status()).isEqualTo(200);
                    slowest = Math.max(slowest, System.nanoTime() - asked);
                }
                List<String> stillOpen = new ArrayList<>(); // which kind, when one is: seen once in CI (1 of 300), not reproduced since
                for (int i = 0; i < tricklers.size(); i++)
                    if (!RawHttp.closedByServer(tricklers.get(i))) stillOpen.add("#" + i + " " + Trickler.of(i));
                assertThat(stillOpen).as("of 300 connections (30 over TLS, 30 kept alive) trickling their headers for 6 s, still open (deadline 2 s)").isEmpty();
                assertThat(Duration.ofNanos(slowest)).as("/health and a performance among the tricklers").isLessThan(Duration.ofSeconds(2));
            } finally {
                for (Socket s : tricklers) s.close();
            }
            assertThat(api.get("/api/performances/" + kept).status()).as("nothing stored is lost").isEqualTo(200);
        }
    }

    /** The kinds of trickling connection, one in ten over TLS and one in ten kept alive. */
    private enum Trickler {
        TLS, // over TLS
        KEPT_ALIVE, // on a connection that has already served a request
        PLAIN;

        static Trickler of(int i) {
            return switch (i % 10) {
                case 0 -> TLS;
                case 1 -> KEPT_ALIVE;
                default -> PLAIN;
            };
        }
    }

    // A connection that has been answered one whole request and is kept alive for the next.
    private static Socket keptAlive(int port) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.setSoTimeout(10_000);
        s.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        StringBuilder answer = new StringBuilder();
        for (int c = s.getInputStream().read(); c != -1 && c != '}'; c = s.getInputStream().read()) answer.append((char) c); // the JSON body ends the answer
        assertThat(answer.toString()).startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("Connection: close");
        return s;
    }

    @Test
    void oneAddressHoldsAtMostItsCapOfConnectionsWhileAnotherIsServed() throws Exception {
        try (TestServer server = TestServer.withTimeouts(Engine.SQLITE, CAPPED)) {
            int port = server.server.httpPort();
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < 60; i++) {
                    Socket s = RawHttp.connect("127.0.0.1", port);
                    s.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII)); // never finished
                    held.add(s);
                }
                long closed = 0;
                for (long deadline = System.nanoTime() + 5_000_000_000L; System.nanoTime() < deadline && closed < 40; Thread.sleep(100))
                    closed = held.stream().filter(RawHttp::closedByServer).count();
                assertThat(closed).as("of 60 connections from 127.0.0.1 with a cap of 20, closed by the server").isEqualTo(40);
                assertThat(held.subList(0, 20)).as("the first 20, within the cap, are kept").noneMatch(RawHttp::closedByServer);

                long asked = System.nanoTime();
                assertThat(health("127.0.0.2", port)).as("a client from another address").isEqualTo(200);
                assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(2));
            } finally {
                for (Socket s : held) s.close();
            }
            int again = health("127.0.0.1", port);
            for (long deadline = System.nanoTime() + 5_000_000_000L; again != 200 && System.nanoTime() < deadline; again = health("127.0.0.1", port))
                Thread.sleep(100);
            assertThat(again).as("the first address, its connections closed").isEqualTo(200);
        }
    }

    // GET /health from this source address: its status, or -1 when the server closed the connection instead.
    private static int health(String source, int port) {
        try {
            String answer = RawHttp.exchange(source, port, RawHttp.get("/health", "x", ""));
            return answer.startsWith("HTTP/1.1 ") ? RawHttp.status(answer) : -1;
        } catch (IOException closed) {
            return -1;
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
