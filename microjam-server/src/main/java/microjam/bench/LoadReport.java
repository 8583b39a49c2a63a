// What a load run found: a table per route (throughput, p50/p99/p99.9/max latency, refusals, errors), the
// server's peak heap and RSS, and optionally a CSV of every second and a plot of it. With several servers,
// the same table for each server alone first, then for all together.
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
        List<LoadDriver.Server> servers = result.servers();
        if (servers.size() > 1) {
            for (int i = 0; i < servers.size(); i++) {
                LoadDriver.Server server = servers.get(i);
                out.printf(Locale.ROOT, "server %s (%d connections)%n", server.base(), connectionsOf(result, i));
                table(server.routes(), result.seconds(), out);
                out.printf(Locale.ROOT, "memory: heap in use up to %.0f MB, resident set up to %.0f MB%n%n", server.maxHeapMb(), server.maxRssMb());
            }
            out.printf(Locale.ROOT, "all %d servers together%n", servers.size());
        }
        table(result.routes(), result.seconds(), out);
        out.printf(Locale.ROOT, "server memory: heap in use up to %.0f MB, resident set up to %.0f MB%s (sampled every second from /metrics)%n",
                result.maxHeapMb(), result.maxRssMb(), servers.size() > 1 ? " on one server" : "");
        for (RouteStats s : result.routes()) {
            if (s.firstRefusal() != null)
                out.printf("first refusal on %s (the server shedding load; not an error): %s%n", s.route.label(), s.firstRefusal());
            if (s.firstError() != null) out.printf("first error on %s: %s%n", s.route.label(), s.firstError());
        }
        out.flush();
    }

    // As LoadDriver hands them out: connection c goes to server c mod n.
    private static int connectionsOf(LoadDriver.Result result, int server) {
        int n = result.servers().size(), connections = result.settings().connections();
        return connections / n + (server < connections % n ? 1 : 0);
    }

    private static void table(List<RouteStats> routes, double seconds, PrintWriter out) {
        out.printf(Locale.ROOT, "%-12s %-32s %9s %9s %8s %8s %9s %8s %7s %7s%n", "route", "request", "requests", "req/s",
                "p50 ms", "p99 ms", "p99.9 ms", "max ms", "refused", "errors");
        long total = 0, refused = 0, errors = 0;
        for (RouteStats s : routes) {
            total += s.requests();
            refused += s.refusals();
            errors += s.errors();
            out.printf(Locale.ROOT, "%-12s %-32s %9d %9.1f %8.2f %8.2f %9.2f %8.1f %7d %7d%n", s.route.label(), s.route.request, s.requests(),
                    s.requests() / seconds, s.millisAt(50), s.millisAt(99), s.millisAt(99.9), s.maxMillis(), s.refusals(), s.errors());
        }
        out.printf(Locale.ROOT, "%-45s %9d %9.1f %45d %7d%n", "all", total, total / seconds, refused, errors);
    }

    /** load.csv (one row per second) and load.png (requests per second by route, and memory, over the run). */
    public static void write(LoadDriver.Result result, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> rows = new ArrayList<>();
        StringBuilder header = new StringBuilder("second");
        for (RouteStats s : result.routes()) header.append(',').append(s.route.label());
        // One server: heap_mb,rss_mb as before; several: heap_mb_1,rss_mb_1,heap_mb_2,… in --url's order.
        int n = result.servers().size();
        for (int i = 1; i <= n; i++) header.append(n == 1 ? ",heap_mb,rss_mb" : ",heap_mb_" + i + ",rss_mb_" + i);
        rows.add(header.toString());
        for (LoadDriver.Second second : result.timeline()) {
            StringBuilder row = new StringBuilder().append(second.second());
            for (RouteStats s : result.routes()) row.append(',').append(second.requests().getOrDefault(s.route, 0L));
            for (ServerMemory m : second.memory()) row.append(String.format(Locale.ROOT, ",%.1f,%.1f", m.heapMb(), m.rssMb()));
            rows.add(row.toString());
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
        int n = result.servers().size();
        for (int i = 0; i < n; i++) {
            String which = n == 1 ? "" : " " + (i + 1);
            XYSeries rss = new XYSeries("RSS" + which), heap = new XYSeries("heap in use" + which);
            for (LoadDriver.Second second : result.timeline()) {
                ServerMemory m = second.memory().get(i);
                if (!Double.isNaN(m.rssMb())) rss.add(second.second(), m.rssMb());
                if (!Double.isNaN(m.heapMb())) heap.add(second.second(), m.heapMb());
            }
            memory.addSeries(rss);
            memory.addSeries(heap);
        }
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("seconds"));
        plot.add(new XYPlot(throughput, null, new NumberAxis("requests per second"), new XYLineAndShapeRenderer(true, false)), 2);
        plot.add(new XYPlot(memory, null, new NumberAxis("server MB"), new XYLineAndShapeRenderer(true, false)), 1);
        LoadDriver.Settings s = result.settings();
        return new JFreeChart(String.format(Locale.ROOT, "load: %d connections, %d s%s", s.connections(), s.seconds(),
                s.servers().size() > 1 ? ", " + s.servers().size() + " servers" : ""), plot);
    }
}
