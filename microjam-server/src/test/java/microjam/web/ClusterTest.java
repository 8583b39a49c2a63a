// Several servers on one PostgreSQL act as one (issue 20): three servers of their own on one database, as
// behind a load balancer. What one writes, the others read at once; what one deletes, every one stops serving
// within a second, its picture included though the others had cached it; one performer's writes spread over all
// of them meet one limit; one server killed with kill -9 in the middle of uploads through all three loses no
// acknowledged upload, and the other two keep answering.
package microjam.web;

import microjam.testing.Api;
import microjam.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterTest {
    @Test
    void aDeletionOnOneServerIsHonouredByEveryServerWithinASecond() throws Exception {
        List<TestServer> cluster = TestServer.cluster(3);
        try {
            List<Api> servers = cluster.stream().map(TestServer::http).toList();
            Api a = servers.get(0);
            Api.Performer ada = a.newPerformer();
            UUID id = a.publishOk(ada, "keys", Api.sampleCsv(30), null);
            byte[] picture = null;
            String world = "/api/performances?view=all&limit=20"; // the World's first page: each server caches it
            for (Api server : servers) { // read everywhere at once, and each server caches the picture and the page
                assertThat(server.get("/api/performances/" + id).status()).isEqualTo(200);
                assertThat(server.get(world).text()).contains(id.toString());
                Api.Response png = server.get("/api/performances/" + id + ".png");
                assertThat(png.status()).isEqualTo(200);
                if (picture == null) picture = png.body();
                assertThat(png.body()).isEqualTo(picture);
            }

            long deleted = System.nanoTime();
            assertThat(servers.get(1).delete("/api/performances/" + id, ada.token()).status()).isEqualTo(204);
            long[] goneAfter = new long[servers.size()];
            for (int i = 0; i < servers.size(); i++) {
                Api server = servers.get(i);
                while (server.get("/api/performances/" + id + ".png").status() != 404) {
                    assertThat(System.nanoTime() - deleted).as("server %d still serves the deleted picture", i).isLessThan(1_000_000_000L);
                    Thread.sleep(10);
                }
                while (server.get(world).text().contains(id.toString())) {
                    assertThat(System.nanoTime() - deleted).as("server %d still lists the deleted performance", i).isLessThan(1_000_000_000L);
                    Thread.sleep(10);
                }
                goneAfter[i] = (System.nanoTime() - deleted) / 1_000_000;
                assertThat(server.get("/api/performances/" + id).status()).isEqualTo(404);
                assertThat(server.get("/api/performances?view=all&performer=" + ada.id()).json().get("items")).isEmpty();
            }
            System.out.printf("deleted on server 1: the picture and the World's page entry gone from servers 0, 1, 2 after %d, %d, %d ms%n", goneAfter[0], goneAfter[1], goneAfter[2]);

            // Published on one: in every server's World within a second, though each had its page cached.
            long published = System.nanoTime();
            UUID next = servers.get(2).publishOk(ada, "drums", Api.sampleCsv(12), null);
            long[] shownAfter = new long[servers.size()];
            for (int i = 0; i < servers.size(); i++) {
                while (!servers.get(i).get(world).text().contains(next.toString())) {
                    assertThat(System.nanoTime() - published).as("server %d does not list the new performance", i).isLessThan(1_000_000_000L);
                    Thread.sleep(10);
                }
                shownAfter[i] = (System.nanoTime() - published) / 1_000_000;
            }
            System.out.printf("published on server 2: in the World of servers 0, 1, 2 after %d, %d, %d ms%n", shownAfter[0], shownAfter[1], shownAfter[2]);
            // A new stage name too (a profile change): the World's page on every server says it within a second.
            assertThat(servers.get(0).put("/api/me", ada.token(), java.util.Map.of("stageName", "Ada Renamed")).status()).isEqualTo(200);
            long renamed = System.nanoTime();
            for (int i = 0; i < servers.size(); i++)
                while (!servers.get(i).get(world).text().contains("Ada Renamed")) {
                    assertThat(System.nanoTime() - renamed).as("server %d shows the old name", i).isLessThan(1_000_000_000L);
                    Thread.sleep(10);
                }
        } finally {
            cluster.forEach(TestServer::close);
        }
    }

    @Test
    void onePerformersWritesSpreadOverEveryServerMeetOneLimit() {
        int limit = 12; // writes a minute: refilled one every 5 s, so the few seconds this takes add at most one or two
        List<TestServer> cluster = TestServer.cluster(3, new microjam.web.RateLimits.Config(limit, 0, 0, 0));
        try {
            List<Api> servers = cluster.stream().map(TestServer::http).toList();
            Api.Performer ada = servers.get(0).newPerformer();
            long start = System.nanoTime();
            int allowed = 0, refused = 0;
            for (int i = 0; i < 30; i++) { // each server alone would allow 12, together 36: more than these 30
                Api.Response r = servers.get(i % 3).put("/api/me", ada.token(), java.util.Map.of("colour", i % 2 == 0 ? "#336699" : "#993366"));
                if (r.status() == 200) allowed++;
                else {
                    assertThat(r.status()).as(r.text()).isEqualTo(429);
                    assertThat(r.header("Retry-After")).isNotNull();
                    refused++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("one performer's 30 writes over 3 servers in %.1f s: %d allowed, %d refused (limit %d a minute)%n", seconds, allowed, refused, limit);
            assertThat(allowed).isBetween(limit, limit + (int) Math.ceil(seconds * limit / 60.0));
            // Another performer has a bucket of their own.
            Api.Performer bo = servers.get(1).newPerformer();
            assertThat(servers.get(2).put("/api/me", bo.token(), java.util.Map.of("colour", "#336699")).status()).isEqualTo(200);
        } finally {
            cluster.forEach(TestServer::close);
        }
    }

    @Test
    void serversStartingTogetherMigrateOnceAndTheirUsageCountersAddUp() {
        List<TestServer> cluster = TestServer.cluster(3); // started all at once
        String url = cluster.getFirst().databaseUrl;
        try {
            var twice = cluster.getFirst().database.jdbi().withHandle(h -> h.createQuery(
                    "SELECT version FROM flyway_schema_history GROUP BY version HAVING COUNT(*) > 1").mapTo(String.class).list());
            assertThat(twice).as("migrations applied more than once").isEmpty();
            for (TestServer server : cluster)
                for (int i = 0; i < 2; i++)
                    assertThat(server.http().post("/api/robojam", null, java.util.Map.of("touches", Api.sampleCsv(10), "instrument", "keys")).status()).isEqualTo(200);
        } finally {
            cluster.forEach(TestServer::close); // each writes what it counted
        }
        try (microjam.store.Database db = microjam.store.Database.open(url)) {
            long requests = db.jdbi().withHandle(h -> h.createQuery("SELECT SUM(requests) FROM robojam_usage WHERE instrument = 'keys'").mapTo(Long.class).one());
            assertThat(requests).as("RoboJam requests counted by the three servers together").isEqualTo(6);
        }
    }

    @Test
    void killDashNineOfOneServerDuringUploadsThroughAllThreeLosesNothingAndTheOthersKeepAnswering() throws Exception {
        String url = microjam.testing.Engine.POSTGRESQL.freshUrl(java.nio.file.Files.createTempDirectory("microjam-cluster"));
        List<microjam.testing.ServerProcess> servers = new java.util.ArrayList<>();
        try {
            try (var starting = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                List<java.util.concurrent.Future<microjam.testing.ServerProcess>> started = new java.util.ArrayList<>();
                for (int i = 0; i < 3; i++)
                    started.add(starting.submit(() -> microjam.testing.ServerProcess.start(java.nio.file.Files.createTempDirectory("microjam-node"),
                            "--database", url, "--rate-limit-writes", "0")));
                for (var s : started) servers.add(s.get());
            }
            List<Api> apis = servers.stream().map(p -> Api.plain(p.base())).toList();
            Api.Performer ada = apis.get(0).newPerformer();
            java.util.Map<UUID, String> acknowledged = new java.util.concurrent.ConcurrentHashMap<>();
            java.util.concurrent.atomic.AtomicInteger afterKill = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicBoolean killed = new java.util.concurrent.atomic.AtomicBoolean(), stop = new java.util.concurrent.atomic.AtomicBoolean();
            List<String> refusedBySurvivors = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            try (var clients = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                for (int c = 0; c < 6; c++) {
                    int client = c;
                    clients.submit(() -> {
                        for (int i = 0; !stop.get(); i++) {
                            int server = (client + i) % 3;
                            String csv = microjam.performance.TouchCsv.write(microjam.performance.TouchCsv.read(Api.sampleCsv(20 + (client * 31 + i) % 100)));
                            Api.Response r;
                            try {
                                r = apis.get(server).publish(ada, "drums", csv, null);
                            } catch (RuntimeException connectionLost) {
                                if (server != 1 || !killed.get()) refusedBySurvivors.add("server " + server + ": " + connectionLost);
                                continue; // the killed server's connection: this upload may or may not have been stored
                            }
                            if (r.status() != 201) {
                                refusedBySurvivors.add("server " + server + ": " + r.status() + " " + r.text());
                                continue;
                            }
                            acknowledged.put(UUID.fromString(r.json().get("id").asText()), csv);
                            if (killed.get() && server != 1) afterKill.incrementAndGet();
                        }
                    });
                }
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (acknowledged.size() < 30 && System.nanoTime() < deadline) Thread.sleep(5);
                killed.set(true); // (first: an upload to server 1 may fail as soon as the kill begins)
                servers.get(1).kill();
                int at = acknowledged.size();
                while (afterKill.get() < 30 && System.nanoTime() < deadline) Thread.sleep(5);
                stop.set(true);
                System.out.printf("kill -9 of server 1 after %d acknowledged uploads through three servers; the other two then acknowledged %d more%n", at, afterKill.get());
            }
            assertThat(refusedBySurvivors).as("uploads the surviving servers refused or dropped").isEmpty();
            assertThat(afterKill.get()).as("uploads the other servers acknowledged after the kill").isGreaterThanOrEqualTo(30);
            for (Api api : List.of(apis.get(0), apis.get(2))) {
                List<UUID> lost = new java.util.ArrayList<>();
                acknowledged.forEach((id, csv) -> {
                    Api.Response r = api.get("/api/performances/" + id + ".csv");
                    if (r.status() != 200 || !r.text().equals(csv)) lost.add(id);
                });
                assertThat(lost).as("acknowledged but lost or changed, read on " + api.base).isEmpty();
            }
        } finally {
            for (var server : servers) server.close();
        }
    }
}
