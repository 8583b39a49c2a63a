// Image bombs: avatars that weigh ~100-200 KB and cost seconds of decoding or 128 MiB of memory each
// (ImageBombs). A real server process with the launcher's heap (256 MB, serial GC) takes them from
// several performers at once: each is refused with its own 400 and nothing runs out of memory. A crowd
// of the largest legal images waits its turn for the decoder or is told to come back (503, Retry-After).
// Meanwhile /health and the feed keep answering; afterwards nothing stored has changed and a normal
// avatar still goes through. The server is a process of its own because the test JVM's heap is many
// times the launcher's; decoding happens before anything is stored, so one engine (SQLite) stands for both.
package microjam.web;

import microjam.testing.Api;
import microjam.testing.ServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class ImageBombTest {
    /** As ./microjam runs the server (server_opts in the launcher). */
    static final List<String> LAUNCHER_HEAP = List.of("-XX:+UseSerialGC", "-Xmx256m");
    static final Duration ANSWER_BOUND = Duration.ofSeconds(2);
    static final int ATTACKERS = 4;

    /** Every request's slowest answer and its failures, from a client asking over and over while the attack runs. */
    static final class Bystander implements AutoCloseable {
        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        private final String base;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final CompletableFuture<Void> loop;
        volatile long slowestHealthNanos, slowestFeedNanos;
        volatile int asked, failed;

        Bystander(String base) {
            this.base = base;
            this.loop = CompletableFuture.runAsync(this::askUntilClosed, runnable -> Thread.ofPlatform().daemon().start(runnable));
        }

        private void askUntilClosed() {
            while (running.get()) {
                slowestHealthNanos = Math.max(slowestHealthNanos, ask("/health"));
                slowestFeedNanos = Math.max(slowestFeedNanos, ask("/api/performances?limit=20"));
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private long ask(String path) {
            long start = System.nanoTime();
            try {
                HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() != 200) failed++;
            } catch (Exception e) {
                failed++;
            }
            asked++;
            return System.nanoTime() - start;
        }

        @Override
        public void close() throws Exception {
            running.set(false);
            loop.get(90, TimeUnit.SECONDS);
        }

        String figures() {
            return String.format("slowest /health %d ms, slowest feed page %d ms, %d of %d requests failed",
                    slowestHealthNanos / 1_000_000, slowestFeedNanos / 1_000_000, failed, asked);
        }
    }

    record Answer(String what, int status, String retryAfter, String body, long millis) {
        String error() {
            return json("error");
        }

        String field() {
            return json("field");
        }

        private String json(String name) {
            try {
                var value = Api.JSON.readTree(body).get(name);
                return value == null ? null : value.asText();
            } catch (java.io.IOException e) {
                throw new AssertionError(what + " answered " + status + " with a body that is not JSON: " + body, e);
            }
        }
    }

    static Path dir;
    static ServerProcess server;
    static Api api;

    @BeforeAll
    static void startServer() throws Exception {
        dir = Files.createTempDirectory("microjam-bombs");
        server = ServerProcess.withJvmOptions(dir, LAUNCHER_HEAP);
        api = Api.plain(server.base());
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) server.close();
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void imageBombsFromSeveralPerformersAtOnceAreRefusedWhileEveryoneElseIsServed() throws Exception {
        byte[] jpegBomb = ImageBombs.progressiveJpegBomb(4096, 100), pngBomb = ImageBombs.png16Bomb(4096, 4096);
        assertThat(jpegBomb.length).as("the JPEG bomb is small").isLessThan(200_000);
        assertThat(ImageBombs.scans(jpegBomb)).isGreaterThan(100);
        assertThat(pngBomb.length).as("the PNG bomb is small").isLessThan(300_000);

        Api.Performer bystander = api.newPerformer();
        UUID kept = api.publishOk(bystander, "keys", Api.sampleCsv(60), null);
        List<Api.Performer> attackers = new ArrayList<>();
        List<byte[]> avatarsBefore = new ArrayList<>();
        for (int i = 0; i < ATTACKERS; i++) {
            Api.Performer attacker = api.newPerformer();
            attackers.add(attacker);
            avatarsBefore.add(api.get("/api/performers/" + attacker.id() + "/avatar.png").body());
        }

        List<Upload> uploads = new ArrayList<>();
        for (Api.Performer attacker : attackers) {
            uploads.add(new Upload(attacker, "JPEG bomb", "image/jpeg", jpegBomb));
            uploads.add(new Upload(attacker, "PNG bomb", "image/png", pngBomb));
        }
        List<Answer> answers = uploadAllAtOnceWhileWatched(uploads);
        for (Answer a : answers) {
            assertRefusedOrBusy(a);
            assertThat(a.status()).as(a.what() + " is refused by the checks, before any decoding").isEqualTo(400);
            assertThat(a.error()).doesNotContain("could not be decoded");
        }

        assertThat(server.process.isAlive()).isTrue();
        for (int i = 0; i < ATTACKERS; i++)
            assertThat(api.get("/api/performers/" + attackers.get(i).id() + "/avatar.png").body()).as("the avatar is unchanged")
                    .isEqualTo(avatarsBefore.get(i));
        assertThat(api.get("/api/performances/" + kept).status()).isEqualTo(200);
        assertANormalAvatarStillGoesThrough();
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aCrowdOfLargeButLegalImagesWaitsItsTurnOrIsToldToComeBack() throws Exception {
        byte[] photo = ImageBombs.progressiveJpeg(4096); // the largest allowed, 10 scans: about half a second of decoding each
        List<Upload> uploads = new ArrayList<>();
        for (int i = 0; i < 16; i++) uploads.add(new Upload(api.newPerformer(), "4096x4096 progressive JPEG", "image/jpeg", photo));
        List<Answer> answers = uploadAllAtOnceWhileWatched(uploads);
        for (Answer a : answers) {
            if (a.status() == 200) continue;
            assertRefusedOrBusy(a);
            assertThat(a.status()).as(a.what()).isEqualTo(503);
        }
        String figures = answers.stream().map(a -> a.status() + " in " + a.millis() + " ms").toList().toString();
        assertThat(answers).as("some are decoded: " + figures).anyMatch(a -> a.status() == 200);
        assertThat(answers).as("past the threads and the queue, 503: " + figures).anyMatch(a -> a.status() == 503);
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i).status() != 200) continue;
            byte[] png = api.get("/api/performers/" + uploads.get(i).who().id() + "/avatar.png").body();
            assertThat(ImageIO.read(new ByteArrayInputStream(png)).getWidth()).isEqualTo(Avatars.SIZE);
        }
        assertANormalAvatarStillGoesThrough();
    }

    record Upload(Api.Performer who, String what, String type, byte[] bytes) {
    }

    /** Sends every upload at once while a bystander asks for /health and the feed, and asserts the bystander was served. */
    private static List<Answer> uploadAllAtOnceWhileWatched(List<Upload> uploads) throws Exception {
        try (Bystander watcher = new Bystander(server.base())) {
            Thread.sleep(300); // the bystander is answered before the uploads start
            List<CompletableFuture<Answer>> pending = uploads.stream().map(u -> upload(server.base(), u)).toList();
            List<Answer> answers = pending.stream().map(CompletableFuture::join).toList();
            String figures = watcher.figures() + "; uploads answered " + answers.stream()
                    .map(a -> a.what() + " " + a.status() + " in " + a.millis() + " ms").toList();
            watcher.close();
            assertThat(Duration.ofNanos(watcher.slowestHealthNanos)).as("while the uploads went on: " + figures).isLessThan(ANSWER_BOUND);
            assertThat(Duration.ofNanos(watcher.slowestFeedNanos)).as(figures).isLessThan(ANSWER_BOUND);
            assertThat(watcher.failed).as(figures).isZero();
            assertThat(answers).as(figures).allMatch(a -> a.status() > 0);
            assertThat(Files.readString(dir.resolve("server.log"))).as("the server's log").doesNotContain("OutOfMemoryError");
            return answers;
        }
    }

    /** A JSON error: 400 naming the avatar, or 503 saying when to come back. */
    private static void assertRefusedOrBusy(Answer a) {
        assertThat(a.status()).as(a.what()).isIn(400, 503);
        assertThat(a.error()).as(a.what()).isNotBlank();
        if (a.status() == 400) assertThat(a.field()).as(a.what()).isEqualTo("avatar");
        else assertThat(a.retryAfter()).as(a.what() + ": a 503 says when to try again").isNotNull();
    }

    private static void assertANormalAvatarStillGoesThrough() throws Exception {
        Api.Performer later = api.newPerformer();
        assertThat(api.putBytes("/api/me/avatar", later.token(), "image/jpeg", AvatarApiTest.image(800, 600, "jpeg")).status())
                .as("a normal avatar afterwards").isEqualTo(200);
        assertThat(ImageIO.read(new ByteArrayInputStream(api.get("/api/performers/" + later.id() + "/avatar.png").body())).getWidth())
                .isEqualTo(Avatars.SIZE);
        assertThat(api.get("/health").status()).isEqualTo(200);
    }

    private static CompletableFuture<Answer> upload(String base, Upload u) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/me/avatar")).timeout(Duration.ofSeconds(150))
                .header("Authorization", "Bearer " + u.who().token()).header("Content-Type", u.type())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(u.bytes())).build();
        long start = System.nanoTime();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Answer(u.what(), r.statusCode(), r.headers().firstValue("Retry-After").orElse(null), r.body(),
                        (System.nanoTime() - start) / 1_000_000))
                .exceptionally(e -> new Answer(u.what() + " (" + e + ")", -1, null, "{}", (System.nanoTime() - start) / 1_000_000));
    }
}
