// The edges of HTTP, as an attacker uses them: method override headers and made-up methods (which must
// neither act, nor forge access-log fields, nor grow /metrics), malformed requests that Jetty answers
// itself (JSON and the security headers all the same), dotfiles in the static directories, fractions
// where whole numbers belong, numbers and booleans where text belongs, media types that only look like JSON, and who may read /metrics.
// Each attack leaves the server serving others and the database as it was.
package microjam.web;

import microjam.testing.Api;
import microjam.testing.DatabaseSnapshot;
import microjam.testing.Engine;
import microjam.testing.RawHttp;
import microjam.testing.ServerProcess;
import microjam.testing.ServerTest;
import microjam.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

@ParameterizedClass
@EnumSource(Engine.class)
class HttpEdgesTest extends ServerTest {
    private static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH");
    private static final List<String> OVERRIDE_HEADERS = List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override");

    private static final Map<Engine, TestServer> OWN_SERVERS = new java.util.EnumMap<>(Engine.class);

    /**
     * A server per engine of this class's own, configured as a public deployment would be: HTTPS only, a
     * research directory (as `serve` has) and an admin port for /metrics.
     */
    private TestServer ownServer() {
        synchronized (OWN_SERVERS) {
            return OWN_SERVERS.computeIfAbsent(engine, e -> TestServer.configured(e, (config, dataDir) -> new ServerConfig(config.host(),
                    config.httpPort(), config.httpsPort(), true, config.keystore(), dataDir.resolve("research"), config.rateLimits(),
                    config.timeouts()).withMetricsPort(0)));
        }
    }

    @AfterAll
    static void closeOwnServers() {
        OWN_SERVERS.values().forEach(TestServer::close);
    }

    private void othersAreStillServed() {
        assertThat(api.get("/health").status()).isEqualTo(200);
        assertThat(api.get("/api/performances?limit=3").status()).isEqualTo(200);
    }

    @Test
    void aMethodOverrideNeverActsAndIsRefused() {
        Api.Performer ada = api.newPerformer();
        var before = DatabaseSnapshot.of(server.database);
        for (String header : OVERRIDE_HEADERS) {
            for (String method : List.of("GET", "POST")) {
                Api.Response r = api.send(api.request("/api/me", ada.token()).header(header, "DELETE")
                        .method(method, HttpRequest.BodyPublishers.noBody()));
                assertThat(r.status()).as("%s %s", method, header).isEqualTo(400);
                assertThat(r.json().get("field").asText()).isEqualTo(header);
            }
        }
        Api.Response query = api.send(api.request("/api/me?_method=DELETE", ada.token()).GET());
        assertThat(query.status()).isEqualTo(400);
        assertThat(query.json().get("field").asText()).isEqualTo("_method");
        assertThat(api.get("/api/me", ada.token()).status()).as("the account is still there").isEqualTo(200);
        assertThat(DatabaseSnapshot.of(server.database)).isEqualTo(before);
        othersAreStillServed();
    }

    @Test
    void madeUpMethodsAndOverridesNeitherGrowTheMetricsNorForgeLogFields() throws Exception {
        Path dir = Files.createTempDirectory("microjam-edges");
        Random random = new Random(2026);
        List<String> madeUp = new java.util.ArrayList<>();
        long metricsBefore, metricsAfter;
        int metricsPort = ServerProcess.freePort();
        try (ServerProcess process = ServerProcess.start(dir, "--database", engine.freshUrl(dir), "--rate-limit-writes", "0",
                "--metrics-port", String.valueOf(metricsPort))) {
            Api remote = Api.plain(process.base()), admin = Api.plain("http://127.0.0.1:" + metricsPort);
            assertThat(remote.get("/metrics").status()).as("the public port, with an admin port").isEqualTo(404);
            metricsBefore = admin.get("/metrics").body().length;
            for (int i = 0; i < 500; i++) {
                String method = "M" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36).toUpperCase(java.util.Locale.ROOT);
                madeUp.add(method);
                remote.send(remote.request("/health", null).method(method, HttpRequest.BodyPublishers.noBody()));
                remote.send(remote.request("/health", null).header("X-HTTP-Method-Override", method + " route=/forged status=200"));
            }
            String metrics = admin.get("/metrics").text();
            metricsAfter = metrics.length();
            System.out.printf("/metrics: %,d bytes before, %,d bytes after 1,000 requests with made-up methods and overrides%n", metricsBefore, metricsAfter);
            Set<String> labels = new TreeSet<>();
            for (Matcher m = Pattern.compile("method=\"([^\"]*)\"").matcher(metrics); m.find(); ) labels.add(m.group(1));
            assertThat(labels).allMatch(l -> KNOWN_METHODS.contains(l) || l.equals("other"));
            assertThat(metricsAfter - metricsBefore).as("growth of /metrics").isLessThan(128 * 1024);
            assertThat(remote.get("/health").status()).isEqualTo(200);
        }
        String log = Files.readString(dir.resolve("server.log"));
        List<String> access = log.lines().filter(l -> l.contains(" microjam.access - ")).toList();
        assertThat(access).hasSizeGreaterThanOrEqualTo(1000);
        for (String line : access) {
            assertThat(line).as("one logfmt line").matches("^\\S+ INFO microjam\\.access - event=request method=(GET|HEAD|POST|PUT|DELETE|OPTIONS|PATCH|other) route=\\S+ status=\\d{3} ms=[\\d.]+$");
        }
        assertThat(log).doesNotContain("route=/forged");
        for (String method : madeUp) assertThat(log).as("a made-up method in the log").doesNotContain(method);
    }

    /** The requests Jetty refuses before any route sees them, and the status it answers each with. */
    private static final Map<String, Integer> MALFORMED = new LinkedHashMap<>();

    static {
        String end = "Host: x\r\nConnection: close\r\n\r\n";
        MALFORMED.put("GET /% HTTP/1.1\r\n" + end, 400);
        MALFORMED.put("GET /%2e%2e/microjam.db HTTP/1.1\r\n" + end, 400);
        MALFORMED.put("PUT /%zz HTTP/1.1\r\nContent-Length: 0\r\n" + end, 400);
        MALFORMED.put("DELETE /api/me/%00 HTTP/1.1\r\n" + end, 400);
        MALFORMED.put("GET / HTTP/1.1\r\nX-Big: " + "a".repeat(20_000) + "\r\n" + end, 431);
        MALFORMED.put("GET /" + "a".repeat(10_000) + " HTTP/1.1\r\n" + end, 414);
        MALFORMED.put("GET / HTTP/9.9\r\n" + end, 505);
        MALFORMED.put("GET / HTTP/1.1\r\nConnection: close\r\n\r\n", 400);
        MALFORMED.put("POST /api/performers HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n" + end, 400);
        MALFORMED.put("GET / HTTP/1.1\r\nBad Header: y\r\n" + end, 400);
        MALFORMED.put("GARBAGE\r\n\r\n", 400);
    }

    @Test
    void jettysOwnErrorsAreJsonWithTheSameSecurityHeadersAsTheApisErrors() {
        var before = DatabaseSnapshot.of(server.database);
        Api.Response apiError = api.get("/api/no-such-route");
        assertThat(apiError.status()).isEqualTo(404);
        Map<String, String> securityHeaders = new LinkedHashMap<>();
        for (String name : List.of("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy",
                "X-Frame-Options", "Cross-Origin-Opener-Policy")) {
            assertThat(apiError.header(name)).as(name).isNotBlank();
            securityHeaders.put(name, apiError.header(name));
        }
        MALFORMED.forEach((request, status) -> {
            String what = request.lines().findFirst().orElseThrow();
            RawHttp.Response r = RawHttp.send(server.server.httpPort(), request);
            assertThat(r.status()).as(what).isEqualTo(status);
            assertThat(r.header("Content-Type")).as(what).startsWith("application/json");
            assertThat(r.json().get("error").asText()).as(what).isNotBlank();
            assertThat(r.text()).as(what).doesNotContain("aaaaaaaaaa").doesNotContain("<");
            securityHeaders.forEach((name, value) -> assertThat(r.header(name)).as("%s: %s", what, name).isEqualTo(value));
        });
        assertThat(DatabaseSnapshot.of(server.database)).isEqualTo(before);
        othersAreStillServed();
    }

    @Test
    void inHttpsOnlyModeJettysOwnErrorsCarryHstsOverTls() {
        TestServer own = ownServer();
        String request = MALFORMED.keySet().iterator().next();
        RawHttp.Response secure = RawHttp.send(Api.trusting(microjam.web.Tls.selfSigned(own.dataDir)), own.server.httpsPort(), request);
        assertThat(secure.status()).isEqualTo(400);
        assertThat(secure.header("Content-Type")).startsWith("application/json");
        assertThat(secure.header("Strict-Transport-Security")).startsWith("max-age=");
        assertThat(secure.header("Content-Security-Policy")).isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
        RawHttp.Response plain = RawHttp.send(own.server.httpPort(), request);
        assertThat(plain.status()).isEqualTo(400);
        assertThat(plain.header("Strict-Transport-Security")).as("HSTS only over TLS").isNull();
        assertThat(own.https().get("/health").status()).isEqualTo(200);
    }

    @Test
    void dotfilesAreNeverServed() throws Exception {
        TestServer own = ownServer();
        Path research = own.dataDir.resolve("research");
        // A report as `research compare` publishes it (an empty one), with dotfiles beside it.
        new microjam.research.PublishedReport(research, own.database).publish(List.of(), dir -> {
            try {
                Files.writeString(dir.resolve("index.html"), "<p>report</p>");
                Files.writeString(dir.resolve(".secret"), "the secret");
                Files.createDirectories(dir.resolve(".git"));
                Files.writeString(dir.resolve(".git").resolve("config"), "the secret");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Api http = own.https();
        assertThat(http.get("/research-report/index.html").status()).as("the report itself").isEqualTo(200);
        for (String path : List.of("/research-report/.secret", "/research-report/.git/config", "/research-report/%2esecret",
                "/research-report/%2Egit/config", "/research-report/x/../.secret", "/research-report/.secret;x=y",
                "/research-report/.git/")) {
            for (String method : List.of("GET", "HEAD")) {
                Api.Response r = http.send(http.request(path, null).method(method, HttpRequest.BodyPublishers.noBody()));
                assertThat(r.status()).as("%s %s", method, path).isEqualTo(404);
                assertThat(r.text()).as(path).doesNotContain("the secret");
                if (method.equals("GET")) assertThat(r.json().get("error").asText()).as("as if it were not there: %s", path).isEqualTo(ApiError.NO_SUCH_ROUTE);
            }
        }
        assertThat(http.get("/health").status()).isEqualTo(200);
    }

    @Test
    void numbersAndBooleansAreRefusedWhereTextBelongs() {
        var before = DatabaseSnapshot.of(server.database);
        for (Object notText : List.of(123, 1.5, true)) {
            Api.Response r = api.post("/api/performers", null, Api.signUp("Ada", "#336699", "stageName", notText));
            assertThat(r.status()).as("stageName: %s", notText).isEqualTo(400);
            assertThat(r.json().get("field").asText()).as("stageName: %s", notText).isEqualTo("stageName");
            Api.Response colour = api.post("/api/performers", null, Api.signUp("Ada", "#336699", "colour", notText));
            assertThat(colour.status()).as("colour: %s", notText).isEqualTo(400);
            assertThat(colour.json().get("field").asText()).isEqualTo("colour");
        }
        assertThat(DatabaseSnapshot.of(server.database)).as("nothing stored").isEqualTo(before);
    }

    @Test
    void fractionsAreRefusedWhereWholeNumbersBelong() {
        String call = Api.sampleCsv(5);
        assertThat(api.post("/api/robojam", null, Map.of("touches", call, "candidates", 2, "seed", 7)).status()).isEqualTo(200);
        Api.Performer ada = api.newPerformer();
        java.util.UUID parent = api.publishOk(ada, "keys", call, null);
        var before = DatabaseSnapshot.of(server.database);
        for (String field : List.of("candidates", "seed")) {
            for (String number : List.of("1.5", "2.0", "1e2", "-0.5", "123456789012345678901234567890")) {
                String body = "{\"touches\": " + Api.JSON.valueToTree(call) + ", \"" + field + "\": " + number + "}";
                Api.Response r = api.post("/api/robojam", null, body);
                assertThat(r.status()).as("%s: %s", field, number).isEqualTo(400);
                assertThat(r.json().get("field").asText()).as("%s: %s", field, number).isEqualTo(field);
                String keep = "{\"touches\": " + Api.JSON.valueToTree(call) + ", \"replyTo\": \"" + parent + "\", \"instrument\": \"keys\", \""
                        + field + "\": " + number + "}";
                Api.Response kept = api.post("/api/robojam/keep", ada.token(), keep);
                assertThat(kept.status()).as("keep %s: %s", field, number).isEqualTo(400);
                assertThat(kept.json().get("field").asText()).isEqualTo(field);
            }
        }
        assertThat(DatabaseSnapshot.of(server.database)).isEqualTo(before);
        othersAreStillServed();
    }

    @Test
    void onlyJsonItselfIsJsonAndABadCharsetIsA415() {
        Api.Performer ada = api.newPerformer();
        var before = DatabaseSnapshot.of(server.database);
        String signUp = Api.JSON.valueToTree(Api.signUp("m" + System.nanoTime() % 100000, "#123456")).toString();
        for (String type : List.of("application/jsonx", "application/json-patch+json", "application/json5", "application/json; charset=latin1",
                "application/json; charset=x", "application/json; charset=utf-16", "application/json;foo=bar", "text/json", "application/ json",
                "application/json; charset=\"utf-8", "application/json; charset=utf-8; charset=latin1")) {
            Api.Response r = api.send(api.request("/api/performers", null).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString(signUp)));
            assertThat(r.status()).as(type).isEqualTo(415);
            assertThat(r.json().get("field").asText()).as(type).isEqualTo("Content-Type");
        }
        byte[] png = AccountApiTest.pngOf();
        for (String type : List.of("image/png; charset=x", "image/png; charset=\u00e9", "image/jpeg; charset=utf-99")) {
            Api.Response r = api.putBytes("/api/me/avatar", ada.token(), type, png);
            assertThat(r.status()).as(type).isEqualTo(415);
            assertThat(r.json().get("error").asText()).as(type).isNotBlank();
        }
        Api.Response get = api.send(api.request("/api/performances?limit=1", null).header("Content-Type", "text/plain; charset=bogus").GET());
        assertThat(get.status()).as("a bad charset anywhere").isEqualTo(415);
        assertThat(DatabaseSnapshot.of(server.database)).isEqualTo(before);
        for (String type : List.of("application/json", "application/json; charset=utf-8", "Application/JSON;Charset=\"UTF-8\"")) {
            String body = Api.JSON.valueToTree(Api.signUp("n" + System.nanoTime() % 100000, "#123456")).toString();
            Api.Response ok = api.send(api.request("/api/performers", null).header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)));
            assertThat(ok.status()).as(type).isEqualTo(201);
        }
        othersAreStillServed();
    }

    @Test
    void withAnAdminPortMetricsAreServedThereOnly() {
        TestServer own = ownServer();
        Api publicPort = own.https(), adminPort = Api.plain("http://127.0.0.1:" + own.server.metricsPort());
        assertThat(publicPort.get("/health").status()).isEqualTo(200);
        assertThat(own.http().get("/metrics").status()).as("plain HTTP, redirected as every request").isEqualTo(308);
        Api.Response refused = publicPort.get("/metrics");
        assertThat(refused.status()).as("a local client on a public port").isEqualTo(404);
        assertThat(refused.json().get("error").asText()).isEqualTo(publicPort.get("/no-such-page").json().get("error").asText());
        Api.Response metrics = adminPort.get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.header("Content-Type")).startsWith("text/plain; version=0.0.4");
        assertThat(metrics.text()).contains("microjam_requests_seconds_count{method=\"GET\",route=\"/health\",status=\"2xx\"}")
                .contains("jvm_memory_used_bytes");
        for (String path : List.of("/health", "/api/performances", "/", "/metrics/x")) {
            Api.Response other = adminPort.get(path);
            assertThat(other.status()).as("only /metrics on the admin port: %s", path).isEqualTo(404);
            assertThat(other.json().get("error").asText()).isNotBlank();
        }
        Api.Response post = adminPort.send(adminPort.request("/metrics", null).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.header("Content-Type")).startsWith("application/json");
        RawHttp.Response malformed = RawHttp.send(own.server.metricsPort(), "GET /% HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("error").asText()).isNotBlank();
    }

    @Test
    void metricsAreNotForClientsBehindAProxy() {
        for (String header : List.of("X-Forwarded-For", "Forwarded")) {
            Api.Response r = api.send(api.request("/metrics", null).header(header, header.equals("Forwarded") ? "for=203.0.113.9" : "203.0.113.9").GET());
            assertThat(r.status()).as(header).isEqualTo(404);
            assertThat(r.text()).doesNotContain("jvm_memory");
        }
        assertThat(api.get("/metrics").status()).as("a local client").isEqualTo(200);
        othersAreStillServed();
    }
}
