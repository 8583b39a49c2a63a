// A small HTTP client for API tests: real requests over loopback, JSON in and out.
package microjam.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import microjam.web.Tls;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

public final class Api {
    public static final ObjectMapper JSON = new ObjectMapper();
    public final String base;
    private final HttpClient client;

    public record Response(int status, java.net.http.HttpHeaders headers, byte[] body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text(), e);
            }
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public record Performer(UUID id, String token, String stageName) {
    }

    Api(String base, Tls.Keystore trusted) {
        this.base = base;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER);
        if (trusted != null) builder.sslContext(trusting(trusted));
        this.client = builder.build();
    }

    public static Api plain(String base) {
        return new Api(base, null);
    }

    public static SSLContext trusting(Tls.Keystore keystore) {
        try (InputStream in = Files.newInputStream(keystore.file())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, keystore.password().toCharArray());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Response get(String path) {
        return get(path, null);
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Response delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    public Response post(String path, String token, Object json) {
        return send(request(path, token).header("Content-Type", "application/json").POST(body(json)));
    }

    public Response put(String path, String token, Object json) {
        return send(request(path, token).header("Content-Type", "application/json").PUT(body(json)));
    }

    public Response putBytes(String path, String token, String contentType, byte[] bytes) {
        HttpRequest.Builder r = request(path, token).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (contentType != null) r.header("Content-Type", contentType);
        return send(r);
    }

    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) r.header("Authorization", "Bearer " + token);
        return r;
    }

    private static HttpRequest.BodyPublisher body(Object json) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(json instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(json));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- the common steps of a session ---

    /** A sign-up body: the stage name and colour, with the age confirmation and the accepted policy. */
    public static Map<String, Object> signUp(String stageName, String colour, Object... more) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("stageName", stageName, "colour", colour,
                "age13OrOver", true, "acceptedPolicy", POLICY));
        for (int i = 0; i < more.length; i += 2) body.put((String) more[i], more[i + 1]);
        return body;
    }

    /** The policy's current version, read from the policy itself (resources/privacy/policy.json), not retyped. */
    public static final String POLICY = currentPolicyVersion();

    private static String currentPolicyVersion() {
        try (java.io.InputStream in = Api.class.getResourceAsStream("/privacy/policy.json")) {
            return JSON.readTree(in).get("version").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public Performer newPerformer() {
        String name = "p" + UUID.randomUUID().toString().substring(0, 8);
        Response r = post("/api/performers", null, signUp(name, "#336699"));
        if (r.status() != 201) throw new AssertionError("sign-up failed: " + r.status() + " " + r.text());
        return new Performer(UUID.fromString(r.json().get("id").asText()), r.json().get("token").asText(), name);
    }

    public Response publish(Performer performer, String instrument, String csv, UUID replyTo) {
        ObjectNode body = JSON.createObjectNode().put("instrument", instrument).put("colour", "#ff8800").put("touches", csv);
        if (replyTo != null) body.put("replyTo", replyTo.toString());
        return post("/api/performances", performer.token(), body);
    }

    public UUID publishOk(Performer performer, String instrument, String csv, UUID replyTo) {
        Response r = publish(performer, instrument, csv, replyTo);
        if (r.status() != 201) throw new AssertionError("publish failed: " + r.status() + " " + r.text());
        return UUID.fromString(r.json().get("id").asText());
    }

    public static String sampleCsv(int touches) {
        StringBuilder csv = new StringBuilder("time,x,y,z,moving\n");
        for (int i = 0; i < touches; i++)
            csv.append(String.format(java.util.Locale.ROOT, "%f, %f, %f, %f, %d\n", i * 0.02, (i % 50) / 50.0, 0.5 + 0.4 * Math.sin(i / 5.0), 20.0, i % 10 == 0 ? 0 : 1));
        return csv.toString();
    }
}
