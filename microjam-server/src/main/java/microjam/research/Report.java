// Writes the research report: index.html (groups left out, tables, box plots, heat maps, RoboJam), and
// every number beside it as CSV, each value the exact double (Double.toString: it parses back to the same
// number). Nothing in it describes one performance (Disclosure). All the report's tests form one family:
// their p-values are adjusted together with Holm's method. All text in the HTML is escaped.
package microjam.research;

import microjam.performance.Features;
import microjam.performance.Instrument;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

public final class Report {
    static final String INDEX = "index.html", CSS = "report.css", SUMMARY = "summary.csv", TESTS = "tests.csv";
    /** Files earlier versions wrote (features.csv held a row per performance); removed with the report. */
    static final List<String> OLD_FILES = List.of("features.csv", "kruskal-wallis.csv", "pairwise.csv");
    static final String CALLS = "robojam-calls", RESPONSES = "robojam-responses";
    private static final String NOT_TESTED = "not tested: no variation";

    /** One test of the report, with its Holm-adjusted p-value in the report's family. */
    record Entry(String test, String feature, List<String> groups, List<Integer> n, Statistics.Test result, double effect) {
    }

    private Report() {
    }

    /** Whether a file of this name is part of a report (what withdrawing one deletes). */
    static boolean isReportFile(String name) {
        return name.equals(INDEX) || name.equals(CSS) || name.equals(SUMMARY) || name.equals(TESTS) || OLD_FILES.contains(name)
                || (name.endsWith(".png") && (name.startsWith("boxplot-") || name.startsWith("heatmap-")));
    }

    /** robojam may be null (no model, or no calls asked for). */
    public static void write(Path dir, int performances, InstrumentComparison c, RoboJamStudy robojam, Runnable onStep) {
        List<Entry> family = family(c, robojam);
        double[] holm = Statistics.holm(family.stream().mapToDouble(e -> e.result().p()).toArray());
        Map<Entry, Double> adjusted = new IdentityHashMap<>();
        for (int i = 0; i < family.size(); i++) adjusted.put(family.get(i), holm[i]);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(CSS), // a file, not inline: the server's content security policy allows no inline style
                    "body{font:15px system-ui,sans-serif;max-width:980px;margin:auto;padding:12px}table{border-collapse:collapse;margin:8px 0}"
                            + "td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}th{background:#eee}img{max-width:100%}\n");
            StringBuilder html = new StringBuilder("""
                    <!doctype html><html lang="en"><head><meta charset="utf-8"><title>MicroJam research report</title>
                    <link rel="stylesheet" href="report.css"></head><body>
                    """);
            html.append("<h1>Do performances differ by instrument?</h1><p>").append(performances).append(performances == 1 ? " public performance. " : " public performances. ")
                    .append(escape("Privacy: " + Disclosure.RULE + ". No row of one performance is published.")).append("</p><p>")
                    .append("Features per performance; Kruskal–Wallis across instruments; Mann–Whitney U with Cliff's delta for each pair of instruments; ")
                    .append("RoboJam's responses against the calls they answered with the Wilcoxon signed-rank test (paired). ")
                    .append("Every p-value is adjusted with Holm's method over all ").append(family.stream().filter(e -> e.result().made()).count())
                    .append(" tests of this report, one family.</p>");
            html.append("<h2 id=\"suppressed\">Groups left out</h2>");
            List<String> leftOut = new ArrayList<>();
            c.suppressed().forEach((i, why) -> leftOut.add(i.wireName() + ": suppressed, " + why));
            if (robojam != null && robojam.suppressed() != null) leftOut.add("RoboJam's calls: suppressed, " + robojam.suppressed());
            if (leftOut.isEmpty()) html.append("<p>None.</p>");
            else {
                html.append("<ul>");
                for (String line : leftOut) html.append("<li>").append(escape(line)).append("</li>");
                html.append("</ul>");
            }

            html.append("<h2 id=\"summary\">Summary</h2>");
            StringBuilder summary = new StringBuilder("group,feature,n,median,mean,iqr\n");
            if (c.features().isEmpty()) html.append("<p>No instrument has enough performances from enough performers to be shown.</p>");
            else {
                html.append("<table><tr><th>instrument</th><th>performances</th><th>median touches</th><th>median duration (s)</th><th>median touches/s</th></tr>");
                for (var e : c.features().entrySet()) {
                    double[] touches = InstrumentComparison.summary(InstrumentComparison.values(e.getValue(), "touches"));
                    double[] duration = InstrumentComparison.summary(InstrumentComparison.values(e.getValue(), "duration"));
                    double[] rate = InstrumentComparison.summary(InstrumentComparison.values(e.getValue(), "touches_per_second"));
                    html.append(row(e.getKey().wireName(), e.getValue().size(), touches[0], duration[0], rate[0]));
                    summaryRows(summary, e.getKey().wireName(), e.getValue());
                }
                html.append("</table>");
            }

            html.append("<h2 id=\"kruskal-wallis\">Kruskal–Wallis per feature</h2>");
            List<Entry> kw = family.stream().filter(e -> e.test().equals("kruskal-wallis")).toList();
            if (kw.isEmpty()) html.append("<p>At least two instruments must be shown to compare them.</p>");
            else {
                html.append("<table><tr><th>feature</th><th>H</th><th>p</th><th>Holm-adjusted p</th></tr>");
                for (Entry e : kw) html.append(e.result().made() ? row(e.feature(), e.result().statistic(), e.result().p(), adjusted.get(e))
                        : row(e.feature(), NOT_TESTED, "", ""));
                html.append("</table>");
            }
            html.append("<h2 id=\"pairs\">Pairs of instruments</h2>");
            List<Entry> pairs = family.stream().filter(e -> e.test().equals("mann-whitney")).toList();
            if (pairs.isEmpty()) html.append("<p>At least two instruments must be shown to compare them.</p>");
            else {
                html.append("<p>Mann–Whitney U of the first instrument; positive Cliff's delta: the first instrument's performances tend to be larger on that feature.</p>")
                        .append("<table><tr><th>first</th><th>second</th><th>feature</th><th>U</th><th>p</th><th>Holm-adjusted p</th><th>Cliff's delta</th></tr>");
                for (Entry e : pairs)
                    html.append(e.result().made() ? row(e.groups().get(0), e.groups().get(1), e.feature(), e.result().statistic(), e.result().p(), adjusted.get(e), e.effect())
                            : row(e.groups().get(0), e.groups().get(1), e.feature(), NOT_TESTED, "", "", ""));
                html.append("</table>");
            }

            html.append("<h2 id=\"box-plots\">Box plots</h2>");
            if (c.features().isEmpty()) html.append("<p>None: no instrument is shown.</p>");
            else for (String f : Features.NAMES) {
                Plots.boxPlot(f, c.features(), dir.resolve("boxplot-" + f + ".png"));
                html.append("<img src=\"boxplot-").append(f).append(".png\" alt=\"").append(escape(f)).append(" by instrument\">");
            }
            Features.NAMES.forEach(f -> onStep.run());
            html.append("<h2 id=\"heat-maps\">Touch density</h2>");
            if (c.performances().isEmpty()) html.append("<p>None: no instrument is shown.</p>");
            for (Instrument i : c.performances().keySet()) {
                Plots.heatMap(i, c.performances().get(i), dir.resolve("heatmap-" + i.wireName() + ".png"));
                html.append("<img src=\"heatmap-").append(i.wireName()).append(".png\" alt=\"touch density of ").append(i.wireName()).append("\">");
                onStep.run();
            }
            if (robojam != null) {
                html.append(robojamSection(robojam, family, adjusted));
                if (robojam.suppressed() == null) {
                    summaryRows(summary, CALLS, robojam.calls());
                    summaryRows(summary, RESPONSES, robojam.responses());
                }
            }
            html.append("<h2 id=\"tests\">Every test</h2><p><a href=\"").append(TESTS).append("\">").append(TESTS).append("</a>: ")
                    .append("test, feature, groups and their sizes (separated by ;), statistic (H; U of the first group; W+, the rank sum of responses above their calls), ")
                    .append("p, Holm-adjusted p over the whole family, effect size (Cliff's delta; matched-pairs rank-biserial correlation). ")
                    .append("Tests that could not be made (no variation at all) are left out of it and of the family. ")
                    .append("Summaries (median, mean, interquartile range of each feature per group): <a href=\"").append(SUMMARY).append("\">")
                    .append(SUMMARY).append("</a>. Numbers in the CSV files are exact doubles.</p>");
            html.append("</body></html>\n");
            Files.writeString(dir.resolve(SUMMARY), summary);
            Files.writeString(dir.resolve(TESTS), testsCsv(family, adjusted));
            Files.writeString(dir.resolve(INDEX), html);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report in " + dir, e);
        }
    }

    /** Every test of the report, in the order it shows them: one family for Holm's correction. */
    static List<Entry> family(InstrumentComparison c, RoboJamStudy robojam) {
        List<Entry> family = new ArrayList<>();
        List<String> shown = c.features().keySet().stream().map(Instrument::wireName).toList();
        List<Integer> sizes = c.features().values().stream().map(List::size).toList();
        c.kruskalWallis().forEach((f, t) -> family.add(new Entry("kruskal-wallis", f, shown, sizes, t, Double.NaN)));
        for (InstrumentComparison.Pair p : c.pairs())
            family.add(new Entry("mann-whitney", p.feature(), List.of(p.a().wireName(), p.b().wireName()), List.of(p.na(), p.nb()), p.test(), p.cliffsDelta()));
        if (robojam != null)
            robojam.tests().forEach((f, t) -> family.add(new Entry("wilcoxon", f, List.of(RESPONSES, CALLS),
                    List.of(robojam.responses().size(), robojam.calls().size()), t.test(), t.rankBiserial())));
        return family;
    }

    private static String robojamSection(RoboJamStudy r, List<Entry> family, Map<Entry, Double> adjusted) {
        StringBuilder html = new StringBuilder("<h2 id=\"robojam\">RoboJam</h2><h3>Anonymous usage</h3>");
        html.append("<table><tr><th>day</th><th>instrument</th><th>model</th><th>requests</th><th>mean call touches</th><th>mean response touches</th></tr>");
        for (UsageCounters.Row row : r.counters()) html.append(row(row.day(), row.instrument(), row.model(), row.requests(), row.meanCallTouches(), row.meanResponseTouches()));
        html.append("</table><h3>Responses compared with the calls they answered</h3>");
        if (r.suppressed() != null) return html.append("<p>").append(escape("Not shown: the calls answered are " + r.suppressed() + ".")).append("</p>").toString();
        html.append("<p>Model ").append(escape(r.model())).append(", ").append(r.calls().size())
                .append(" public performances answered. Wilcoxon signed-rank test on each response against its call; positive rank-biserial correlation: responses larger.</p>");
        html.append("<table><tr><th>feature</th><th>median, calls</th><th>median, responses</th><th>W+</th><th>p</th><th>Holm-adjusted p</th><th>rank-biserial r</th></tr>");
        for (Entry e : family) {
            if (!e.test().equals("wilcoxon")) continue;
            double calls = InstrumentComparison.summary(InstrumentComparison.values(r.calls(), e.feature()))[0];
            double responses = InstrumentComparison.summary(InstrumentComparison.values(r.responses(), e.feature()))[0];
            html.append(e.result().made() ? row(e.feature(), calls, responses, e.result().statistic(), e.result().p(), adjusted.get(e), e.effect())
                    : row(e.feature(), calls, responses, NOT_TESTED, "", "", ""));
        }
        return html.append("</table>").toString();
    }

    private static void summaryRows(StringBuilder csv, String group, List<Map<String, Double>> rows) {
        for (String f : Features.NAMES) {
            double[] s = InstrumentComparison.summary(InstrumentComparison.values(rows, f));
            csv.append(group).append(',').append(f).append(',').append(rows.size()).append(',')
                    .append(s[0]).append(',').append(s[1]).append(',').append(s[2]).append('\n');
        }
    }

    private static String testsCsv(List<Entry> family, Map<Entry, Double> adjusted) {
        StringBuilder csv = new StringBuilder("test,feature,groups,n,statistic,p,holm_p,effect_size\n");
        for (Entry e : family) {
            if (!e.result().made()) continue;
            csv.append(e.test()).append(',').append(e.feature()).append(',').append(String.join(";", e.groups())).append(',')
                    .append(String.join(";", e.n().stream().map(String::valueOf).toList())).append(',')
                    .append(e.result().statistic()).append(',').append(e.result().p()).append(',').append(adjusted.get(e)).append(',')
                    .append(Double.isNaN(e.effect()) ? "" : String.valueOf(e.effect())).append('\n');
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
