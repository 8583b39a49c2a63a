// Metrics in Prometheus format (Micrometer) at /metrics: request rates and latencies per route template
// and status class, RoboJam's response time, the connection pool's state and the JVM's memory. Labels
// carry route templates, never ids, tokens or addresses.
package microjam.web;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import microjam.store.Database;

import java.time.Duration;

final class Metrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer robojam;

    Metrics(Database database) {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        Gauge.builder("process.resident.memory", ResidentMemory::bytes).baseUnit("bytes")
                .description("resident set size of this process (Linux /proc; NaN elsewhere)").register(registry);
        Gauge.builder("microjam.db.pool.active", database, d -> d.poolState().active()).register(registry);
        Gauge.builder("microjam.db.pool.idle", database, d -> d.poolState().idle()).register(registry);
        Gauge.builder("microjam.db.pool.connections", database, d -> d.poolState().total()).register(registry);
        Gauge.builder("microjam.db.pool.waiting", database, d -> d.poolState().waiting()).register(registry);
        robojam = Timer.builder("microjam.robojam.response").description("time to answer one RoboJam request")
                .publishPercentileHistogram().register(registry);
    }

    void request(String method, String route, int status, double millis) {
        Timer.builder("microjam.requests").tag("method", method).tag("route", route).tag("status", status / 100 + "xx")
                .publishPercentileHistogram().register(registry).record(Duration.ofNanos((long) (millis * 1e6)));
    }

    void robojam(double millis) {
        robojam.record(Duration.ofNanos((long) (millis * 1e6)));
    }

    String scrape() {
        return registry.scrape();
    }
}
