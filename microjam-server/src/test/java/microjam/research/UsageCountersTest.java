// The anonymous RoboJam counters lose nothing: requests counted from many threads while flushes run
// all reach the database, and counts from a flush that failed are kept for the next one.
package microjam.research;

import microjam.store.Database;
import microjam.testing.Engine;
import org.junit.jupiter.api.Test;

import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsageCountersTest {
    @Test
    void countsRecordedWhileFlushingAreAllKept() throws Exception {
        try (Database db = Engine.SQLITE.openFresh(); UsageCounters counters = new UsageCounters(db)) {
            try (var pool = Executors.newFixedThreadPool(4)) {
                for (int t = 0; t < 4; t++)
                    pool.submit(() -> {
                        for (int i = 0; i < 5_000; i++) counters.record("drums", "m", 100, 90, i % 400);
                    });
                pool.submit(() -> {
                    for (int i = 0; i < 50; i++) counters.flush();
                });
            }
            var rows = counters.rows();
            assertThat(rows).hasSize(1);
            assertThat(rows.getFirst().requests()).isEqualTo(20_000);
            assertThat(rows.getFirst().latency().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(20_000);
        }
    }

    @Test
    void eachRequestFallsInTheLatencyBucketOfItsTimeAndTheMeansAreExact() throws Exception {
        try (Database db = Engine.SQLITE.openFresh(); UsageCounters counters = new UsageCounters(db)) {
            // A bucket holds times from its lower bound up to, not including, its upper one.
            double[] millis = {0, 9.999, 10, 29.9, 30, 99, 100, 300, 999.9, 1000, 60_000};
            for (int i = 0; i < millis.length; i++) counters.record("keys", "m", 2 + i % 2, 7 * (i + 1), millis[i]);
            var row = counters.rows().getFirst();
            assertThat(row.latency()).containsExactly(java.util.Map.entry("under_10ms", 2L), java.util.Map.entry("under_30ms", 2L),
                    java.util.Map.entry("under_100ms", 2L), java.util.Map.entry("under_300ms", 1L), java.util.Map.entry("under_1s", 2L),
                    java.util.Map.entry("over_1s", 2L));
            assertThat(row.requests()).isEqualTo(11);
            assertThat(row.meanCallTouches()).isEqualTo((6 * 2 + 5 * 3) / 11.0);
            assertThat(row.meanResponseTouches()).isEqualTo(7 * 66 / 11.0);
        }
    }

    @Test
    void countsOfAFailedFlushWaitForTheNextOne() throws Exception {
        Database db = Engine.SQLITE.openFresh();
        UsageCounters counters = new UsageCounters(db);
        counters.record("keys", "m", 10, 10, 5);
        db.jdbi().useHandle(h -> h.execute("ALTER TABLE robojam_usage RENAME TO robojam_usage_away"));
        assertThatThrownBy(counters::flush).isInstanceOf(RuntimeException.class);
        db.jdbi().useHandle(h -> h.execute("ALTER TABLE robojam_usage_away RENAME TO robojam_usage"));
        counters.record("keys", "m", 10, 10, 5);
        assertThat(counters.rows().getFirst().requests()).isEqualTo(2);
        counters.close();
        db.close();
    }

    /** Counts reach the database by themselves within seconds, and whatever is left at shutdown is written then. */
    @Test
    void countsReachTheDatabaseInTheBackgroundAndAtClose() throws Exception {
        try (Database db = Engine.SQLITE.openFresh()) {
            UsageCounters counters = new UsageCounters(db);
            counters.record("pad", "m", 10, 10, 5);
            long stored = 0;
            for (long deadline = System.nanoTime() + 15_000_000_000L; stored == 0 && System.nanoTime() < deadline; Thread.sleep(250))
                stored = requestsInTheTable(db);
            assertThat(stored).as("flushed in the background, nobody asking").isEqualTo(1);
            counters.record("pad", "m", 10, 10, 5);
            counters.close();
            assertThat(requestsInTheTable(db)).as("flushed at close").isEqualTo(2);
        }
    }

    private static long requestsInTheTable(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COALESCE(SUM(requests), 0) FROM robojam_usage").mapTo(Long.class).one());
    }
}
