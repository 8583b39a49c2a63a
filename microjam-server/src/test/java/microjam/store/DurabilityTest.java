// A performance acknowledged with 201 survives the server process being killed with kill -9 the next
// instant: SQLite runs in WAL mode with synchronous=FULL.
package microjam.store;

import microjam.performance.TouchCsv;
import microjam.testing.Api;
import microjam.testing.ServerProcess;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
}
