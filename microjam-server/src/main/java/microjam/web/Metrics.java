// Metrics in Prometheus format (Micrometer) at /metrics: request rates and latencies per route template
// and status class, RoboJam's response time and load (steps admitted against its budget, draws, calls
// refused, draws cancelled), the connection pool's state and the JVM's memory. Labels carry route
// templates, never ids, tokens or addresses.
package microjam.web;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import microjam.robojam.RoboJam;
import microjam.store.Database;

import java.time.Duration;

final class Metrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer robojam;

    /** kernel: null when no RoboJam model is loaded. */
    Metrics(Database database, RoboJam kernel) {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        Gauge.builder("process.resident.memory", ResidentMemory::bytes).baseUnit("bytes")
                .description("resident set size of this process (Linux /proc; NaN elsewhere)").register(registry);
        Gauge.builder("microjam.db.pool.active", database, d -> d.poolState().active()).register(registry);
        Gauge.builder("microjam.db.pool.idle", database, d -> d.poolState().idle()).register(registry);
        Gauge.builder("microjam.db.pool.connections", database, d -> d.poolState().total()).register(registry);
        Gauge.builder("microjam.db.pool.waiting", database, d -> d.poolState().waiting()).register(registry);
        if (kernel != null) {
            Gauge.builder("microjam.robojam.steps.in.flight", kernel, r -> r.load().stepsInFlight())
                    .description("network steps admitted (in the batch and queued), each call counted at its most").register(registry);
            Gauge.builder("microjam.robojam.step.budget", kernel, r -> r.load().stepBudget())
                    .description("the most steps admitted at once; past it calls are refused with 503").register(registry);
            FunctionCounter.builder("microjam.robojam.draws", kernel, r -> r.load().draws())
                    .description("candidate answers started").register(registry);
            FunctionCounter.builder("microjam.robojam.refused", kernel, r -> r.load().refused())
                    .description("calls refused at once because the budget was full").register(registry);
            FunctionCounter.builder("microjam.robojam.cancelled", kernel, r -> r.load().cancelled())
                    .description("draws stopped before their end: the client went away or the deadline passed").register(registry);
        }
        this.robojam = Timer.builder("microjam.robojam.response").description("time to answer one RoboJam request")
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
