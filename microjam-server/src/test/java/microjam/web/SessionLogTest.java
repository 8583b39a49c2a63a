// Promise: the logs hold no personal data. A real server process serves a whole session (sign-up,
// avatar, publishing, feed, RoboJam, export, deletion); its log then holds an access line per request
// and no token, no address, no stage name and no touch data.
package microjam.web;

import microjam.testing.Api;
import microjam.testing.ServerProcess;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SessionLogTest {
    @Test
    void aWholeSessionLeavesNoPersonalDataInTheLog() throws Exception {
        Path dir = Files.createTempDirectory("microjam-log");
        String csv = "time,x,y,z,moving\n0.000000, 0.123457, 0.765432, 13.131313, 0\n0.050000, 0.234568, 0.765432, 13.131313, 1\n";
        String token;
        String stageName;
        try (ServerProcess server = ServerProcess.withTestModel(dir)) {
            Api api = Api.plain(server.base());
            Api.Performer ada = api.newPerformer();
            token = ada.token();
            stageName = ada.stageName();
            assertThat(api.putBytes("/api/me/avatar", token, "image/png", AccountApiTest.pngOf()).status()).isEqualTo(200);
            UUID id = api.publishOk(ada, "drums", csv, null);
            assertThat(api.get("/api/performances?limit=5").status()).isEqualTo(200);
            assertThat(api.get("/api/performances/" + id + ".png").status()).isEqualTo(200);
            assertThat(api.post("/api/robojam", null, Map.of("touches", csv, "seed", 4)).status()).isEqualTo(200);
            assertThat(api.get("/api/me/export", token).status()).isEqualTo(200);
            assertThat(api.get("/api/me", "wrong-token").status()).isEqualTo(401);
            assertThat(api.delete("/api/me", token).status()).isEqualTo(204);
        }
        String log = Files.readString(dir.resolve("server.log"));
        assertThat(log).contains("request method=POST route=/api/performers status=201")
                .contains("request method=POST route=/api/performances status=201")
                .contains("request method=GET route=/api/performances/{ref} status=200")
                .contains("request method=DELETE route=/api/me status=204");
        for (String line : log.lines().filter(l -> l.matches("^\\S+ \\w+ microjam\\..*")).toList())
            assertThat(line).as("our lines are logfmt").matches("^\\S+ (INFO|WARN|ERROR) microjam\\.\\S+ - event=\\w+( \\w+=(\"([^\"\\\\]|\\\\.)*\"|[^ \"]+))*$");
        assertThat(log).doesNotContain(token).doesNotContain("wrong-token").doesNotContain("Bearer")
                .doesNotContain(stageName).doesNotContain("127.0.0.1").doesNotContain("0:0:0:0")
                .doesNotContain("0.123457").doesNotContain("13.131313");
    }
}
