// Image bombs: avatars that weigh ~100-200 KB and cost seconds of decoding or 128 MiB of memory each
// (ImageBombs). A real server process with the launcher's heap (256 MB, serial GC) takes them from
// several performers at once. Meanwhile /health and the feed keep answering, each bomb is refused with
// its own 4xx (or 503 while the decoder is busy) and nothing runs out of memory; afterwards nothing stored
// has changed and a normal avatar still goes through. The server is a process of its own because the
// test JVM's heap is many times the launcher's; decoding happens before anything is stored, so one
// engine (SQLite) stands for both.
package microjam.web;

import microjam.testing.Api;
import microjam.testing.ServerProcess;
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
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void imageBombsFromSeveralPerformersAtOnceAreRefusedWhileEveryoneElseIsServed() throws Exception {
        byte[] jpegBomb = ImageBombs.progressiveJpegBomb(4096, 100), pngBomb = ImageBombs.png16Bomb(4096, 4096);
        assertThat(jpegBomb.length).as("the JPEG bomb is small").isLessThan(200_000);
        assertThat(ImageBombs.scans(jpegBomb)).isGreaterThan(100);
        assertThat(pngBomb.length).as("the PNG bomb is small").isLessThan(300_000);

        Path dir = Files.createTempDirectory("microjam-bombs");
        try (ServerProcess server = ServerProcess.withJvmOptions(dir, LAUNCHER_HEAP, "--rate-limit-writes", "0")) {
            Api api = Api.plain(server.base());
            Api.Performer bystander = api.newPerformer();
            UUID kept = api.publishOk(bystander, "keys", Api.sampleCsv(60), null);
            List<Api.Performer> attackers = new ArrayList<>();
            List<byte[]> avatarsBefore = new ArrayList<>();
            for (int i = 0; i < ATTACKERS; i++) {
                Api.Performer attacker = api.newPerformer();
                attackers.add(attacker);
                avatarsBefore.add(api.get("/api/performers/" + attacker.id() + "/avatar.png").body());
            }

            List<Answer> answers;
            String figures;
            try (Bystander watcher = new Bystander(server.base())) {
                Thread.sleep(300); // the bystander is answered before the attack starts
                List<CompletableFuture<Answer>> uploads = new ArrayList<>();
                for (Api.Performer attacker : attackers) {
                    uploads.add(upload(server.base(), attacker, "JPEG bomb", "image/jpeg", jpegBomb));
                    uploads.add(upload(server.base(), attacker, "PNG bomb", "image/png", pngBomb));
                }
                answers = uploads.stream().map(CompletableFuture::join).toList();
                figures = watcher.figures() + "; bombs answered " + answers.stream()
                        .map(a -> a.what() + " " + a.status() + " in " + a.millis() + " ms").toList();
                watcher.close();
                assertThat(Duration.ofNanos(watcher.slowestHealthNanos)).as("while the bombs went off: " + figures).isLessThan(ANSWER_BOUND);
                assertThat(Duration.ofNanos(watcher.slowestFeedNanos)).as(figures).isLessThan(ANSWER_BOUND);
                assertThat(watcher.failed).as(figures).isZero();
            }
            for (Answer a : answers) {
                assertThat(a.status()).as(figures).isIn(400, 503);
                assertThat(Api.JSON.readTree(a.body()).get("error").asText()).as(a.what())
                        .isNotBlank().doesNotContain("could not be decoded");
                if (a.status() == 400) assertThat(Api.JSON.readTree(a.body()).get("field").asText()).isEqualTo("avatar");
                else assertThat(a.retryAfter()).as("503 says when to try again").isNotNull();
            }

            assertThat(server.process.isAlive()).isTrue();
            for (int i = 0; i < ATTACKERS; i++)
                assertThat(api.get("/api/performers/" + attackers.get(i).id() + "/avatar.png").body()).as("the avatar is unchanged")
                        .isEqualTo(avatarsBefore.get(i));
            assertThat(api.get("/api/performances/" + kept).status()).isEqualTo(200);
            Api.Performer later = api.newPerformer();
            assertThat(api.putBytes("/api/me/avatar", later.token(), "image/jpeg", AvatarApiTest.image(800, 600, "jpeg")).status())
                    .as("a normal avatar after the attack").isEqualTo(200);
            assertThat(ImageIO.read(new ByteArrayInputStream(api.get("/api/performers/" + later.id() + "/avatar.png").body())).getWidth())
                    .isEqualTo(Avatars.SIZE);
        }
        assertThat(Files.readString(dir.resolve("server.log"))).as("the server's log").doesNotContain("OutOfMemoryError");
    }

    private static CompletableFuture<Answer> upload(String base, Api.Performer who, String what, String type, byte[] bytes) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/me/avatar")).timeout(Duration.ofSeconds(150))
                .header("Authorization", "Bearer " + who.token()).header("Content-Type", type)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        long start = System.nanoTime();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Answer(what, r.statusCode(), r.headers().firstValue("Retry-After").orElse(null), r.body(),
                        (System.nanoTime() - start) / 1_000_000))
                .exceptionally(e -> new Answer(what + " (" + e + ")", -1, null, "{}", (System.nanoTime() - start) / 1_000_000));
    }
}
