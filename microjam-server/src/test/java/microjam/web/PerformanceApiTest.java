// Publishing, replying in layers, the feed and deletion, over real HTTP, on SQLite and PostgreSQL.
package microjam.web;

import com.fasterxml.jackson.databind.JsonNode;
import microjam.testing.Api;
import microjam.testing.Engine;
import microjam.testing.ServerTest;
import microjam.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

@ParameterizedClass
@EnumSource(Engine.class)
class PerformanceApiTest extends ServerTest {

    @Test
    void publishingAnswers201WithTheStoredPerformance() {
        Api.Performer ada = api.newPerformer();
        String csv = Api.sampleCsv(40);
        Api.Response r = api.publish(ada, "drums", csv, null);
        assertThat(r.status()).isEqualTo(201);
        JsonNode p = r.json();
        assertThat(p.get("id").asText()).hasSize(36);
        assertThat(r.header("Location")).isEqualTo("/api/performances/" + p.get("id").asText());
        assertThat(p.get("performerId").asText()).isEqualTo(ada.id().toString());
        assertThat(p.get("stageName").asText()).isEqualTo(ada.stageName());
        assertThat(p.get("instrument").asText()).isEqualTo("drums");
        assertThat(p.get("colour").asText()).isEqualTo("#ff8800");
        assertThat(p.get("replyTo").isNull()).isTrue();
        assertThat(p.get("touchCount").asInt()).isEqualTo(40);
        assertThat(p.get("layerCount").asInt()).isEqualTo(1);
        assertThat(p.get("touches").asText()).isEqualTo(csv);
        assertThat(api.get("/api/performances/" + p.get("id").asText() + ".csv").text()).isEqualTo(csv);
    }

    @Test
    void theAnswerToAPublicationIsWhatEveryoneReadsAfterwards() {
        // The upload's answer is built from what the server has in hand (no read-back, issue 20): it must say what a
        // later read says, field for field, for a first layer and for a reply, with touches written loosely.
        Api.Performer ada = api.newPerformer(), bo = api.newPerformer();
        String loose = "time,x,y,z,moving\n0.0,0.25,0.5,1,0\n0.0104,0.30000049,0.5,1.0,1\n1.5000004,0.9999999,0.0000004,20,1\n";
        Api.Response root = api.publish(ada, "strings", loose, null);
        assertThat(root.status()).isEqualTo(201);
        String rootId = root.json().get("id").asText();
        assertThat(root.json()).isEqualTo(api.get("/api/performances/" + rootId).json());

        Api.Response reply = api.publish(bo, "quack", Api.sampleCsv(12), UUID.fromString(rootId));
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("layerCount").asInt()).isEqualTo(2);
        assertThat(reply.json()).isEqualTo(api.get("/api/performances/" + reply.json().get("id").asText()).json());
    }

    @Test
    void aReplyChainOfThreePlaysAsThreeLayersRootLast() {
        Api.Performer ada = api.newPerformer(), bo = api.newPerformer(), cy = api.newPerformer();
        UUID root = api.publishOk(ada, "keys", Api.sampleCsv(10), null);
        UUID middle = api.publishOk(bo, "drums", Api.sampleCsv(20), root);
        UUID newest = api.publishOk(cy, "wub", Api.sampleCsv(30), middle);

        JsonNode jam = api.get("/api/performances/" + newest).json();
        assertThat(jam.get("layerCount").asInt()).isEqualTo(3);
        assertThat(ids(jam.get("layers"))).containsExactly(newest.toString(), middle.toString(), root.toString());
        assertThat(jam.get("layers").get(2).get("touches").asText()).isEqualTo(Api.sampleCsv(10));
        assertThat(jam.get("layers").get(1).get("instrument").asText()).isEqualTo("drums");

        assertThat(ids(api.get("/api/performances/" + root + "/replies").json())).containsExactly(middle.toString());
        assertThat(api.get("/api/performances/" + root).json().get("replyCount").asInt()).isEqualTo(1);
    }

    @Test
    void replyToMustNameAnExistingPerformance() {
        Api.Performer ada = api.newPerformer();
        Api.Response missing = api.publish(ada, "keys", Api.sampleCsv(5), UUID.randomUUID());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("field").asText()).isEqualTo("replyTo");
        Api.Response malformed = api.post("/api/performances", ada.token(),
                "{\"instrument\":\"keys\",\"colour\":\"#ffffff\",\"replyTo\":\"../../etc/passwd\",\"touches\":\"time,x,y,z,moving\\n0.1,0.1,0.1,0,0\\n\"}");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("field").asText()).isEqualTo("replyTo");
    }

    @Test
    void theFeedIsNewestFirstInKeysetPages() {
        Api.Performer ada = api.newPerformer();
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 5; i++) published.add(api.publishOk(ada, i % 2 == 0 ? "keys" : "drums", Api.sampleCsv(5 + i), null).toString());

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api.get("/api/performances?view=all&limit=2&performer=" + ada.id() + (cursor == null ? "" : "&before=" + cursor)).json();
            seen.addAll(ids(page.get("items")));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(published.reversed());

        JsonNode drums = api.get("/api/performances?view=all&instrument=drums&performer=" + ada.id()).json();
        assertThat(ids(drums.get("items"))).containsExactly(published.get(3), published.get(1));
        JsonNode card = drums.get("items").get(0);
        assertThat(card.get("stageName").asText()).isEqualTo(ada.stageName());
        assertThat(card.get("avatarUrl").asText()).isEqualTo("/api/performers/" + ada.id() + "/avatar.png");
        assertThat(card.get("pictureUrl").asText()).endsWith(published.get(3) + ".png");
        assertThat(card.has("createdAt") && card.has("replyCount") && card.has("layerCount")).isTrue();
        assertThat(card.has("touches")).as("feed pages stay small").isFalse();
    }

    @Test
    void theJamsViewShowsEachJamOnceByItsNewestLayer() {
        Api.Performer ada = api.newPerformer();
        UUID root = api.publishOk(ada, "keys", Api.sampleCsv(5), null);
        UUID reply = api.publishOk(ada, "drums", Api.sampleCsv(5), root);
        UUID solo = api.publishOk(ada, "pad", Api.sampleCsv(5), null);
        JsonNode jams = api.get("/api/performances?performer=" + ada.id()).json();
        assertThat(ids(jams.get("items"))).containsExactly(solo.toString(), reply.toString());
        assertThat(jams.get("items").get(1).get("layerCount").asInt()).isEqualTo(2);
        JsonNode all = api.get("/api/performances?view=all&performer=" + ada.id()).json();
        assertThat(ids(all.get("items"))).containsExactly(solo.toString(), reply.toString(), root.toString());
    }

    @Test
    void feedParametersAreChecked() {
        assertThat(api.get("/api/performances?limit=0").json().get("field").asText()).isEqualTo("limit");
        assertThat(api.get("/api/performances?limit=101").status()).isEqualTo(400);
        assertThat(api.get("/api/performances?limit=ten").status()).isEqualTo(400);
        assertThat(api.get("/api/performances?view=mine").json().get("field").asText()).isEqualTo("view");
        assertThat(api.get("/api/performances?before=1%3BDROP%20TABLE%20performance").json().get("field").asText()).isEqualTo("before");
        assertThat(api.get("/api/performances?instrument=kazoo").json().get("field").asText()).isEqualTo("instrument");
    }

    @Test
    void onlyItsPerformerMayDeleteAPerformanceAndThenItIsGoneEverywhere() {
        Api.Performer ada = api.newPerformer(), bo = api.newPerformer();
        UUID original = api.publishOk(ada, "keys", Api.sampleCsv(12), null);
        UUID reply = api.publishOk(bo, "drums", Api.sampleCsv(8), original);
        assertThat(api.get("/api/performances/" + original + ".png").status()).isEqualTo(200); // now cached
        assertThat(ids(api.get("/api/performances?view=all&performer=" + ada.id()).json().get("items"))).containsExactly(original.toString());
        assertThat(ids(api.get("/api/performances?view=all").json().get("items"))).contains(original.toString()); // feed pages read

        assertThat(api.delete("/api/performances/" + original, null).status()).isEqualTo(401);
        Api.Response stranger = api.delete("/api/performances/" + original, bo.token());
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.json().get("error").asText()).contains("only the performer");
        assertThat(api.get("/api/performances/" + original).status()).isEqualTo(200);

        assertThat(api.delete("/api/performances/" + original, ada.token()).status()).isEqualTo(204);
        assertThat(api.get("/api/performances/" + original).status()).isEqualTo(404);
        assertThat(api.get("/api/performances/" + original + ".csv").status()).isEqualTo(404);
        assertThat(api.get("/api/performances/" + original + ".png").status()).isEqualTo(404);
        assertThat(api.get("/api/performances/" + original + "/replies").status()).isEqualTo(404);
        assertThat(ids(api.get("/api/performances?view=all&performer=" + ada.id()).json().get("items"))).isEmpty();
        assertThat(ids(api.get("/api/performances?view=all").json().get("items"))).doesNotContain(original.toString());

        JsonNode survivor = api.get("/api/performances/" + reply).json();
        assertThat(survivor.get("replyTo").isNull()).as("the reply no longer points at it").isTrue();
        assertThat(ids(survivor.get("layers"))).containsExactly(reply.toString());
        assertThat(api.delete("/api/performances/" + original, ada.token()).status()).isEqualTo(404);
    }

    @Test
    void thePictureIsAPngOfTheTrailsInTheirColourOnTheBackground() throws Exception {
        Api.Performer ada = api.newPerformer();
        String csv = "time,x,y,z,moving\n0.0, 0.1, 0.5, 0, 0\n0.1, 0.5, 0.5, 0, 1\n0.2, 0.9, 0.5, 0, 1\n";
        Api.Response r = api.post("/api/performances", ada.token(),
                Api.JSON.createObjectNode().put("instrument", "chirp").put("colour", "#ff0000").put("background", "#000000").put("touches", csv));
        Api.Response png = api.get("/api/performances/" + r.json().get("id").asText() + ".png");
        assertThat(png.header("Content-Type")).isEqualTo("image/png");
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png.body()));
        assertThat(image.getWidth()).isEqualTo(512);
        assertThat(image.getRGB(256, 256) & 0xFFFFFF).as("on the swipe").isEqualTo(0xFF0000);
        assertThat(image.getRGB(256, 100) & 0xFFFFFF).as("off the swipe").isEqualTo(0x000000);
    }

    @Test
    void unknownAndMalformedIdsAre404() {
        for (String id : List.of(UUID.randomUUID().toString(), "..%2F..%2Fetc%2Fpasswd", "x.csv", "1%20OR%201=1", UUID.randomUUID() + ".png"))
            assertThat(api.get("/api/performances/" + id).status()).as(id).isEqualTo(404);
    }

    static List<String> ids(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.get("id").asText()).toList();
    }
}
