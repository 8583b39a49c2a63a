// RoboJam keeps nothing: a real server process answers RoboJam requests, and afterwards neither its
// log nor its database holds the call or the response.
package microjam.web;

import microjam.performance.TouchCsv;
import microjam.store.Database;
import microjam.testing.Api;
import microjam.testing.DatabaseSnapshot;
import microjam.testing.ServerProcess;
import microjam.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RoboJamPrivacyTest {
    @Test
    void neitherTheLogNorTheDatabaseHoldsACallOrAResponse() throws Exception {
        Path dir = Files.createTempDirectory("microjam-private");
        String call = "time,x,y,z,moving\n0.000000, 0.314159, 0.271828, 11.111111, 0\n0.050000, 0.333333, 0.277777, 11.111111, 1\n";
        String response;
        Map<String, java.util.List<String>> before;
        try (ServerProcess server = ServerProcess.withTestModel(dir)) {
            Api api = Api.plain(server.base());
            api.newPerformer(); // the database holds something, which must stay exactly as it is
            try (Database db = Database.open(Database.sqliteUrl(dir.resolve("microjam.db")))) {
                before = DatabaseSnapshot.of(db);
            }
            response = api.post("/api/predict", null, Map.of("perf", call)).json().get("response").asText();
            assertThat(api.post("/api/robojam", null, Map.of("touches", call, "seed", 9)).status()).isEqualTo(200);
        }
        String log = Files.readString(dir.resolve("server.log"));
        assertThat(log).contains("RoboJam: model " + TestServer.MODEL.name()); // the log was captured
        for (String number : new String[]{"0.314159", "0.271828", "11.111111"}) assertThat(log).doesNotContain(number);
        for (String line : TouchCsv.write(TouchCsv.read(response)).lines().skip(1).toList()) assertThat(log).doesNotContain(line);
        try (Database db = Database.open(Database.sqliteUrl(dir.resolve("microjam.db")))) {
            assertThat(DatabaseSnapshot.of(db)).isEqualTo(before);
        }
    }
}
