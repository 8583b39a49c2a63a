// The disk under the SQLite file fills up: uploads are refused with a clear 507 and nothing half-saved,
// reads go on, the database stays intact, and writes work again once space is freed, without a restart.
// The disk is a real 2 MB tmpfs, so this needs root with the right to mount (skipped otherwise).
package microjam.store;

import microjam.performance.Performer;
import microjam.performance.TouchCsv;
import microjam.testing.Api;
import microjam.testing.ServerProcess;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DiskFullTest {
    @Test
    void aFullDiskRefusesWritesClearlyAndCorruptsNothing() throws Exception {
        Path dataDir = Files.createTempDirectory("microjam-full");
        Path disk = Files.createDirectories(dataDir.resolve("disk"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", disk.toString()),
                "skipped: needs to mount a 2 MB tmpfs as the full disk (root with CAP_SYS_ADMIN)");
        try {
            String url = Database.sqliteUrl(disk.resolve("microjam.db"));
            Map<UUID, String> acknowledged = new LinkedHashMap<>();
            ServerProcess server = ServerProcess.start(dataDir, "--database", url, "--rate-limit-writes", "0");
            try {
                Api api = Api.plain(server.base());
                Api.Performer ada = api.newPerformer();
                Api.Response refused = null;
                for (int i = 0; i < 5_000 && refused == null; i++) {
                    String csv = TouchCsv.write(TouchCsv.read(Api.sampleCsv(200)));
                    Api.Response r = api.publish(ada, "keys", csv, null);
                    if (r.status() == 201) acknowledged.put(UUID.fromString(r.json().get("id").asText()), csv);
                    else refused = r;
                }
                assertThat(acknowledged).as("uploads before the disk filled").isNotEmpty();
                assertThat(refused).as("the disk filled up").isNotNull();
                assertThat(refused.status()).isEqualTo(507);
                assertThat(refused.json().get("error").asText()).contains("storage is full").contains("nothing was saved");
                // The same upload again: a smaller one may still fit in what is left, which is no error.
                assertThat(api.publish(ada, "keys", TouchCsv.write(TouchCsv.read(Api.sampleCsv(200))), null).status()).as("still full").isEqualTo(507);

                assertThat(api.get("/health").status()).isEqualTo(200);
                assertThat(api.get("/api/performances?view=all").status()).as("reads go on").isEqualTo(200);
                UUID first = acknowledged.keySet().iterator().next();
                assertThat(api.get("/api/performances/" + first + ".csv").text()).isEqualTo(acknowledged.get(first));
                assertThat(Files.readString(dataDir.resolve("server.log"))).contains("event=storage_full method=POST route=/api/performances cause=");

                assertThat(run("mount", "-o", "remount,size=64m", disk.toString())).as("space freed").isTrue();
                String csv = TouchCsv.write(TouchCsv.read(Api.sampleCsv(30)));
                Api.Response after = api.publish(ada, "keys", csv, null);
                assertThat(after.status()).as("writes work again without a restart").isEqualTo(201);
                acknowledged.put(UUID.fromString(after.json().get("id").asText()), csv);
            } finally {
                server.kill();
            }
            try (Database db = Database.open(url)) {
                assertThat(db.jdbi().withHandle(h -> h.createQuery("PRAGMA integrity_check").mapTo(String.class).one()).toString()).isEqualTo("ok");
                PerformanceStore store = new PerformanceStore(db);
                acknowledged.forEach((id, csv) -> assertThat(store.csv(id)).as("acknowledged %s", id).contains(csv));
                assertThat(store.all()).as("nothing that was refused was kept").hasSize(acknowledged.size());
            }
        } finally {
            run("umount", "-l", disk.toString());
        }
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor() == 0;
    }
}
