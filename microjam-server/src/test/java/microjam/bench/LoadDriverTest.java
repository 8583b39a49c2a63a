// The load generator: its mixes parse as documented, and a short run against a real server drives
// every route of the default mix without an error and reads the server's memory from /metrics.
package microjam.bench;

import microjam.testing.Engine;
import microjam.testing.TestServer;
import microjam.web.RateLimits;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadDriverTest {
    @Test
    void mixesParseAsDocumented() {
        assertThat(LoadMix.parse("default").weights()).hasSize(Route.values().length).containsEntry(Route.FEED, 45).containsEntry(Route.ROBOJAM, 2);
        assertThat(LoadMix.parse("feed").weights()).isEqualTo(Map.of(Route.FEED, 1));
        assertThat(LoadMix.parse("feed=70, upload=30").weights()).isEqualTo(Map.of(Route.FEED, 70, Route.UPLOAD, 30));
        assertThat(LoadMix.parse("default,robojam=0").weights()).doesNotContainKey(Route.ROBOJAM).containsEntry(Route.FEED, 45);
        assertThatThrownBy(() -> LoadMix.parse("feeds")).hasMessageContaining("unknown route 'feeds'");
        assertThatThrownBy(() -> LoadMix.parse("feed=x")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> LoadMix.parse("feed=0")).hasMessageContaining("names no route");
    }

    @Test
    void aShortRunDrivesEveryRouteWithoutErrorsAndReadsTheServersMemory() throws Exception {
        try (TestServer server = TestServer.start(Engine.SQLITE, false)) {
            var settings = new LoadDriver.Settings(URI.create("http://127.0.0.1:" + server.server.httpPort()), LoadMix.parse("default"), 4, 3, 0, 7);
            LoadDriver.Result result = new LoadDriver(settings).run(new PrintWriter(new StringWriter()));
            assertThat(result.routes()).extracting(s -> s.route).containsExactly(Route.values());
            for (RouteStats s : result.routes()) {
                assertThat(s.requests()).as(s.route.label()).isPositive();
                assertThat(s.errors()).as(s.route.label() + ": " + s.firstError()).isZero();
                assertThat(s.millisAt(50)).isPositive().isLessThanOrEqualTo(s.maxMillis());
            }
            assertThat(result.timeline()).hasSize(3);
            assertThat(result.maxHeapMb()).isPositive();
            assertThat(result.maxRssMb()).as("RSS from /proc, on Linux").isGreaterThan(result.maxHeapMb() / 4);

            StringWriter printed = new StringWriter();
            LoadReport.print(result, new PrintWriter(printed));
            assertThat(printed.toString()).contains("feed-next", "p99.9 ms", "resident set up to");
            Path dir = Files.createTempDirectory("load");
            LoadReport.write(result, dir);
            assertThat(Files.readAllLines(dir.resolve("load.csv"))).hasSize(4).first().asString().startsWith("second,feed,");
            assertThat(Files.size(dir.resolve("load.png"))).isPositive();
        }
    }

    @Test
    void aServerSheddingLoadIsCountedAsRefusingNotAsFailing() throws Exception {
        // An overloaded RoboJam (503) or a rate limit (429) says "try again later", as designed: a run that meets it
        // reports the refusals in their own column, and only real failures as errors.
        try (TestServer server = TestServer.withRateLimits(Engine.SQLITE, new RateLimits.Config(0, 0, 0, 40))) {
            var settings = new LoadDriver.Settings(URI.create("http://127.0.0.1:" + server.server.httpPort()), LoadMix.parse("feed"), 2, 2, 0, 3);
            LoadDriver.Result result = new LoadDriver(settings).run(new PrintWriter(new StringWriter()));
            RouteStats feed = result.routes().getFirst();
            assertThat(feed.refusals()).as("feed pages past 40 a minute from one address").isPositive();
            assertThat(feed.requests()).isGreaterThan(feed.refusals());
            assertThat(result.errors()).as(feed.firstError()).isZero();
            StringWriter printed = new StringWriter();
            LoadReport.print(result, new PrintWriter(printed));
            assertThat(printed.toString()).contains("refused", "first refusal on feed (the server shedding load; not an error): 429");
        }
    }

    @Test
    void severalServersShareTheLoadAndTheReportGivesEachAndAllTogether() throws Exception {
        java.util.List<TestServer> cluster = TestServer.cluster(3);
        try {
            java.util.List<URI> servers = cluster.stream().map(s -> URI.create("http://127.0.0.1:" + s.server.httpPort())).toList();
            // 7 connections over 3 servers: 3, 2 and 2. Uploads on one are read as pages, layers and pictures on the others.
            var settings = new LoadDriver.Settings(servers, LoadMix.parse("feed=30,performance=30,picture=10,upload=20,reply=10"), 7, 3, 0, 11);
            LoadDriver.Result result = new LoadDriver(settings).run(new PrintWriter(new StringWriter()));
            assertThat(result.servers()).extracting(LoadDriver.Server::base).containsExactlyElementsOf(servers);
            for (LoadDriver.Server server : result.servers()) {
                assertThat(server.requests()).as(server.base() + " answered").isPositive();
                assertThat(server.errors()).as(server.base() + ": " + server.routes().stream().map(RouteStats::firstError).toList()).isZero();
                assertThat(server.maxRssMb()).as("each server's own memory").isPositive();
            }
            for (RouteStats total : result.routes()) {
                long perServer = result.servers().stream().flatMap(s -> s.routes().stream()).filter(s -> s.route == total.route).mapToLong(RouteStats::requests).sum();
                assertThat(total.requests()).as(total.route.label() + ", all servers together").isEqualTo(perServer).isPositive();
                assertThat(total.maxMillis()).isEqualTo(result.servers().stream().flatMap(s -> s.routes().stream())
                        .filter(s -> s.route == total.route).mapToDouble(RouteStats::maxMillis).max().orElseThrow());
            }
            assertThat(result.timeline()).allSatisfy(second -> assertThat(second.memory()).hasSize(3));

            StringWriter printed = new StringWriter();
            LoadReport.print(result, new PrintWriter(printed));
            assertThat(printed.toString()).contains("server " + servers.get(0) + " (3 connections)", "server " + servers.get(2) + " (2 connections)",
                    "all 3 servers together");
            Path dir = Files.createTempDirectory("load");
            LoadReport.write(result, dir);
            assertThat(Files.readAllLines(dir.resolve("load.csv")).getFirst()).endsWith(",heap_mb_1,rss_mb_1,heap_mb_2,rss_mb_2,heap_mb_3,rss_mb_3");
        } finally {
            cluster.forEach(TestServer::close);
        }
    }
}
