// Promise: deleting removes it from the bytes on disk. After an account is deleted, no file under the
// data directory holds its stage name, a touch value or an id, seconds later: SQLite overwrites deleted
// content (secure_delete) and the write-ahead log is emptied soon after every deletion (Scrubber).
package microjam.store;

import microjam.performance.Performer;
import microjam.testing.Api;
import microjam.testing.Engine;
import microjam.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DeletedBytesTest {
    @Test
    void aDeletedAccountLeavesNoByteOfItsNameTouchesOrIdsInTheDataDirectory() throws Exception {
        try (TestServer server = TestServer.start(Engine.SQLITE, false)) {
            Api api = server.http();
            String name = "Qzx" + UUID.randomUUID().toString().substring(0, 8);
            Api.Response created = api.post("/api/performers", null, Api.signUp(name, "#336699"));
            Api.Performer ada = new Api.Performer(UUID.fromString(created.json().get("id").asText()), created.json().get("token").asText(), name);
            StringBuilder csv = new StringBuilder("time,x,y,z,moving\n");
            for (int j = 0; j < 200; j++) csv.append(String.format(java.util.Locale.ROOT, "%f, 0.314159, 0.161803, 27.182818, %d\n", j * 0.02, j % 10 == 0 ? 0 : 1));
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < 20; i++) ids.add(api.publishOk(ada, "keys", csv.toString(), null));
            Api.Performer bo = api.newPerformer(); // someone else, whose data stays
            UUID kept = api.publishOk(bo, "drums", Api.sampleCsv(30), ids.getFirst());
            List<String> secrets = new ArrayList<>(List.of(name, "0.314159, 0.161803", ada.id().toString()));
            ids.forEach(id -> secrets.add(id.toString()));
            assertThat(filesHolding(server.dataDir, secrets)).as("before deletion the data is on disk").isNotEmpty();

            assertThat(api.delete("/api/me", ada.token()).status()).isEqualTo(204);
            Map<String, List<String>> found = Map.of();
            for (long deadline = System.nanoTime() + 10_000_000_000L; System.nanoTime() < deadline; Thread.sleep(200)) {
                found = filesHolding(server.dataDir, secrets);
                if (found.isEmpty()) break;
            }
            assertThat(found).as("files still holding deleted data").isEmpty();
            assertThat(api.get("/api/performances/" + kept).status()).as("others' data stays").isEqualTo(200);
        }
    }

    /**
     * Every kind of erasure, one after another on one server (each scrub must leave the next one possible):
     * a single performance deleted, a stage name changed, an avatar replaced; each leaves no byte behind.
     */
    @Test
    void eachErasureInTurnLeavesNoByteBehind() throws Exception {
        try (TestServer server = TestServer.start(Engine.SQLITE, false)) {
            Api api = server.http();
            Api.Performer ada = api.newPerformer();
            StringBuilder csv = new StringBuilder("time,x,y,z,moving\n");
            for (int j = 0; j < 100; j++) csv.append(String.format(java.util.Locale.ROOT, "%f, 0.271828, 0.141421, 17.320508, 1\n", j * 0.02));
            UUID gone = api.publishOk(ada, "keys", csv.toString(), null);
            api.publishOk(ada, "keys", Api.sampleCsv(40), null); // one that stays
            assertThat(api.delete("/api/performances/" + gone, ada.token()).status()).isEqualTo(204);
            awaitNoneHeld(server, List.of("0.271828, 0.141421", gone.toString()));

            String oldName = ada.stageName();
            assertThat(api.put("/api/me", ada.token(), Map.of("stageName", "Renamed" + UUID.randomUUID().toString().substring(0, 6))).status()).isEqualTo(200);
            awaitNoneHeld(server, List.of(oldName));

            assertThat(api.putBytes("/api/me/avatar", ada.token(), "image/png", gradient(11)).status()).isEqualTo(200);
            byte[] first = api.get("/api/performers/" + ada.id() + "/avatar.png").body();
            assertThat(api.putBytes("/api/me/avatar", ada.token(), "image/png", gradient(77)).status()).isEqualTo(200);
            // The old avatar's compressed pixels: a run from the middle of its PNG, unlikely anywhere else.
            String oldAvatar = new String(java.util.Arrays.copyOfRange(first, first.length / 2, first.length / 2 + 48), StandardCharsets.ISO_8859_1);
            awaitNoneHeldRaw(server, List.of(oldAvatar));
        }
    }

    private static byte[] gradient(int blue) throws java.io.IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(64, 64, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 64; x++) for (int y = 0; y < 64; y++) image.setRGB(x, y, (x * 4) << 16 | (y * 4) << 8 | blue);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    private static void awaitNoneHeld(TestServer server, List<String> secrets) throws InterruptedException {
        Map<String, List<String>> found = Map.of();
        for (long deadline = System.nanoTime() + 10_000_000_000L; System.nanoTime() < deadline; Thread.sleep(200)) {
            found = filesHolding(server.dataDir, secrets);
            if (found.isEmpty()) return;
        }
        assertThat(found).as("files still holding erased data").isEmpty();
    }

    // Secrets given as bytes (one char per byte, ISO-8859-1).
    private static void awaitNoneHeldRaw(TestServer server, List<String> secrets) throws InterruptedException {
        awaitNoneHeld(server, secrets.stream().map(s -> new String(s.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8)).toList());
    }

    /**
     * PostgreSQL keeps a deleted row's bytes in the table file until VACUUM prunes it and the space is
     * reused (and in WAL segments until recycled, as docs/privacy.md states): the server runs VACUUM soon
     * after a deletion rather than waiting for autovacuum's 20 % threshold.
     */
    @Test
    void onPostgresqlADeletionIsFollowedByAVacuumWithinSeconds() throws Exception {
        try (TestServer server = TestServer.start(Engine.POSTGRESQL, false)) {
            Api api = server.http();
            Api.Performer ada = api.newPerformer();
            api.publishOk(ada, "keys", Api.sampleCsv(50), null);
            UUID first = api.publishOk(ada, "keys", Api.sampleCsv(30), null);
            // Two deletions one after the other: each is followed by a VACUUM of its own.
            long before = vacuums(server);
            assertThat(api.delete("/api/performances/" + first, ada.token()).status()).isEqualTo(204);
            long afterFirst = awaitVacuumAfter(server, before);
            assertThat(api.delete("/api/me", ada.token()).status()).isEqualTo(204);
            awaitVacuumAfter(server, afterFirst);
        }
    }

    private static long awaitVacuumAfter(TestServer server, long before) throws InterruptedException {
        long after = before;
        for (long deadline = System.nanoTime() + 40_000_000_000L; after == before && System.nanoTime() < deadline; Thread.sleep(500))
            after = vacuums(server);
        assertThat(after).as("VACUUMs of the performance table after the deletion").isGreaterThan(before);
        return after;
    }

    private static long vacuums(TestServer server) {
        return server.database.jdbi().withHandle(h -> h.createQuery("SELECT vacuum_count FROM pg_stat_user_tables WHERE relname = 'performance'")
                .mapTo(Long.class).one());
    }

    /** For each file under dir, the secrets whose bytes (UTF-8) it contains. */
    static Map<String, List<String>> filesHolding(Path dir, List<String> secrets) {
        Map<String, List<String>> found = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1); // one char per byte
                for (String secret : secrets)
                    if (bytes.contains(new String(secret.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)))
                        found.computeIfAbsent(dir.relativize(file) + " (" + Files.size(file) + " bytes)", k -> new ArrayList<>()).add(secret);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
