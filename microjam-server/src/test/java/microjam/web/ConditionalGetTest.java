// HTTP caching for what sits in front (issue 20, point 2): every public read carries an ETag, and a client or
// shared cache that asks again with it gets 304 and no body while nothing changed; once something changed
// (a deletion, a new avatar), the answer is the new one, never the kept copy. A shared cache may keep a public
// read for a few seconds at most, and the privacy policy says how long.
package microjam.web;

import microjam.testing.Api;
import microjam.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ParameterizedClass
@EnumSource(microjam.testing.Engine.class)
class ConditionalGetTest extends ServerTest {
    @Test
    void publicReadsAnswer304ToTheirOwnETagAndTheNewAnswerOnceChanged() {
        Api.Performer ada = api.newPerformer();
        UUID id = api.publishOk(ada, "keys", Api.sampleCsv(30), null);
        List<String> reads = List.of("/api/performances/" + id, "/api/performances/" + id + ".png", "/api/performances/" + id + ".csv",
                "/api/performances/" + id + ".mid", "/api/performances?view=all&performer=" + ada.id(), "/api/performers/" + ada.id(),
                "/api/performers/" + ada.id() + "/avatar.png");
        java.util.Map<String, String> etags = new java.util.HashMap<>();
        for (String path : reads) {
            Api.Response first = api.get(path);
            assertThat(first.status()).as(path).isEqualTo(200);
            String etag = first.header("ETag");
            assertThat(etag).as(path + " ETag").isNotBlank();
            // A shared cache may hold it a few seconds, no more, never serving it stale; a browser asks again each time.
            assertThat(first.header("Cache-Control")).as(path).isEqualTo("public, max-age=0, s-maxage=5, must-revalidate");
            etags.put(path, etag);
            Api.Response again = api.send(api.request(path, null).header("If-None-Match", etag));
            assertThat(again.status()).as(path + " asked again with its ETag").isEqualTo(304);
            assertThat(again.body()).as(path).isEmpty();
            Api.Response other = api.send(api.request(path, null).header("If-None-Match", "\"not-" + etag.replace("\"", "") + "\""));
            assertThat(other.status()).as(path + " with another ETag").isEqualTo(200);
            assertThat(other.body()).isEqualTo(first.body());
        }
        // Deleted: a kept ETag brings back 404 (the performance) or the new page (the feed), not 304.
        assertThat(api.delete("/api/performances/" + id, ada.token()).status()).isEqualTo(204);
        for (String path : reads.subList(0, 4))
            assertThat(api.send(api.request(path, null).header("If-None-Match", etags.get(path))).status()).as(path).isEqualTo(404);
        Api.Response feed = api.send(api.request(reads.get(4), null).header("If-None-Match", etags.get(reads.get(4))));
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.json().get("items")).isEmpty();
    }

    @Test
    void thePolicyStatesHowLongACacheInFrontMayKeepAPublicRead() {
        String seconds = api.get("/api/performances?view=all").header("Cache-Control").replaceAll(".*s-maxage=(\\d+).*", "$1");
        assertThat(api.get("/api/privacy").json().toString())
                .contains("may keep a copy of a public page or picture for at most " + seconds + " seconds");
        // What is one person's stays out of shared caches.
        Api.Performer ada = api.newPerformer();
        assertThat(api.get("/api/me", ada.token()).header("Cache-Control")).isEqualTo("no-store");
    }
}
