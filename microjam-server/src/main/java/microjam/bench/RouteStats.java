// Latencies (an HDR histogram, microsecond resolution up to a minute), successes, refusals and errors of one route.
package microjam.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

final class RouteStats {
    final Route route;
    private final Histogram micros = new ConcurrentHistogram(60_000_000L, 3);
    private final AtomicLong errors = new AtomicLong();
    // Answered "not now, try again later" (429, 503): the server shedding load as designed, not a failure.
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private final AtomicReference<String> firstRefusal = new AtomicReference<>();

    RouteStats(Route route) {
        this.route = route;
    }

    void ok(long nanos) {
        answered(nanos);
    }

    void failed(long nanos, String why) {
        answered(nanos);
        errors.incrementAndGet();
        firstError.compareAndSet(null, why);
    }

    void refused(long nanos, String why) {
        answered(nanos);
        refused.incrementAndGet();
        firstRefusal.compareAndSet(null, why);
    }

    /** 429 and 503 say "try again later" (with Retry-After): an overloaded server's designed answer. */
    static boolean isRefusal(int status) {
        return status == 429 || status == 503;
    }

    private void answered(long nanos) {
        micros.recordValue(Math.min(60_000_000L, Math.max(1, nanos / 1000)));
        done.incrementAndGet();
    }

    /** One route's figures over several servers: their latencies in one histogram, their counts added. */
    static RouteStats sum(Route route, List<RouteStats> parts) {
        RouteStats all = new RouteStats(route);
        for (RouteStats part : parts) {
            all.micros.add(part.micros);
            all.done.addAndGet(part.done.get());
            all.errors.addAndGet(part.errors.get());
            all.refused.addAndGet(part.refused.get());
            if (part.firstError() != null) all.firstError.compareAndSet(null, part.firstError());
            if (part.firstRefusal() != null) all.firstRefusal.compareAndSet(null, part.firstRefusal());
        }
        return all;
    }

    long requests() {
        return done.get();
    }

    long errors() {
        return errors.get();
    }

    long refusals() {
        return refused.get();
    }

    String firstRefusal() {
        return firstRefusal.get();
    }

    String firstError() {
        return firstError.get();
    }

    double millisAt(double percentile) {
        return micros.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMillis() {
        return micros.getMaxValue() / 1000.0;
    }
}
