// Every performer can export all their data as a ZIP and delete all of it.
package microjam.web;

import com.fasterxml.jackson.databind.JsonNode;
import microjam.testing.Api;
import microjam.testing.Engine;
import microjam.testing.ServerTest;
import microjam.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

@ParameterizedClass
@EnumSource(Engine.class)
class AccountApiTest extends ServerTest {

    @Test
    void theExportHoldsTheProfileAvatarEveryPerformanceAndTheirMetadata() throws IOException {
        Api.Performer ada = api.newPerformer(), bo = api.newPerformer();
        UUID first = api.publishOk(ada, "keys", Api.sampleCsv(10), null);
        UUID second = api.publishOk(ada, "drums", Api.sampleCsv(20), first);
        api.publishOk(bo, "pad", Api.sampleCsv(5), first); // someone else's: not in Ada's export

        Api.Response r = api.get("/api/me/export", ada.token());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/zip");
        assertThat(r.header("Content-Disposition")).contains("attachment");
        Map<String, byte[]> zip = unzip(r.body());
        assertThat(zip.keySet()).containsExactlyInAnyOrder("profile.json", "avatar.png", "performances.json",
                "performances/" + first + ".csv", "performances/" + second + ".csv");

        JsonNode profile = Api.JSON.readTree(zip.get("profile.json"));
        assertThat(profile.get("stageName").asText()).isEqualTo(ada.stageName());
        assertThat(profile.get("id").asText()).isEqualTo(ada.id().toString());
        JsonNode metadata = Api.JSON.readTree(zip.get("performances.json"));
        assertThat(metadata).hasSize(2);
        assertThat(metadata.get(1).get("replyTo").asText()).isEqualTo(first.toString());
        assertThat(metadata.get(1).get("instrument").asText()).isEqualTo("drums");
        for (UUID id : new UUID[]{first, second})
            assertThat(new String(zip.get("performances/" + id + ".csv"), StandardCharsets.UTF_8))
                    .isEqualTo(api.get("/api/performances/" + id + ".csv").text());
        assertThat(zip.get("avatar.png")).isEqualTo(api.get("/api/performers/" + ada.id() + "/avatar.png").body());
        assertThat(api.get("/api/me/export", null).status()).isEqualTo(401);
    }

    @Test
    void aDeletedPerformanceIsGoneFromTheDatabaseAndFromTheExport() throws IOException {
        Api.Performer ada = api.newPerformer();
        UUID kept = api.publishOk(ada, "keys", Api.sampleCsv(10), null);
        UUID gone = api.publishOk(ada, "drums", Api.sampleCsv(12), null);
        assertThat(api.delete("/api/performances/" + gone, ada.token()).status()).isEqualTo(204);
        int rows = server.database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM performance WHERE id = :id")
                .bind("id", gone.toString()).mapTo(Integer.class).one());
        assertThat(rows).isZero();
        Map<String, byte[]> zip = unzip(api.get("/api/me/export", ada.token()).body());
        assertThat(zip.keySet()).contains("performances/" + kept + ".csv").doesNotContain("performances/" + gone + ".csv");
        assertThat(new String(zip.get("performances.json"), StandardCharsets.UTF_8)).doesNotContain(gone.toString());
    }

    /** A picture cached before the account went is not served after it (the picture cache is emptied too). */
    @Test
    void aDeletedAccountsPicturesAreNotServedFromTheCache() {
        Api.Performer ada = api.newPerformer();
        UUID first = api.publishOk(ada, "keys", Api.sampleCsv(10), null), second = api.publishOk(ada, "drums", Api.sampleCsv(12), first);
        for (UUID id : new UUID[]{first, second}) assertThat(api.get("/api/performances/" + id + ".png").status()).isEqualTo(200);
        assertThat(api.delete("/api/me", ada.token()).status()).isEqualTo(204);
        for (UUID id : new UUID[]{first, second}) assertThat(api.get("/api/performances/" + id + ".png").status()).as("picture of " + id).isEqualTo(404);
    }

    @Test
    void deletingTheAccountRemovesEverythingOfTheirsAndNothingOfOthers() {
        Api.Performer ada = api.newPerformer(), bo = api.newPerformer();
        UUID mine = api.publishOk(ada, "keys", Api.sampleCsv(10), null);
        UUID reply = api.publishOk(bo, "drums", Api.sampleCsv(10), mine);
        assertThat(api.putBytes("/api/me/avatar", ada.token(), "image/png", pngOf()).status()).isEqualTo(200);

        assertThat(api.delete("/api/me", ada.token()).status()).isEqualTo(204);
        assertThat(api.get("/api/me", ada.token()).status()).isEqualTo(401);
        assertThat(api.get("/api/performers/" + ada.id()).status()).isEqualTo(404);
        assertThat(api.get("/api/performances/" + mine).status()).isEqualTo(404);
        assertThat(api.get("/api/performances/" + mine + ".png").status()).isEqualTo(404);
        assertThat(api.get("/api/performances/" + reply).json().get("replyTo").isNull()).isTrue();

        int left = server.database.jdbi().withHandle(h -> h.createQuery("""
                        SELECT (SELECT COUNT(*) FROM performer WHERE id = :id) + (SELECT COUNT(*) FROM performance WHERE performer_id = :id)
                             + (SELECT COUNT(*) FROM avatar WHERE performer_id = :id)""")
                .bind("id", ada.id().toString()).mapTo(Integer.class).one());
        assertThat(left).as("rows of the deleted performer").isZero();
        assertThat(api.get("/api/me", bo.token()).status()).isEqualTo(200);
    }

    static byte[] pngOf() {
        try {
            return AvatarApiTest.image(32, 32, "png");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, byte[]> unzip(byte[] bytes) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) entries.put(e.getName(), zip.readAllBytes());
        }
        return entries;
    }
}
