// Bad input of every kind gets a clear 4xx, the server stays up, and the database is unchanged.
package microjam.web;

import microjam.testing.Api;
import microjam.testing.DatabaseSnapshot;
import microjam.testing.Engine;
import microjam.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

@ParameterizedClass
@EnumSource(Engine.class)
class HostileInputTest extends ServerTest {
    record Case(String name, Supplier<Api.Response> request) {
    }

    @Test
    void everyBadRequestIsA4xxAndChangesNothing() {
        Api.Performer ada = api.newPerformer();
        String token = ada.token();
        String nested = "[".repeat(5000) + "]".repeat(5000);
        byte[] invalidUtf8 = {'{', '"', 's', 't', 'a', 'g', 'e', 'N', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        List<Case> cases = new ArrayList<>(List.of(
                new Case("10 MB body", () -> api.send(api.request("/api/performances", token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[10 * 1024 * 1024])))),
                new Case("deeply nested JSON", () -> api.post("/api/performances", token, nested)),
                new Case("duplicate keys", () -> api.post("/api/performers", null, "{\"stageName\":\"a\",\"stageName\":\"b\",\"colour\":\"#000000\"}")),
                new Case("invalid UTF-8", () -> api.send(api.request("/api/performers", null).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(invalidUtf8)))),
                new Case("wrong content type", () -> api.send(api.request("/api/performers", null).header("Content-Type", "text/html")
                        .POST(HttpRequest.BodyPublishers.ofString("<b>hi</b>")))),
                new Case("right-to-left override in a stage name", () -> api.post("/api/performers", null, Api.signUp("admin\u202Enimda", "#000000"))),
                new Case("control characters in a stage name", () -> api.put("/api/me", token, java.util.Map.of("stageName", "a\u0000b"))),
                new Case("SQL in a cursor", () -> api.get("/api/performances?before=x'%20OR%20'1'='1")),
                new Case("SQL in an instrument", () -> api.get("/api/performances?instrument=keys';DROP%20TABLE%20performance;--")),
                new Case("path traversal in an id", () -> api.get("/api/performances/..%2F..%2F..%2Fetc%2Fpasswd.csv")),
                new Case("path traversal in a performer id", () -> api.get("/api/performers/..%2Fmicrojam.db/avatar.png")),
                new Case("huge numbers in touches", () -> api.publish(ada, "keys", "time,x,y,z,moving\n1e308, 0.5, 0.5, 0, 0\n", null)),
                new Case("Infinity in touches", () -> api.publish(ada, "keys", "time,x,y,z,moving\n0.1, Infinity, 0.5, 0, 0\n", null)),
                new Case("truncated CSV", () -> api.publish(ada, "keys", "time,x,y,z,moving\n0.1, 0.5", null)),
                new Case("a number where text belongs", () -> api.post("/api/performances", token, "{\"instrument\":7,\"colour\":\"#000000\",\"touches\":\"x\"}")),
                new Case("a non-image avatar", () -> api.putBytes("/api/me/avatar", token, "image/jpeg", "not a jpeg".getBytes(StandardCharsets.UTF_8))),
                new Case("someone else's performance", () -> api.delete("/api/performances/" + java.util.UUID.randomUUID(), token)),
                new Case("no token", () -> api.post("/api/performances", null, "{}"))));
        var before = DatabaseSnapshot.of(server.database);
        for (Case c : cases) {
            Api.Response r = c.request().get();
            assertThat(r.status()).as(c.name()).isBetween(400, 499);
            assertThat(r.json().get("error").asText()).as(c.name()).isNotBlank();
        }
        assertThat(DatabaseSnapshot.of(server.database)).isEqualTo(before);
        assertThat(api.get("/health").status()).isEqualTo(200);
    }

    @Test
    void htmlInUserTextIsStoredAsTextAndServedAsJson() {
        Api.Response r = api.post("/api/performers", null, Api.signUp("<script>x</script>" + System.nanoTime() % 1000, "#000000"));
        assertThat(r.status()).isEqualTo(201);
        Api.Response profile = api.get("/api/performers/" + r.json().get("id").asText());
        assertThat(profile.header("Content-Type")).startsWith("application/json");
        assertThat(profile.json().get("stageName").asText()).startsWith("<script>"); // the web app puts it in textContent
    }
}
