// A performance acknowledged with 201 survives the server process being killed with kill -9 the next
// instant: SQLite runs in WAL mode with synchronous=FULL, uploads share commits but are acknowledged only
// after theirs; PostgreSQL commits durably by default. Nothing is ever half-written.
package microjam.store;

import microjam.performance.Performer;
import microjam.performance.TouchCsv;
import microjam.performance.Touches;
import microjam.testing.Api;
import microjam.testing.Engine;
import microjam.testing.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

class DurabilityTest {
    @Test
    void sqliteRunsInWalModeWithFullSync() throws IOException {
        try (Database db = Database.open(Database.sqliteUrl(Files.createTempDirectory("microjam").resolve("m.db")))) {
            db.jdbi().useHandle(h -> {
                assertThat(h.createQuery("PRAGMA journal_mode").mapTo(String.class).one()).isEqualToIgnoringCase("wal");
                assertThat(h.createQuery("PRAGMA synchronous").mapTo(Integer.class).one()).as("2 = FULL").isEqualTo(2);
                assertThat(h.createQuery("PRAGMA foreign_keys").mapTo(Integer.class).one()).isEqualTo(1);
            });
        }
    }

    @Test
    void acknowledgedUploadsSurviveKillDashNine() throws Exception {
        Path dataDir = Files.createTempDirectory("microjam-kill");
        Map<UUID, String> acknowledged = new LinkedHashMap<>();
        ServerProcess server = ServerProcess.start(dataDir);
        try {
            Api api = Api.plain(server.base());
            Api.Performer ada = api.newPerformer();
            for (int i = 0; i < 25; i++) {
                String csv = TouchCsv.write(TouchCsv.read(Api.sampleCsv(20 + i)));
                acknowledged.put(api.publishOk(ada, "keys", csv, null), csv);
            }
        } finally {
            server.kill(); // SIGKILL, right after the last 201
        }
        try (Database db = Database.open(Database.sqliteUrl(dataDir.resolve("microjam.db")))) {
            PerformanceStore store = new PerformanceStore(db);
            List<UUID> missing = new ArrayList<>();
            for (Map.Entry<UUID, String> e : acknowledged.entrySet()) {
                var csv = store.csv(e.getKey());
                if (csv.isEmpty()) missing.add(e.getKey());
                else assertThat(csv.get()).isEqualTo(e.getValue());
            }
            assertThat(missing).as("acknowledged but lost").isEmpty();
        }
    }

    static final int CLIENTS = 8, ROUNDS = 5;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void eightClientsUploadingAndKillDashNineAtRandomMomentsLoseNothing(Engine engine) throws Exception {
        Path dataDir = Files.createTempDirectory("microjam-kill");
        String url = engine.freshUrl(dataDir);
        Random random = new Random(Long.getLong("fuzz.seed", 20261129L));
        Map<UUID, String> acknowledged = new ConcurrentHashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            ServerProcess server = ServerProcess.start(dataDir, "--database", url, "--rate-limit-writes", "0");
            Api api = Api.plain(server.base());
            assertThat(missingOrChanged(api, acknowledged)).as("round %d: after the restart", round).isEmpty();
            List<Api.Performer> performers = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) performers.add(api.newPerformer());
            long killAfterMillis = random.nextInt(1200); // counted from the round's first 201, so a slow machine still has uploads in flight
            int before = acknowledged.size();
            try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int c = 0; c < CLIENTS; c++) {
                    Api.Performer me = performers.get(c);
                    int client = c;
                    clients.submit(() -> uploadUntilRefused(api, me, client, acknowledged));
                }
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (acknowledged.size() == before && System.nanoTime() < deadline) Thread.sleep(5);
                Thread.sleep(killAfterMillis);
                server.kill();
            }
            System.out.printf("%s round %d: %d uploads acknowledged before kill -9, %d ms after the first%n", engine, round, acknowledged.size() - before, killAfterMillis);
            assertThat(acknowledged.size() - before).as("round %d: uploads acknowledged before kill -9, %d ms after the first", round, killAfterMillis).isPositive();
        }
        ServerProcess server = ServerProcess.start(dataDir, "--database", url);
        try {
            assertThat(missingOrChanged(Api.plain(server.base()), acknowledged)).as("acknowledged but lost or changed").isEmpty();
        } finally {
            server.close();
        }
        try (Database db = Database.open(url)) {
            if (engine == Engine.SQLITE)
                assertThat(db.jdbi().withHandle(h -> h.createQuery("PRAGMA integrity_check").mapTo(String.class).one()).toString()).isEqualTo("ok");
            // Nothing half-written: every stored performance, acknowledged or caught mid-flight, is whole.
            List<Map<String, Object>> rows = db.jdbi().withHandle(h -> h.createQuery("SELECT id, touch_count, touches FROM performance").mapToMap().list());
            assertThat(rows.size()).isGreaterThanOrEqualTo(acknowledged.size());
            for (Map<String, Object> row : rows) {
                Touches touches = TouchCsv.read((String) row.get("touches"));
                assertThat(touches.size()).as("row %s", row.get("id")).isEqualTo(((Number) row.get("touch_count")).intValue());
            }
        }
    }

    private static void uploadUntilRefused(Api api, Api.Performer me, int client, Map<UUID, String> acknowledged) {
        for (int i = 0; ; i++) {
            String csv = TouchCsv.write(TouchCsv.read(Api.sampleCsv(20 + (client * 31 + i) % 150)));
            Api.Response r;
            try {
                r = api.publish(me, "drums", csv, null);
            } catch (RuntimeException killed) {
                return;
            }
            if (r.status() != 201) throw new AssertionError("upload refused before the kill: " + r.status() + " " + r.text());
            acknowledged.put(UUID.fromString(r.json().get("id").asText()), csv);
        }
    }

    private static List<UUID> missingOrChanged(Api api, Map<UUID, String> acknowledged) {
        List<UUID> wrong = new ArrayList<>();
        acknowledged.forEach((id, csv) -> {
            Api.Response r = api.get("/api/performances/" + id + ".csv");
            if (r.status() != 200 || !r.text().equals(csv)) wrong.add(id);
        });
        return wrong;
    }
}
