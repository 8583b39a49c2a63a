// Anonymous RoboJam statistics: each request adds to in-memory counters keyed by day (UTC), instrument
// and model, which are added to the database every few seconds (and before every read and at shutdown).
// Nothing that identifies a person or a performance is ever counted.
package microjam.research;

import microjam.console.LogLine;
import microjam.store.Database;
import microjam.store.UsageStore;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

public final class UsageCounters implements AutoCloseable {
    public static final String[] LATENCY_BUCKETS = UsageStore.LATENCY_COLUMNS.toArray(String[]::new);
    private static final double[] BOUNDS_MS = {10, 30, 100, 300, 1000};
    private static final int REQUESTS = 0, CALL = 1, RESPONSE = 2, LATENCY = 3;

    public record Key(String day, String instrument, String model) {
    }

    public record Row(String day, String instrument, String model, long requests, double meanCallTouches,
                      double meanResponseTouches, Map<String, Long> latency) {
    }

    private final UsageStore store;
    private final Map<Key, AtomicLongArray> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "usage-counters");
        t.setDaemon(true);
        return t;
    });

    public UsageCounters(Database database) {
        this.store = new UsageStore(database);
        flusher.scheduleWithFixedDelay(this::flushInBackground, 5, 5, TimeUnit.SECONDS);
    }

    // A failed scheduled run would cancel every later one; the counts stay pending for the next try instead.
    private void flushInBackground() {
        try {
            flush();
        } catch (RuntimeException databaseAwayOrFull) {
            LoggerFactory.getLogger(UsageCounters.class).warn("event=usage_flush_deferred cause={}", LogLine.value(LogLine.cause(databaseAwayOrFull)));
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
        store.add(taken.stream().map(e -> {
            long[] v = e.getValue();
            return new UsageStore.Count(e.getKey().day(), e.getKey().instrument(), e.getKey().model(), v[REQUESTS], v[CALL], v[RESPONSE],
                    Arrays.copyOfRange(v, LATENCY, LATENCY + LATENCY_BUCKETS.length));
        }).toList());
    }

    public List<Row> rows() {
        flush();
        return store.all().stream().map(c -> {
            Map<String, Long> latency = new LinkedHashMap<>();
            long[] counts = c.latency();
            for (int b = 0; b < LATENCY_BUCKETS.length; b++) latency.put(LATENCY_BUCKETS[b], counts[b]);
            return new Row(c.day(), c.instrument(), c.model(), c.requests(), c.callTouches() / (double) c.requests(),
                    c.responseTouches() / (double) c.requests(), latency);
        }).toList();
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
