// Anonymous RoboJam statistics: each request adds to in-memory counters keyed by day (UTC), instrument
// and model, which are added to the database every few seconds (and before every read and at shutdown).
// Nothing that identifies a person or a performance is ever counted.
package microjam.research;

import microjam.console.LogLine;
import microjam.store.Database;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

public final class UsageCounters implements AutoCloseable {
    public static final String[] LATENCY_BUCKETS = {"under_10ms", "under_30ms", "under_100ms", "under_300ms", "under_1s", "over_1s"};
    private static final double[] BOUNDS_MS = {10, 30, 100, 300, 1000};
    private static final int REQUESTS = 0, CALL = 1, RESPONSE = 2, LATENCY = 3;

    public record Key(String day, String instrument, String model) {
    }

    public record Row(String day, String instrument, String model, long requests, double meanCallTouches,
                      double meanResponseTouches, Map<String, Long> latency) {
    }

    private final Database database;
    private final Map<Key, AtomicLongArray> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "usage-counters");
        t.setDaemon(true);
        return t;
    });

    public UsageCounters(Database database) {
        this.database = database;
        flusher.scheduleWithFixedDelay(this::flushInBackground, 5, 5, TimeUnit.SECONDS);
    }

    // A failed scheduled run would cancel every later one; the counts stay pending for the next try instead.
    private void flushInBackground() {
        try {
            flush();
        } catch (RuntimeException databaseAwayOrFull) {
            org.slf4j.LoggerFactory.getLogger(UsageCounters.class).warn("event=usage_flush_deferred cause={}", LogLine.value(LogLine.cause(databaseAwayOrFull)));
        }
    }

    public void record(String instrument, String model, int callTouches, int responseTouches, double millis) {
        Key key = new Key(LocalDate.now(ZoneOffset.UTC).toString(), instrument == null ? "unknown" : instrument, model);
        int bucket = 0;
        while (bucket < BOUNDS_MS.length && millis >= BOUNDS_MS[bucket]) bucket++;
        long[] counts = new long[LATENCY + LATENCY_BUCKETS.length];
        counts[REQUESTS] = 1;
        counts[CALL] = callTouches;
        counts[RESPONSE] = responseTouches;
        counts[LATENCY + bucket] = 1;
        add(key, counts);
    }

    // Added inside compute, so a flush taking this key's counters (remove) happens wholly before or after.
    private void add(Key key, long[] counts) {
        pending.compute(key, (k, c) -> {
            if (c == null) c = new AtomicLongArray(counts.length);
            for (int i = 0; i < counts.length; i++) c.addAndGet(i, counts[i]);
            return c;
        });
    }

    /** Adds what was counted in memory to the database, in one transaction; if that fails, the counts stay in memory. */
    public synchronized void flush() {
        if (pending.isEmpty()) return;
        List<Map.Entry<Key, long[]>> taken = new ArrayList<>();
        for (Key key : List.copyOf(pending.keySet())) {
            AtomicLongArray c = pending.remove(key);
            long[] values = new long[c.length()];
            for (int i = 0; i < values.length; i++) values[i] = c.get(i);
            taken.add(Map.entry(key, values));
        }
        try {
            store(taken);
        } catch (RuntimeException failed) {
            for (Map.Entry<Key, long[]> e : taken) add(e.getKey(), e.getValue());
            throw failed;
        }
    }

    private void store(List<Map.Entry<Key, long[]>> taken) {
        database.write(h -> {
            for (Map.Entry<Key, long[]> e : taken) {
                long[] v = e.getValue();
                h.createUpdate("""
                                INSERT INTO robojam_usage (day, instrument, model, requests, call_touches, response_touches,
                                    under_10ms, under_30ms, under_100ms, under_300ms, under_1s, over_1s)
                                VALUES (:day, :instrument, :model, :r, :c, :s, :b0, :b1, :b2, :b3, :b4, :b5)
                                ON CONFLICT (day, instrument, model) DO UPDATE SET
                                    requests = robojam_usage.requests + excluded.requests,
                                    call_touches = robojam_usage.call_touches + excluded.call_touches,
                                    response_touches = robojam_usage.response_touches + excluded.response_touches,
                                    under_10ms = robojam_usage.under_10ms + excluded.under_10ms,
                                    under_30ms = robojam_usage.under_30ms + excluded.under_30ms,
                                    under_100ms = robojam_usage.under_100ms + excluded.under_100ms,
                                    under_300ms = robojam_usage.under_300ms + excluded.under_300ms,
                                    under_1s = robojam_usage.under_1s + excluded.under_1s,
                                    over_1s = robojam_usage.over_1s + excluded.over_1s""")
                        .bind("day", e.getKey().day()).bind("instrument", e.getKey().instrument()).bind("model", e.getKey().model())
                        .bind("r", v[REQUESTS]).bind("c", v[CALL]).bind("s", v[RESPONSE])
                        .bind("b0", v[LATENCY]).bind("b1", v[LATENCY + 1]).bind("b2", v[LATENCY + 2])
                        .bind("b3", v[LATENCY + 3]).bind("b4", v[LATENCY + 4]).bind("b5", v[LATENCY + 5])
                        .execute();
            }
            return null;
        });
    }

    public List<Row> rows() {
        flush();
        return database.jdbi().withHandle(h -> h.createQuery("SELECT * FROM robojam_usage ORDER BY day, instrument, model")
                .map((rs, ctx) -> {
                    Map<String, Long> latency = new java.util.LinkedHashMap<>();
                    for (String b : LATENCY_BUCKETS) latency.put(b, rs.getLong(b));
                    long requests = rs.getLong("requests");
                    return new Row(rs.getString("day"), rs.getString("instrument"), rs.getString("model"), requests,
                            rs.getLong("call_touches") / (double) requests, rs.getLong("response_touches") / (double) requests, latency);
                }).list());
    }

    public static String csv(List<Row> rows) {
        StringBuilder out = new StringBuilder("day,instrument,model,requests,mean_call_touches,mean_response_touches,"
                + String.join(",", LATENCY_BUCKETS) + "\n");
        for (Row r : rows) {
            out.append(r.day()).append(',').append(r.instrument()).append(',').append(r.model().replace(",", " ")).append(',')
                    .append(r.requests()).append(',').append(r.meanCallTouches()).append(',').append(r.meanResponseTouches()); // exact doubles
            for (String b : LATENCY_BUCKETS) out.append(',').append(r.latency().get(b));
            out.append('\n');
        }
        return out.toString();
    }

    @Override
    public void close() {
        flusher.shutdown();
        flush();
    }
}
