// Performers: a stage name and a colour, a secret token shown once and kept only as a hash.
package microjam.web;

import microjam.store.Tokens;
import microjam.testing.Api;
import microjam.testing.Engine;
import microjam.testing.ServerTest;
import microjam.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;

import static microjam.web.PublishingRulesTest.assertField;
import static org.assertj.core.api.Assertions.assertThat;

@ParameterizedClass
@EnumSource(Engine.class)
class PerformerApiTest extends ServerTest {

    @Test
    void signUpAnswersTheTokenOnceAndKeepsOnlyItsHash() {
        String name = "Ada " + System.nanoTime() % 100000;
        Api.Response r = api.post("/api/performers", null, Api.signUp("  " + name + " ", "#AA00FF"));
        assertThat(r.status()).isEqualTo(201);
        String token = r.json().get("token").asText();
        String id = r.json().get("id").asText();
        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(r.json().get("stageName").asText()).isEqualTo(name);

        Map<String, Object> row = server.database.jdbi().withHandle(h ->
                h.createQuery("SELECT * FROM performer WHERE id = :id").bind("id", id).mapToMap().one());
        assertThat(row.values()).noneMatch(v -> String.valueOf(v).contains(token));
        assertThat(row.get("token_hash")).isEqualTo(Tokens.hash(token));

        assertThat(api.get("/api/me", token).json().get("id").asText()).isEqualTo(id);
        assertThat(api.get("/api/performers/" + id).json().get("stageName").asText()).isEqualTo(name);
        assertThat(api.get("/api/performers/" + id).json().has("token")).isFalse();
    }

    @Test
    void nothingIsStoredBeforeAgeAndConsentAndThePolicyVersionIsRecorded() {
        int before = server.database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM performer").mapTo(Integer.class).one());
        assertField(api.post("/api/performers", null, Map.of("stageName", "Young", "colour", "#000000", "acceptedPolicy", Api.POLICY)), 400, "age13OrOver");
        assertField(api.post("/api/performers", null, Api.signUp("Young", "#000000", "age13OrOver", false)), 400, "age13OrOver");
        assertField(api.post("/api/performers", null, Map.of("stageName", "Unsure", "colour", "#000000", "age13OrOver", true)), 400, "acceptedPolicy");
        assertField(api.post("/api/performers", null, Api.signUp("Old", "#000000", "acceptedPolicy", "0.9")), 400, "acceptedPolicy");
        int after = server.database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM performer").mapTo(Integer.class).one());
        assertThat(after).isEqualTo(before);
        Api.Performer ada = api.newPerformer();
        assertThat(api.get("/api/me", ada.token()).json().get("policyVersion").asText()).isEqualTo(Api.POLICY);
        String stored = server.database.jdbi().withHandle(h -> h.createQuery("SELECT policy_version FROM performer WHERE id = :id")
                .bind("id", ada.id().toString()).mapTo(String.class).one());
        assertThat(stored).isEqualTo(Api.POLICY);
        assertThat(api.put("/api/me", ada.token(), Map.of("acceptedPolicy", Api.POLICY)).status()).isEqualTo(200);
        assertField(api.put("/api/me", ada.token(), Map.of("acceptedPolicy", "0.1")), 400, "acceptedPolicy");
    }

    @Test
    void stageNamesAreUniqueIgnoringCase() {
        Api.Performer ada = api.newPerformer();
        Api.Response taken = api.post("/api/performers", null, Api.signUp(ada.stageName().toUpperCase(), "#000000"));
        assertField(taken, 409, "stageName");
        Api.Performer bo = api.newPerformer();
        assertField(api.put("/api/me", bo.token(), Map.of("stageName", ada.stageName())), 409, "stageName");
    }

    @Test
    void badSignUpsNameTheField() {
        assertField(api.post("/api/performers", null, Api.signUp("", "#000000")), 400, "stageName");
        assertField(api.post("/api/performers", null, Api.signUp("x".repeat(33), "#000000")), 400, "stageName");
        assertField(api.post("/api/performers", null, Api.signUp("bad\u0007bell", "#000000")), 400, "stageName");
        assertField(api.post("/api/performers", null, Api.signUp("Ok", "blue")), 400, "colour");
        assertField(api.post("/api/performers", null, Api.signUp("Ok", "#000000", "email", "a@b.c")), 400, "email");
    }

    @Test
    void aPerformerChangesTheirOwnNameAndColour() {
        Api.Performer ada = api.newPerformer();
        api.publishOk(ada, "keys", Api.sampleCsv(10), null);
        assertThat(api.get("/api/performances?view=all&performer=" + ada.id()).json().get("items").get(0).get("stageName").asText())
                .isEqualTo(ada.stageName());
        String renamed = ada.stageName() + "x";
        Api.Response r = api.put("/api/me", ada.token(), Map.of("stageName", renamed, "colour", "#123456"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(api.get("/api/performers/" + ada.id()).json().get("stageName").asText()).isEqualTo(renamed);
        assertThat(api.get("/api/performers/" + ada.id()).json().get("colour").asText()).isEqualTo("#123456");
        assertThat(api.get("/api/performances?view=all&performer=" + ada.id()).json().get("items").get(0).get("stageName").asText())
                .as("the feed, read before the rename, shows the new name at once").isEqualTo(renamed);
        assertThat(api.put("/api/me", null, Map.of("colour", "#123456")).status()).isEqualTo(401);
        assertThat(api.put("/api/me", ada.token(), Map.of()).status()).isEqualTo(400);
    }

    @Test
    void aPerformerKeepsABackgroundColourForTheirSquareAndItIsInTheirExport() throws Exception {
        Api.Performer ada = api.newPerformer();
        assertThat(api.get("/api/me", ada.token()).json().get("background").asText()).as("the original's dark square")
                .isEqualTo(microjam.performance.NewPerformance.DEFAULT_BACKGROUND.hex());
        assertThat(api.put("/api/me", ada.token(), Map.of("background", "#2A9D8F")).status()).isEqualTo(200);
        assertThat(api.get("/api/me", ada.token()).json().get("background").asText()).isEqualTo("#2a9d8f");

        // A bad colour names its field and changes nothing, not even the valid fields sent with it.
        assertField(api.put("/api/me", ada.token(), Map.of("colour", "#111111", "background", "teal")), 400, "background");
        assertThat(api.get("/api/me", ada.token()).json().get("background").asText()).isEqualTo("#2a9d8f");
        assertThat(api.get("/api/me", ada.token()).json().get("colour").asText()).isEqualTo("#336699");

        java.util.Map<String, byte[]> zip = AccountApiTest.unzip(api.get("/api/me/export", ada.token()).body());
        assertThat(Api.JSON.readTree(zip.get("profile.json")).get("background").asText()).isEqualTo("#2a9d8f");
    }

    @Test
    void everyPerformerHasAnAvatarEvenBeforeUploadingOne() {
        Api.Performer ada = api.newPerformer();
        Api.Response avatar = api.get("/api/performers/" + ada.id() + "/avatar.png");
        assertThat(avatar.status()).isEqualTo(200);
        assertThat(avatar.header("Content-Type")).isEqualTo("image/png");
        assertThat(api.get("/api/performers/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(api.get("/api/performers/nope/avatar.png").status()).isEqualTo(404);
    }

    @Test
    void errorsAreJsonAndSecurityHeadersAreEverywhere() {
        for (String path : List.of("/health", "/api/performances", "/no/such/route", "/api/performers/x")) {
            Api.Response r = api.get(path);
            assertThat(r.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(r.header("Content-Security-Policy")).as(path).contains("script-src 'self'").doesNotContain("unsafe-inline");
            assertThat(r.header("Referrer-Policy")).as(path).isEqualTo("no-referrer");
            assertThat(r.header("Permissions-Policy")).as(path).contains("geolocation=()");
            if (r.status() >= 400) assertThat(r.json().get("error").asText()).as(path).isNotBlank();
        }
        assertThat(api.get("/health").json().get("database").asText()).isEqualTo("ready");
    }
}
