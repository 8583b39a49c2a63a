// HTTPS with the self-signed certificate made on first start, TLS 1.2+ only (1.2 with forward-secret
// AEAD suites only), HSTS on every HTTPS answer, and https-only mode, whose redirect goes to the
// configured public host whatever Host header a request carries.
package microjam.web;

import microjam.testing.Api;
import microjam.testing.Engine;
import microjam.testing.RawHttp;
import microjam.testing.TestServer;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.X509Certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpsTest {
    @Test
    void answersOverHttpsWithTheGeneratedCertificate() throws Exception {
        TestServer server = TestServer.shared(Engine.SQLITE);
        Api https = server.https();
        Api.Response health = https.get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("ok");
        Api.Performer ada = https.newPerformer();
        assertThat(https.publish(ada, "keys", Api.sampleCsv(5), null).status()).isEqualTo(201);

        KeyStore store = KeyStore.getInstance("PKCS12");
        Tls.Keystore keystore = Tls.selfSigned(server.dataDir);
        try (var in = Files.newInputStream(keystore.file())) {
            store.load(in, keystore.password().toCharArray());
        }
        X509Certificate certificate = (X509Certificate) store.getCertificate("microjam");
        assertThat(certificate.getSubjectX500Principal().getName()).contains("CN=localhost");
        assertThat(certificate.getSubjectAlternativeNames()).anyMatch(san -> san.get(1).equals("127.0.0.1"));
    }

    @Test
    void theCertificateIsMadeOnceAndReused() throws IOException {
        java.nio.file.Path dir = Files.createTempDirectory("microjam-tls");
        Tls.Keystore first = Tls.selfSigned(dir);
        byte[] bytes = Files.readAllBytes(first.file());
        Tls.Keystore again = Tls.selfSigned(dir);
        assertThat(Files.readAllBytes(again.file())).isEqualTo(bytes);
        assertThat(again.password()).isEqualTo(first.password());
        assertThat(again.toString()).doesNotContain(first.password());
    }

    @Test
    void onlyTls12AndNewerAreSpoken() throws Exception {
        TestServer server = TestServer.shared(Engine.SQLITE);
        SSLContext context = Api.trusting(Tls.selfSigned(server.dataDir));
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", server.server.httpsPort())) {
            socket.startHandshake();
            assertThat(socket.getSession().getProtocol()).isIn("TLSv1.2", "TLSv1.3");
        }
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", server.server.httpsPort())) {
            socket.setEnabledProtocols(new String[]{"TLSv1.2"});
            socket.startHandshake();
            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.2");
        }
        SSLContext old = SSLContext.getInstance("TLSv1.1");
        old.init(null, new javax.net.ssl.TrustManager[]{trustAll()}, null);
        assertThatThrownBy(() -> {
            try (SSLSocket socket = (SSLSocket) old.getSocketFactory().createSocket("localhost", server.server.httpsPort())) {
                socket.setEnabledProtocols(new String[]{"TLSv1.1"});
                socket.startHandshake();
            }
        }).isInstanceOf(IOException.class);
    }

    @Test
    void tls12OffersOnlyForwardSecretAeadSuites() throws Exception {
        TestServer server = TestServer.shared(Engine.SQLITE);
        SSLContext context = Api.trusting(Tls.selfSigned(server.dataDir));
        int port = server.server.httpsPort();
        for (String cbc : new String[]{"TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384"})
            assertThatThrownBy(() -> handshake(context, port, "TLSv1.2", cbc)).as(cbc).isInstanceOf(IOException.class);
        for (String aead : new String[]{"TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
                "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"})
            assertThat(handshake(context, port, "TLSv1.2", aead)).isEqualTo(aead);
        assertThat(handshake(context, port, "TLSv1.3", "TLS_AES_128_GCM_SHA256")).isEqualTo("TLS_AES_128_GCM_SHA256");
        assertThat(server.https().get("/health").status()).as("the server still answers").isEqualTo(200);
    }

    private static String handshake(SSLContext context, int port, String protocol, String suite) throws IOException {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", port)) {
            socket.setEnabledProtocols(new String[]{protocol});
            socket.setEnabledCipherSuites(new String[]{suite});
            socket.startHandshake();
            return socket.getSession().getCipherSuite();
        }
    }

    @Test
    void httpsOnlyRedirectsHttpAndSendsHsts() {
        try (TestServer server = TestServer.start(Engine.SQLITE, true)) {
            Api.Response plain = server.http().get("/api/performances?limit=5");
            assertThat(plain.status()).isEqualTo(308);
            assertThat(plain.header("Location")).isEqualTo("https://localhost:" + server.server.httpsPort() + "/api/performances?limit=5");
            assertThat(plain.header("Strict-Transport-Security")).as("HSTS only means something over HTTPS").isNull();
            Api.Response secure = server.https().get("/api/performances?limit=5");
            assertThat(secure.status()).isEqualTo(200);
            assertThat(secure.header("Strict-Transport-Security")).contains("max-age=31536000");
        }
        assertThat(TestServer.shared(Engine.SQLITE).https().get("/health").header("Strict-Transport-Security"))
                .as("HSTS on every HTTPS answer, https-only or not").contains("max-age=31536000");
    }

    @Test
    void theHttpsRedirectGoesToThePublicHostWhateverTheHostHeaderSays() throws Exception {
        try (TestServer server = TestServer.start(Engine.SQLITE, true)) {
            int http = server.server.httpPort(), https = server.server.httpsPort();
            for (String forged : new String[]{"evil.example", "evil.example:443", "[2001:db8::1]", "localhost@evil.example"}) {
                String answer = RawHttp.exchange("127.0.0.1", http, RawHttp.get("/api/performances?limit=5", forged, ""));
                assertThat(RawHttp.status(answer)).as(forged).isIn(308, 400);
                if (RawHttp.status(answer) == 308)
                    assertThat(RawHttp.header(answer, "Location")).as(forged).isEqualTo("https://localhost:" + https + "/api/performances?limit=5");
            }
            String plain = RawHttp.exchange("127.0.0.1", http, RawHttp.get("/health", "evil.example", ""));
            assertThat(RawHttp.header(plain, "Location")).isEqualTo("https://localhost:" + https + "/health");
        }
        ServerConfig.Network site = new ServerConfig.Network("jam.example.org", ClientAddresses.LOOPBACK, ClientAddresses.NONE);
        try (TestServer server = TestServer.withNetwork(Engine.SQLITE, true, site)) {
            String answer = RawHttp.exchange("127.0.0.1", server.server.httpPort(), RawHttp.get("/x?y=1", "evil.example", ""));
            assertThat(RawHttp.header(answer, "Location")).isEqualTo("https://jam.example.org:" + server.server.httpsPort() + "/x?y=1");
        }
        assertThat(new ServerConfig.Network("jam.example.org:443", ClientAddresses.LOOPBACK, ClientAddresses.NONE).httpsOrigin(8443))
                .isEqualTo("https://jam.example.org");
        for (String bad : new String[]{"evil.example/path", "user@jam.example.org", "jam.example.org#x", "2001:db8::1", "", "a b", "jam.example.org:99999"})
            assertThatThrownBy(() -> new ServerConfig.Network(bad, ClientAddresses.LOOPBACK, ClientAddresses.NONE)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
    }

    private static javax.net.ssl.X509TrustManager trustAll() {
        return new javax.net.ssl.X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
    }
}
