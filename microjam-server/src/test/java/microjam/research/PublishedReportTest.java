// Promise 6 for research: the published report (/research-report/) never holds a row of one performance,
// every group in it covers enough performances and performers, and a report built from a performance that
// is then deleted (alone, or with its performer's account) is withdrawn at once. Real HTTP against a real
// server on each engine; the report is built by `microjam research compare` against the same database.
package microjam.research;

import microjam.cli.MainAccess;
import microjam.robojam.ModelFile;
import microjam.testing.Api;
import microjam.testing.Engine;
import microjam.testing.TestServer;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@org.junit.jupiter.params.ParameterizedClass
@org.junit.jupiter.params.provider.EnumSource(Engine.class)
class PublishedReportTest {
    @org.junit.jupiter.params.Parameter
    Engine engine;
    @TempDir
    Path temp;

    static final String REPORT = "/research-report/";

    @Test
    void aDeletedPerformanceOrPerformerWithdrawsTheReportAndNoRowOfOnePerformanceIsEverPublished() throws Exception {
        try (TestServer server = TestServer.withResearchReport(engine)) {
            Api api = server.http();
            Path model = temp.resolve("model.mjm");
            ModelFile.write(TestServer.MODEL, model);
            // Four performers take turns: 12 drums and 12 keys performances from four people each, and one
            // chirp performance, a group of one that must never be published.
            List<Api.Performer> performers = List.of(api.newPerformer(), api.newPerformer(), api.newPerformer(), api.newPerformer());
            Random random = new Random(7);
            for (int round = 0; round < 3; round++)
                for (Api.Performer p : performers) {
                    api.publishOk(p, "drums", csv(random, 30 + random.nextInt(30), false), null);
                    api.publishOk(p, "keys", csv(random, 60 + random.nextInt(30), true), null);
                }
            Api.Performer ada = performers.getFirst(), dee = performers.getLast();
            UUID loneChirp = api.publishOk(ada, "chirp", csv(random, 40, true), null);

            build(server, model);
            assertThat(api.get(REPORT + "index.html").status()).isEqualTo(200);
            List<String> published = reportFiles(server);
            SoftAssertions before = new SoftAssertions();
            for (String file : published) before.assertThat(api.get(REPORT + file).status()).as("served: %s", file).isEqualTo(200);
            before.assertThat(api.get(REPORT + "features.csv").status()).as("a CSV with a row per performance").isEqualTo(404);
            before.assertThat(api.get(REPORT + "heatmap-chirp.png").status()).as("the heat map of a group of one").isEqualTo(404);
            String summary = api.get(REPORT + "summary.csv").text();
            before.assertThat(summary).as("summary rows of the group of one").doesNotContain("chirp");
            before.assertThat(api.get(REPORT + "index.html").text()).as("the report says which group it left out and why")
                    .contains("chirp").contains("suppressed").contains("at least " + Disclosure.MIN_PERFORMANCES + " performances");
            before.assertAll();

            // Ada deletes her lone chirp performance: the report built from it is withdrawn at once.
            long stored = count(server);
            assertThat(api.delete("/api/performances/" + loneChirp, ada.token()).status()).isEqualTo(204);
            assertThat(reportFiles(server)).as("withdrawn by the deletion itself, before anyone asks for the report").isEmpty();
            assertWithdrawn(api, server, published);
            assertThat(count(server)).as("nothing else stored is lost").isEqualTo(stored - 1);

            // Rebuilt without it; then Dee deletes her account, which withdraws that report too.
            build(server, model);
            assertThat(api.get(REPORT + "index.html").text()).contains("24 public performances");
            published = reportFiles(server);
            assertThat(api.delete("/api/me", dee.token()).status()).isEqualTo(204);
            assertThat(reportFiles(server)).as("withdrawn by the account's deletion itself").isEmpty();
            assertWithdrawn(api, server, published);

            // Rebuilt once more: 9 drums and 9 keys performances are left, fewer than a group needs: both suppressed.
            build(server, model);
            String html = api.get(REPORT + "index.html").text();
            assertThat(html).contains("18 public performances").contains("drums").contains("keys").contains("suppressed");
            assertThat(api.get(REPORT + "summary.csv").text().lines().skip(1)).noneMatch(row -> row.startsWith("drums,") || row.startsWith("keys,"));
            assertThat(api.get(REPORT + "heatmap-drums.png").status()).isEqualTo(404);
        }
    }

    @Test
    void aDeletionThroughAnotherServerOnTheSameDatabaseWithdrawsTheReportWhenItIsNextAskedFor() throws Exception {
        try (TestServer server = TestServer.withResearchReport(engine)) {
            Api api = server.http();
            Api.Performer ada = api.newPerformer();
            UUID only = api.publishOk(ada, "drums", csv(new Random(1), 30, false), null);
            assertThat(MainAccess.run("research", "compare", "--out", server.researchDir.toString(), "--database", server.databaseUrl,
                    "--robojam-calls", "0")).isZero();
            assertThat(api.get(REPORT + "index.html").text()).contains("1 public performance.").contains("drums: suppressed");
            List<String> published = reportFiles(server);
            // Not through this server's API (no deletion for it to notice): as another server sharing PostgreSQL would.
            try (microjam.store.Database other = microjam.store.Database.open(server.databaseUrl)) {
                new microjam.store.PerformanceStore(other).delete(only, ada.id());
            }
            assertThat(reportFiles(server)).as("not yet noticed").isNotEmpty();
            assertWithdrawn(api, server, published);
            assertThat(api.get(REPORT + "index.html").json().get("error").asText()).contains("microjam research compare");
        }
    }

    @Test
    void aReportFromBeforeReportsRecordedTheirPerformancesIsRemovedAtStart() throws Exception {
        Path dir = temp.resolve("research");
        Files.createDirectories(dir);
        for (String old : List.of("index.html", "features.csv", "summary.csv", "pairwise.csv", "heatmap-keys.png")) Files.writeString(dir.resolve(old), "old");
        Files.writeString(dir.resolve("notes.txt"), "not the report's");
        try (microjam.store.Database db = engine.openFresh()) {
            new PublishedReport(dir, db).sweep();
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(f -> f.getFileName().toString())).containsExactly("notes.txt");
        }
    }

    private void build(TestServer server, Path model) {
        assertThat(MainAccess.run("research", "compare", "--by", "instrument", "--out", server.researchDir.toString(),
                "--database", server.databaseUrl, "--robojam-calls", "12", "--robojam-model", model.toString())).isZero();
    }

    private static void assertWithdrawn(Api api, TestServer server, List<String> published) throws Exception {
        SoftAssertions after = new SoftAssertions();
        for (String file : published) after.assertThat(api.get(REPORT + file).status()).as("still served: %s", file).isEqualTo(404);
        // The same file asked for by other spellings of its path.
        for (String path : List.of("/%72esearch-report/index.html", "/research-report/./index.html", "/research-report/x/../index.html"))
            after.assertThat(api.get(path).status()).as(path).isNotEqualTo(200);
        after.assertThat(reportFiles(server)).as("the report's files are gone from the server's disk too").isEmpty();
        after.assertAll();
        // Everyone else is still served.
        long start = System.nanoTime();
        assertThat(api.get("/health").status()).isEqualTo(200);
        assertThat(api.get("/api/performances").status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    private static List<String> reportFiles(TestServer server) throws Exception {
        if (!Files.isDirectory(server.researchDir)) return List.of();
        try (Stream<Path> files = Files.list(server.researchDir)) {
            return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static long count(TestServer server) {
        return server.database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM performance").mapTo(Long.class).one());
    }

    /** A performance of n touches; keys-like ones swipe along a band, drums-like ones tap all over. */
    static String csv(Random random, int n, boolean swipes) {
        StringBuilder csv = new StringBuilder("time,x,y,z,moving\n");
        for (int k = 0; k < n; k++)
            csv.append(String.format(Locale.ROOT, "%f, %f, %f, 20, %d%n", k * 0.05 + random.nextDouble() * 0.01, random.nextDouble(),
                    swipes ? 0.3 + 0.1 * random.nextDouble() : random.nextDouble(), swipes && k % 10 != 0 ? 1 : 0));
        return csv.toString();
    }
}
