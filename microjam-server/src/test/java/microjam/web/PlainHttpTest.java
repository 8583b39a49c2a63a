// Tokens never cross the network in clear: plain HTTP is answered only for this machine's clients
// (here configured as 127.0.0.1 alone, so that 127.0.0.2 plays a client on another machine); anyone
// else is redirected to HTTPS before the request is handled, so a sign-up over plain HTTP stores
// nothing and returns no token. HTTPS answers carry HSTS. X-Forwarded-Proto and X-Forwarded-For are
// believed from a trusted proxy (127.0.0.3) only.
package microjam.web;

import microjam.testing.Api;
import microjam.testing.DatabaseSnapshot;
import microjam.testing.Engine;
import microjam.testing.RawHttp;
import microjam.testing.TestServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlainHttpTest {
    static final String LOCAL = "127.0.0.1", REMOTE = "127.0.0.2", PROXY = "127.0.0.3";
    static final ServerConfig.Network NETWORK = new ServerConfig.Network("localhost", ClientAddresses.parse(LOCAL + "/32"), ClientAddresses.parse(PROXY));

    @Test
    void aSignUpOverPlainHttpFromAnotherMachineIsRedirectedAndGetsNoToken() throws Exception {
        try (TestServer server = TestServer.withNetwork(Engine.SQLITE, false, NETWORK)) {
            int http = server.server.httpPort(), https = server.server.httpsPort();
            var before = DatabaseSnapshot.of(server.database);

            String answer = RawHttp.exchange(REMOTE, http, RawHttp.post("/api/performers", "jam.local:" + http, "", signUp("overheard")));
            assertThat(RawHttp.status(answer)).isEqualTo(308);
            assertThat(RawHttp.header(answer, "Location")).isEqualTo("https://localhost:" + https + "/api/performers");
            assertThat(RawHttp.body(answer)).doesNotContain("token");
            assertThat(DatabaseSnapshot.of(server.database)).as("nothing stored").isEqualTo(before);
            for (String page : new String[]{"/api/performances?limit=5", "/", "/index.html"})
                assertThat(RawHttp.status(RawHttp.exchange(REMOTE, http, RawHttp.get(page, "x", "")))).as("reads and the web app too: " + page).isEqualTo(308);

            Api.Response secure = server.https().post("/api/performers", null, Api.signUp("secured", "#336699"));
            assertThat(secure.status()).as("the same sign-up over HTTPS").isEqualTo(201);
            assertThat(secure.json().get("token").asText()).isNotBlank();
            assertThat(secure.header("Strict-Transport-Security")).contains("max-age=31536000");

            Api.Response local = server.http().post("/api/performers", null, Api.signUp("local", "#336699"));
            assertThat(local.status()).as("plain HTTP from this machine").isEqualTo(201);
            assertThat(local.header("Strict-Transport-Security")).isNull();
            assertThat(server.http().get("/health").status()).isEqualTo(200);
        }
    }

    @Test
    void forwardedHeadersAreBelievedOnlyFromATrustedProxy() throws Exception {
        try (TestServer server = TestServer.withNetwork(Engine.SQLITE, false, NETWORK)) {
            int http = server.server.httpPort();
            var before = DatabaseSnapshot.of(server.database);

            String forged = RawHttp.exchange(REMOTE, http, RawHttp.post("/api/performers", "x",
                    "X-Forwarded-Proto: https\r\nX-Forwarded-For: " + LOCAL + "\r\n", signUp("forger")));
            assertThat(RawHttp.status(forged)).as("X-Forwarded-* from a client that is no trusted proxy").isEqualTo(308);
            assertThat(RawHttp.body(forged)).doesNotContain("token");
            assertThat(DatabaseSnapshot.of(server.database)).as("nothing stored").isEqualTo(before);

            String forwardedPlain = RawHttp.exchange(PROXY, http, RawHttp.post("/api/performers", "x",
                    "X-Forwarded-Proto: http\r\nX-Forwarded-For: " + LOCAL + ", 203.0.113.9\r\n", signUp("behind-proxy")));
            assertThat(RawHttp.status(forwardedPlain)).as("the proxy saw 203.0.113.9 over plain HTTP (the client's own 127.0.0.1 is not believed)")
                    .isEqualTo(308);
            assertThat(DatabaseSnapshot.of(server.database)).as("nothing stored").isEqualTo(before);

            String forwardedSecure = RawHttp.exchange(PROXY, http, RawHttp.post("/api/performers", "x",
                    "X-Forwarded-Proto: https\r\nX-Forwarded-For: 203.0.113.9\r\n", signUp("proxied")));
            assertThat(RawHttp.status(forwardedSecure)).as("the proxy took it over HTTPS").isEqualTo(201);
            assertThat(RawHttp.body(forwardedSecure)).contains("\"token\"");
            assertThat(RawHttp.header(forwardedSecure, "Strict-Transport-Security")).contains("max-age=31536000");

            String forwardedLocal = RawHttp.exchange(PROXY, http, RawHttp.get("/api/performances?limit=5", "x",
                    "X-Forwarded-Proto: http\r\nX-Forwarded-For: " + LOCAL + "\r\n"));
            assertThat(RawHttp.status(forwardedLocal)).as("the proxy's client is 127.0.0.1, which may use plain HTTP").isEqualTo(200);
        }
    }

    private static String signUp(String stageName) throws Exception {
        return Api.JSON.writeValueAsString(Api.signUp(stageName, "#336699"));
    }
}
