// Who may do what: only a performer changes or deletes what is theirs. Every performance is tried
// with every kind of credential (other performers' tokens, none, malformed, unknown, a changed
// letter, a token in the URL instead of the header); each is refused (401 or 403), nothing in the
// database changes, and no answer ever echoes a token. Then each owner deletes their own.
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

@ParameterizedClass
@EnumSource(Engine.class)
class OwnershipTest extends ServerTest {
    record Credential(String name, Function<HttpRequest.Builder, HttpRequest.Builder> apply, String suffix, Api.Performer who) {}

    @Test
    void nobodyButTheOwnerChangesOrDeletesAnything() {
        Api.Performer ada = api.newPerformer(), bo = api.newPerformer(), cy = api.newPerformer();
        UUID bos = api.publishOk(bo, "drums", Api.sampleCsv(20), null);
        UUID adas = api.publishOk(ada, "keys", Api.sampleCsv(20), null);
        UUID adasReplyToBo = api.publishOk(ada, "keys", Api.sampleCsv(20), bos);
        UUID cys = api.publishOk(cy, "wub", Api.sampleCsv(20), adas);
        Map<UUID, Api.Performer> owners = new LinkedHashMap<>(Map.of(bos, bo, adas, ada, adasReplyToBo, ada, cys, cy));
        List<String> tokens = List.of(ada.token(), bo.token(), cy.token());

        String unknown = "A".repeat(43);
        String oneLetterChanged = (ada.token().charAt(0) == 'a' ? "b" : "a") + ada.token().substring(1);
        List<Credential> credentials = List.of(
                new Credential("ada's token", r -> r.header("Authorization", "Bearer " + ada.token()), "", ada),
                new Credential("bo's token", r -> r.header("Authorization", "Bearer " + bo.token()), "", bo),
                new Credential("cy's token", r -> r.header("Authorization", "Bearer " + cy.token()), "", cy),
                new Credential("no token", r -> r, "", null),
                new Credential("a malformed token", r -> r.header("Authorization", "Bearer x' OR '1'='1"), "", null),
                new Credential("an unknown token", r -> r.header("Authorization", "Bearer " + unknown), "", null),
                new Credential("ada's token with a letter changed", r -> r.header("Authorization", "Bearer " + oneLetterChanged), "", null),
                new Credential("ada's token without Bearer", r -> r.header("Authorization", ada.token()), "", null),
                // Another scheme of Bearer's length: only "Bearer" is read, whatever follows a six-letter word.
                new Credential("ada's token under another scheme", r -> r.header("Authorization", "Secret " + ada.token()), "", null),
                new Credential("ada's token as a query parameter", r -> r, "?token=" + ada.token(), null),
                new Credential("ada's token as a cookie", r -> r.header("Cookie", "token=" + ada.token()), "", null));

        List<Api.Response> answers = new ArrayList<>();
        var before = DatabaseSnapshot.of(server.database);
        for (Credential c : credentials) {
            for (var owned : owners.entrySet()) {
                if (owned.getValue().equals(c.who())) continue;
                Api.Response r = api.send(c.apply().apply(api.request("/api/performances/" + owned.getKey() + c.suffix(), null)).DELETE());
                answers.add(r);
                assertThat(r.status()).as("%s deleting %s's performance", c.name(), owned.getValue().stageName())
                        .isEqualTo(c.who() == null ? 401 : 403);
            }
            if (c.who() != null) continue;
            // Writes that act on "me": without a valid token they are refused whatever else is sent.
            answers.add(assertRefused(c, api.request("/api/me" + c.suffix(), null).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"stageName\":\"taken-over\"}"))));
            answers.add(assertRefused(c, api.request("/api/me/avatar" + c.suffix(), null).header("Content-Type", "image/png")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(AccountApiTest.pngOf()))));
            answers.add(assertRefused(c, api.request("/api/me" + c.suffix(), null).DELETE()));
            answers.add(assertRefused(c, api.request("/api/me/export" + c.suffix(), null).GET()));
            answers.add(assertRefused(c, api.request("/api/performances" + c.suffix(), null).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"instrument\":\"keys\",\"colour\":\"#000000\",\"touches\":\"time,x,y,z,moving\\n\"}"))));
        }
        // A profile can only be changed through its own token: there is no way to name another one.
        Api.Response namingBo = api.put("/api/me", ada.token(), Map.of("id", bo.id().toString(), "stageName", "bo-now-ada"));
        assertThat(namingBo.status()).isEqualTo(400);
        answers.add(namingBo);
        for (String method : List.of("PUT", "DELETE")) {
            Api.Response r = api.send(api.request("/api/performers/" + bo.id(), ada.token()).method(method, HttpRequest.BodyPublishers.ofString("{}")));
            assertThat(r.status()).as(method + " /api/performers/{bo}").isIn(404, 405);
            answers.add(r);
        }
        assertThat(DatabaseSnapshot.of(server.database)).as("nothing changed").isEqualTo(before);

        for (Api.Response r : answers) {
            String said = new String(r.body(), StandardCharsets.UTF_8) + r.headers().map();
            for (String token : tokens) assertThat(said).as("an answer echoing a token").doesNotContain(token);
        }
        for (var owned : owners.entrySet())
            assertThat(api.delete("/api/performances/" + owned.getKey(), owned.getValue().token()).status()).as("the owner deletes").isEqualTo(204);
    }

    private Api.Response assertRefused(Credential c, HttpRequest.Builder request) {
        Api.Response r = api.send(c.apply().apply(request));
        assertThat(r.status()).as("%s: %s", c.name(), request.build().uri().getPath()).isEqualTo(401);
        return r;
    }
}
