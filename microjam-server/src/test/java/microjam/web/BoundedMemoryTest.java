// Attack: unbounded memory by design. Reply chains had no depth limit (a 300-deep chain of 2,000-touch
// layers made one GET 26 MB, and every publish returned the whole chain), and the feed cache was keyed
// on any cursor a client sent. Now a jam holds at most Performance.MAX_LAYERS layers (a deeper reply is
// refused with 409, a chain stored before the limit is served cut to it), and only first pages are cached.
package microjam.web;

import microjam.performance.Performance;
import microjam.store.FeedQuery;
import microjam.store.TimeOrderedIds;
import microjam.testing.Api;
import microjam.testing.DatabaseSnapshot;
import microjam.testing.Engine;
import microjam.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ParameterizedClass
@EnumSource(Engine.class)
class BoundedMemoryTest extends ServerTest {
    @Test
    void aJamHoldsAtMostMaxLayersAndSaysSo() {
        Api.Performer ada = api.newPerformer();
        String big = Api.sampleCsv(250);
        UUID newest = null;
        for (int i = 0; i < Performance.MAX_LAYERS; i++) newest = api.publishOk(ada, "keys", big, newest);
        var full = api.get("/api/performances/" + newest).json();
        assertThat(full.get("layers")).hasSize(Performance.MAX_LAYERS);
        assertThat(full.get("acceptsReplies").asBoolean()).isFalse();
        assertThat(api.get("/api/performances?performer=" + ada.id() + "&limit=1").json().get("items").get(0).get("acceptsReplies").asBoolean()).isFalse();

        var before = DatabaseSnapshot.of(server.database);
        Api.Response refused = api.publish(ada, "keys", big, newest);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("field").asText()).isEqualTo("replyTo");
        assertThat(refused.json().get("error").asText()).contains(String.valueOf(Performance.MAX_LAYERS));
        // Keeping RoboJam's answer to a full jam is refused the same way, before RoboJam draws anything.
        Api.Response keep = api.post("/api/robojam/keep", ada.token(), java.util.Map.of("replyTo", newest.toString(),
                "touches", Api.sampleCsv(20), "seed", 1, "instrument", "keys"));
        assertThat(keep.status()).isEqualTo(409);
        assertThat(keep.json().get("field").asText()).isEqualTo("replyTo");
        assertThat(DatabaseSnapshot.of(server.database)).isEqualTo(before);
        assertThat(api.get("/health").status()).isEqualTo(200);
    }

    @Test
    void aChainStoredBeforeTheLimitIsServedCutToIt() {
        Api.Performer ada = api.newPerformer();
        String csv = Api.sampleCsv(5);
        UUID parent = null;
        for (int i = 0; i < 3 * Performance.MAX_LAYERS; i++) { // written straight to the store, as an old server could have
            UUID id = TimeOrderedIds.next();
            UUID replyTo = parent;
            server.database.jdbi().useHandle(h -> h.createUpdate("""
                            INSERT INTO performance (id, performer_id, instrument, colour, background, reply_to, created_at, touch_count, duration, touches)
                            VALUES (:id, :performer, 'keys', '#000000', '#ffffff', :replyTo, 0, 5, 0.08, :touches)""")
                    .bind("id", id.toString()).bind("performer", ada.id().toString())
                    .bind("replyTo", replyTo == null ? null : replyTo.toString()).bind("touches", csv).execute());
            parent = id;
        }
        var full = api.get("/api/performances/" + parent).json();
        assertThat(full.get("layers")).hasSize(Performance.MAX_LAYERS);
        assertThat(full.get("layers").get(0).get("id").asText()).as("the newest layers are kept").isEqualTo(parent.toString());
        assertThat(full.get("layerCount").asInt()).isEqualTo(Performance.MAX_LAYERS);
        assertThat(api.get("/api/performances/" + parent + ".mid").status()).isEqualTo(200);
    }

    @Test
    void onlyFirstPagesAreCachedAndTheirBytesAreBounded() {
        FeedCache cache = new FeedCache(server.database, new ChangeWatch(server.database));
        for (int i = 0; i < 2_000; i++) // a client's own cursors: read through, never kept
            cache.page(new FeedQuery(20, UUID.randomUUID(), null, null, true), () -> "x".repeat(10_000));
        for (int i = 0; i < 500; i++)
            cache.page(new FeedQuery(20, null, null, UUID.randomUUID(), true), () -> "x".repeat(10_000));
        assertThat(cache.size()).isZero();
        int firstPages = 0;
        for (int limit = 1; limit <= FeedQuery.MAX_LIMIT; limit++)
            for (boolean jams : new boolean[]{true, false}) {
                cache.page(new FeedQuery(limit, null, null, null, jams), () -> "x".repeat(200_000));
                firstPages++;
            }
        // A shared database's pages are cached too, kept true by the ChangeWatch (ClusterTest).
        assertThat(cache.size()).as("kept within " + FeedCache.MAX_BYTES + " bytes").isBetween(1L, FeedCache.MAX_BYTES / 200_000 + 1).isLessThan(firstPages);
    }
}
