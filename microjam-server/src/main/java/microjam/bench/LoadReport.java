// What a load run found: a table per route (throughput, p50/p99/p99.9/max latency, errors), the
// server's peak heap and RSS, and optionally a CSV of every second and a plot of it.
package microjam.bench;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

public final class LoadReport {
    private LoadReport() {
    }

    public static void print(LoadDriver.Result result, PrintWriter out) {
        out.printf(Locale.ROOT, "%-12s %-32s %9s %9s %8s %8s %9s %8s %7s%n", "route", "request", "requests", "req/s",
                "p50 ms", "p99 ms", "p99.9 ms", "max ms", "errors");
        long total = 0;
        for (RouteStats s : result.routes()) {
            total += s.requests();
            out.printf(Locale.ROOT, "%-12s %-32s %9d %9.1f %8.2f %8.2f %9.2f %8.1f %7d%n", s.route.label(), s.route.request, s.requests(),
                    s.requests() / result.seconds(), s.millisAt(50), s.millisAt(99), s.millisAt(99.9), s.maxMillis(), s.errors());
        }
        out.printf(Locale.ROOT, "%-45s %9d %9.1f %45d%n", "all", total, total / result.seconds(), result.errors());
        out.printf(Locale.ROOT, "server memory: heap in use up to %.0f MB, resident set up to %.0f MB (sampled every second from /metrics)%n",
                result.maxHeapMb(), result.maxRssMb());
        for (RouteStats s : result.routes())
            if (s.firstError() != null) out.printf("first error on %s: %s%n", s.route.label(), s.firstError());
        out.flush();
    }

    /** load.csv (one row per second) and load.png (requests per second by route, and memory, over the run). */
    public static void write(LoadDriver.Result result, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> rows = new ArrayList<>();
        StringBuilder header = new StringBuilder("second");
        for (RouteStats s : result.routes()) header.append(',').append(s.route.label());
        rows.add(header.append(",heap_mb,rss_mb").toString());
        for (LoadDriver.Second second : result.timeline()) {
            StringBuilder row = new StringBuilder().append(second.second());
            for (RouteStats s : result.routes()) row.append(',').append(second.requests().getOrDefault(s.route, 0L));
            rows.add(row.append(String.format(Locale.ROOT, ",%.1f,%.1f", second.memory().heapMb(), second.memory().rssMb())).toString());
        }
        Files.write(dir.resolve("load.csv"), rows);
        ChartUtils.saveChartAsPNG(dir.resolve("load.png").toFile(), chart(result), 900, 640);
    }

    private static JFreeChart chart(LoadDriver.Result result) {
        XYSeriesCollection throughput = new XYSeriesCollection();
        for (RouteStats s : result.routes()) {
            XYSeries series = new XYSeries(s.route.label());
            for (LoadDriver.Second second : result.timeline()) series.add(second.second(), second.requests().getOrDefault(s.route, 0L));
            throughput.addSeries(series);
        }
        XYSeriesCollection memory = new XYSeriesCollection();
        XYSeries rss = new XYSeries("RSS"), heap = new XYSeries("heap in use");
        for (LoadDriver.Second second : result.timeline()) {
            if (!Double.isNaN(second.memory().rssMb())) rss.add(second.second(), second.memory().rssMb());
            if (!Double.isNaN(second.memory().heapMb())) heap.add(second.second(), second.memory().heapMb());
        }
        memory.addSeries(rss);
        memory.addSeries(heap);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("seconds"));
        plot.add(new XYPlot(throughput, null, new NumberAxis("requests per second"), new XYLineAndShapeRenderer(true, false)), 2);
        plot.add(new XYPlot(memory, null, new NumberAxis("server MB"), new XYLineAndShapeRenderer(true, false)), 1);
        LoadDriver.Settings s = result.settings();
        return new JFreeChart(String.format(Locale.ROOT, "load: %d connections, %d s", s.connections(), s.seconds()), plot);
    }
}
