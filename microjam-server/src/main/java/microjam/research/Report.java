// Writes the research report: index.html (tables, box plots, heat maps, RoboJam), and every number as
// CSV beside it. All text in the HTML is escaped.
package microjam.research;

import microjam.performance.Instrument;
import microjam.performance.Performance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

public final class Report {
    /** RoboJam's responses to public performances, next to the calls they answered. */
    public record RoboJamSection(String model, List<UsageCounters.Row> counters, Map<String, Statistics.Test> tests,
                                 Map<String, Double> deltas, Map<String, double[]> medians, int calls) {
    }

    private Report() {
    }

    public static void write(Path dir, List<Performance> performances, InstrumentComparison c, RoboJamSection robojam, Runnable onStep) {
        try {
            Files.createDirectories(dir);
            StringBuilder html = new StringBuilder("""
                    <!doctype html><html lang="en"><head><meta charset="utf-8"><title>MicroJam research report</title>
                    <link rel="stylesheet" href="report.css"></head><body>
                    """);
            Files.writeString(dir.resolve("report.css"), // a file, not inline: the server's content security policy allows no inline style
                    "body{font:15px system-ui,sans-serif;max-width:980px;margin:auto;padding:12px}table{border-collapse:collapse;margin:8px 0}"
                            + "td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}th{background:#eee}img{max-width:100%}\n");
            html.append("<h1>Do performances differ by instrument?</h1><p>").append(performances.size())
                    .append(" public performances. Features per performance; Kruskal–Wallis across instruments with Holm's correction; Mann–Whitney U with Cliff's delta for each pair.</p>");
            html.append("<h2 id=\"summary\">Summary</h2><table><tr><th>instrument</th><th>performances</th><th>median touches</th><th>median duration (s)</th><th>median touches/s</th></tr>");
            StringBuilder summary = new StringBuilder("instrument,feature,n,median,mean,iqr\n");
            for (var e : c.features().entrySet()) {
                double[] touches = InstrumentComparison.summary(InstrumentComparison.values(e.getValue(), "touches"));
                double[] duration = InstrumentComparison.summary(InstrumentComparison.values(e.getValue(), "duration"));
                double[] rate = InstrumentComparison.summary(InstrumentComparison.values(e.getValue(), "touches_per_second"));
                html.append(row(e.getKey().wireName(), e.getValue().size(), touches[0], duration[0], rate[0]));
                for (String f : Features.NAMES) {
                    double[] s = InstrumentComparison.summary(InstrumentComparison.values(e.getValue(), f));
                    summary.append(String.format(Locale.ROOT, "%s,%s,%d,%.6f,%.6f,%.6f%n", e.getKey().wireName(), f, e.getValue().size(), s[0], s[1], s[2]));
                }
            }
            html.append("</table>");
            html.append("<h2 id=\"kruskal-wallis\">Kruskal–Wallis per feature</h2><table><tr><th>feature</th><th>H</th><th>p</th><th>Holm-adjusted p</th></tr>");
            StringBuilder kw = new StringBuilder("feature,h,p,holm_p\n");
            for (var e : c.kruskalWallis().entrySet()) {
                html.append(row(e.getKey(), e.getValue().statistic(), e.getValue().p(), c.holm().get(e.getKey())));
                kw.append(String.format(Locale.ROOT, "%s,%.6f,%.6g,%.6g%n", e.getKey(), e.getValue().statistic(), e.getValue().p(), c.holm().get(e.getKey())));
            }
            html.append("</table>");
            StringBuilder pairwise = new StringBuilder("instrument_a,instrument_b,feature,n_a,n_b,u,p,cliffs_delta\n");
            for (InstrumentComparison.Pair p : c.pairs())
                pairwise.append(String.format(Locale.ROOT, "%s,%s,%s,%d,%d,%.3f,%.6g,%.4f%n", p.a().wireName(), p.b().wireName(), p.feature(), p.na(), p.nb(),
                        p.test().statistic(), p.test().p(), p.cliffsDelta()));
            html.append("<h2 id=\"drums-vs-keys\">Drums against keys</h2>");
            List<InstrumentComparison.Pair> drumsKeys = c.pairs().stream().filter(p -> p.a() == Instrument.KEYS && p.b() == Instrument.DRUMS).toList();
            if (drumsKeys.isEmpty()) html.append("<p>Too few drums or keys performances to compare (at least two of each are needed).</p>");
            else {
                html.append("<p>Positive Cliff's delta: keys performances tend to be larger on that feature; negative: drums do.</p>")
                        .append("<table><tr><th>feature</th><th>U</th><th>p</th><th>Cliff's delta</th></tr>");
                for (InstrumentComparison.Pair p : drumsKeys) html.append(row(p.feature(), p.test().statistic(), p.test().p(), p.cliffsDelta()));
                html.append("</table>");
            }
            html.append("<p>All pairs: <a href=\"pairwise.csv\">pairwise.csv</a>. Summaries: <a href=\"summary.csv\">summary.csv</a>. Per performance: <a href=\"features.csv\">features.csv</a>.</p>");
            html.append("<h2 id=\"box-plots\">Box plots</h2>");
            for (String f : Features.NAMES) {
                Plots.boxPlot(f, c.features(), dir.resolve("boxplot-" + f + ".png"));
                html.append("<img src=\"boxplot-").append(f).append(".png\" alt=\"").append(escape(f)).append(" by instrument\">");
                onStep.run();
            }
            html.append("<h2 id=\"heat-maps\">Touch density</h2>");
            for (Instrument i : c.features().keySet()) {
                Plots.heatMap(i, performances.stream().filter(p -> p.instrument() == i).toList(), dir.resolve("heatmap-" + i.wireName() + ".png"));
                html.append("<img src=\"heatmap-").append(i.wireName()).append(".png\" alt=\"touch density of ").append(i.wireName()).append("\">");
                onStep.run();
            }
            if (robojam != null) html.append(robojamSection(robojam));
            html.append("</body></html>\n");
            Files.writeString(dir.resolve("index.html"), html);
            Files.writeString(dir.resolve("summary.csv"), summary);
            Files.writeString(dir.resolve("kruskal-wallis.csv"), kw);
            Files.writeString(dir.resolve("pairwise.csv"), pairwise);
            Files.writeString(dir.resolve("features.csv"), featuresCsv(performances));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report in " + dir, e);
        }
    }

    private static String robojamSection(RoboJamSection r) {
        StringBuilder html = new StringBuilder("<h2 id=\"robojam\">RoboJam</h2><h3>Anonymous usage</h3>");
        html.append("<table><tr><th>day</th><th>instrument</th><th>model</th><th>requests</th><th>mean call touches</th><th>mean response touches</th></tr>");
        for (UsageCounters.Row row : r.counters()) html.append(row(row.day(), row.instrument(), row.model(), row.requests(), row.meanCallTouches(), row.meanResponseTouches()));
        html.append("</table><h3>Responses compared with the calls they answered</h3><p>Model ").append(escape(r.model())).append(", ")
                .append(r.calls()).append(" public performances answered. Mann–Whitney U per feature; positive Cliff's delta: responses larger.</p>");
        html.append("<table><tr><th>feature</th><th>median, calls</th><th>median, responses</th><th>U</th><th>p</th><th>Cliff's delta</th></tr>");
        for (String f : r.tests().keySet())
            html.append(row(f, r.medians().get(f)[0], r.medians().get(f)[1], r.tests().get(f).statistic(), r.tests().get(f).p(), r.deltas().get(f)));
        return html.append("</table>").toString();
    }

    private static String featuresCsv(List<Performance> performances) {
        StringBuilder csv = new StringBuilder("instrument," + String.join(",", Features.NAMES) + "\n");
        for (Performance p : performances) {
            csv.append(p.instrument().wireName());
            for (double v : Features.of(p.touches()).values()) csv.append(String.format(Locale.ROOT, ",%.6f", v));
            csv.append('\n');
        }
        return csv.toString();
    }

    private static String row(Object... cells) {
        StringBuilder r = new StringBuilder("<tr>");
        for (Object cell : cells) {
            String text = cell instanceof Double d ? (Math.abs(d) < 1e-3 && d != 0 ? String.format(Locale.ROOT, "%.2e", d) : String.format(Locale.ROOT, "%.4f", d))
                    : String.valueOf(cell);
            r.append("<td>").append(escape(text)).append("</td>");
        }
        return r.append("</tr>").toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
