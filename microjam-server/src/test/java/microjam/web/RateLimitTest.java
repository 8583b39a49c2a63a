// Attack: rate limits that anyone can dodge. Limits are per client and kind (sign-ups, changes,
// RoboJam, reads): a bucket belongs to a performer whose token matched, otherwise to the client
// address, so made-up or padded Authorization headers never get fresh buckets. Over the limit: 429
// with Retry-After; one client's limit never touches another's (a second loopback address).
package microjam.web;

import microjam.testing.Api;
import microjam.testing.Engine;
import microjam.testing.RawHttp;
import microjam.testing.TestServer;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitTest {
    static final String CALL = "time,x,y,z,moving\n0.0, 0.5, 0.5, 20, 0\n";

    @Test
    void overTheLimitIs429WithRetryAfterPerClient() {
        try (TestServer server = TestServer.withRateLimits(Engine.SQLITE, new RateLimits.Config(5, 3, 10, 0))) {
            Api api = server.http();
            Api.Performer ada = api.newPerformer();
            for (int i = 0; i < 5; i++) assertThat(api.publish(ada, "keys", Api.sampleCsv(3), null).status()).isEqualTo(201);
            Api.Response refused = api.publish(ada, "keys", Api.sampleCsv(3), null);
            assertThat(refused.status()).isEqualTo(429);
            assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
            assertThat(refused.json().get("error").asText()).contains("at most 5 a minute");
            assertThat(api.get("/api/performances?limit=1").status()).as("reads have their own limit, off here").isEqualTo(200);

            Api.Performer bo = api.newPerformer(); // another performer: their own bucket
            assertThat(api.publish(bo, "keys", Api.sampleCsv(3), null).status()).isEqualTo(201);

            for (int i = 0; i < 3; i++) assertThat(api.post("/api/robojam", null, Map.of("touches", CALL)).status()).isEqualTo(200);
            Api.Response tooMany = api.post("/api/predict", null, Map.of("perf", CALL));
            assertThat(tooMany.status()).isEqualTo(429);
            assertThat(tooMany.header("Retry-After")).isNotNull();
        }
    }

    @Test
    void aLimitedWriteLooksItsPerformerUpOnce() {
        // With limits on, the limiter needs the performer before the route does: one lookup of the token serves both
        // (on PostgreSQL each is a round trip of every upload).
        try (TestServer server = TestServer.withRateLimits(Engine.SQLITE, new RateLimits.Config(100, 0, 0, 0))) {
            Api api = server.http();
            Api.Performer ada = api.newPerformer();
            AtomicInteger tokenLookups = new AtomicInteger();
            server.database.jdbi().setSqlLogger(new SqlLogger() {
                @Override
                public void logBeforeExecution(StatementContext context) {
                    if (context.getRawSql().contains("WHERE token_hash =")) tokenLookups.incrementAndGet();
                }
            });
            assertThat(api.publish(ada, "keys", Api.sampleCsv(3), null).status()).isEqualTo(201);
            assertThat(tokenLookups.get()).as("token lookups for one limited upload").isEqualTo(1);
            assertThat(api.publish(ada, "keys", Api.sampleCsv(3), null).status()).isEqualTo(201);
            assertThat(tokenLookups.get()).as("and one for the next: nothing outlives its request").isEqualTo(2);
        }
    }

    @Test
    void madeUpOrPaddedTokensGetNoBucketOfTheirOwn() {
        try (TestServer server = TestServer.withRateLimits(Engine.SQLITE, new RateLimits.Config(5, 3, 0, 0))) {
            Api api = server.http();
            int answered = 0;
            for (int i = 0; i < 20; i++) { // RoboJam is anonymous: any header at all is ignored
                var r = api.send(api.request("/api/robojam", null).header("Authorization", "Bearer " + UUID.randomUUID())
                        .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"touches\":\"" + CALL.replace("\n", "\\n") + "\"}")));
                if (r.status() == 200) answered++;
            }
            System.out.println("rate limits: RoboJam calls with made-up headers answered 200: " + answered + " of 20 (limit 3)");
            assertThat(answered).isEqualTo(3);

            int unauthorised = 0, limited = 0;
            for (int i = 0; i < 20; i++) { // writes with tokens that match nobody draw from the address's bucket
                var r = api.publish(new Api.Performer(UUID.randomUUID(), "made-up-" + i, "x"), "keys", CALL, null);
                if (r.status() == 401) unauthorised++;
                if (r.status() == 429) limited++;
            }
            assertThat(unauthorised).isEqualTo(5);
            assertThat(limited).isEqualTo(15);

            // A real performer's own bucket is theirs, whatever padding their header carries.
            Api.Performer ada = signUpFrom(server, "127.0.0.2");
            int published = 0;
            for (int i = 0; i < 10; i++) {
                String padded = " ".repeat(i) + ada.token() + " ".repeat(i);
                var r = api.send(api.request("/api/performances", null).header("Authorization", "Bearer " + padded)
                        .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                "{\"instrument\":\"keys\",\"colour\":\"#000000\",\"touches\":\"" + CALL.replace("\n", "\\n") + "\"}")));
                if (r.status() == 201) published++;
            }
            assertThat(published).isEqualTo(5);
        }
    }

    @Test
    void signUpsAndReadsAreLimitedPerAddressAndOtherAddressesAreStillServed() {
        try (TestServer server = TestServer.withRateLimits(Engine.SQLITE, new RateLimits.Config(0, 0, 4, 30))) {
            int port = server.server.httpPort();
            int created = 0;
            for (int i = 0; i < 10; i++) if (signUp(port, "127.0.0.1", "flood" + i).status() == 201) created++;
            System.out.println("rate limits: sign-ups from one address answered 201: " + created + " of 10 (limit 4 an hour)");
            assertThat(created).isEqualTo(4);
            RawHttp.Response refused = signUp(port, "127.0.0.1", "one-more");
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Retry-After")).isNotNull();
            assertThat(refused.text()).contains("at most 4 an hour");
            assertThat(signUp(port, "127.0.0.3", "someone-else").status()).as("another address signs up").isEqualTo(201);

            int read = 0;
            for (int i = 0; i < 40; i++) if (RawHttp.send("127.0.0.1", port, "GET", "/api/performances?limit=1", "", null).status() == 200) read++;
            assertThat(read).isEqualTo(30);
            assertThat(RawHttp.send("127.0.0.4", port, "GET", "/api/performances?limit=1", "", null).status()).isEqualTo(200);
            assertThat(RawHttp.send("127.0.0.1", port, "GET", "/health", "", null).status()).as("health checks are never limited").isEqualTo(200);
        }
    }

    @Test
    void ipv6ClientsAreGroupedByTheirSlash64() {
        assertThat(ClientAddress.group("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).isEqualTo(ClientAddress.group("2001:db8:1:2::1"));
        assertThat(ClientAddress.group("2001:db8:1:3::1")).isNotEqualTo(ClientAddress.group("2001:db8:1:2::1"));
        assertThat(ClientAddress.group("[::1]")).isEqualTo(ClientAddress.group("0:0:0:0:0:0:0:1"));
        assertThat(ClientAddress.group("192.0.2.7")).isEqualTo("192.0.2.7").isNotEqualTo(ClientAddress.group("192.0.2.8"));
    }

    private static RawHttp.Response signUp(int port, String from, String name) {
        return RawHttp.send(from, port, "POST", "/api/performers", "Content-Type: application/json\r\n",
                "{\"stageName\":\"" + name + System.nanoTime() % 100000 + "\",\"colour\":\"#336699\",\"age13OrOver\":true,\"acceptedPolicy\":\"" + Api.POLICY + "\"}");
    }

    private static Api.Performer signUpFrom(TestServer server, String from) {
        RawHttp.Response r = signUp(server.server.httpPort(), from, "padded");
        assertThat(r.status()).isEqualTo(201);
        var body = r.json();
        return new Api.Performer(UUID.fromString(body.get("id").asText()), body.get("token").asText(), body.get("stageName").asText());
    }
}
