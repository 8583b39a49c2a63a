// PostgreSQL going away makes requests fail fast with 503; when it is back the server recovers by
// itself, without a restart.
package microjam.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import microjam.testing.Api;
import microjam.testing.ServerProcess;
import microjam.web.ServerConfig;
import microjam.web.Tls;
import microjam.web.WebServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseOutageTest {
    @Test
    void postgresStoppedMeans503AndStartedAgainMeansBackToWork() throws Exception {
        Path data = Files.createTempDirectory("pg-outage");
        int port = ServerProcess.freePort();
        EmbeddedPostgres postgres = start(data, port); // keeps its data directory when stopped
        Path dir = Files.createTempDirectory("server");
        try (Database db = Database.open(postgres.getJdbcUrl("postgres", "postgres"))) {
            WebServer server = WebServer.start(new ServerConfig("127.0.0.1", 0, 0, false, Tls.selfSigned(dir)), db);
            try {
                Api api = Api.plain("http://127.0.0.1:" + server.httpPort());
                assertThat(api.get("/api/performances").status()).isEqualTo(200); // the World's first page: cached now
                String uncached = "/api/performances/" + java.util.UUID.randomUUID(); // 404 while the database answers
                assertThat(api.get(uncached).status()).isEqualTo(404);
                postgres.close();
                long started = System.nanoTime();
                Api.Response down = api.get(uncached);
                double seconds = (System.nanoTime() - started) / 1e9;
                assertThat(down.status()).isEqualTo(503);
                assertThat(down.header("Retry-After")).isEqualTo("5");
                assertThat(down.json().get("error").asText()).contains("database is unavailable");
                assertThat(seconds).as("fails fast, within the pool's 2 s wait").isLessThan(10);
                assertThat(api.get("/health").status()).isEqualTo(503);
                // A cached page is not served on trust while the database cannot say what changed (a deletion on
                // another server, say): within a failed poll (its 2 s wait for a connection), it is 503 too.
                long deadline503 = System.nanoTime() + 10_000_000_000L;
                while (api.get("/api/performances").status() != 503) {
                    assertThat(System.nanoTime()).as("the cached first page still served during the outage").isLessThan(deadline503);
                    Thread.sleep(50);
                }

                postgres = start(data, port);
                long deadline = System.nanoTime() + 30_000_000_000L;
                int status = 0;
                while (System.nanoTime() < deadline && (status = api.get("/api/performances").status()) != 200) Thread.sleep(200);
                assertThat(status).as("recovered without a restart").isEqualTo(200);
                assertThat(api.newPerformer().token()).isNotBlank();
            } finally {
                server.close();
            }
        } finally {
            postgres.close();
        }
    }

    private static EmbeddedPostgres start(Path data, int port) throws java.io.IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }
}
