// Do performances on different instruments differ? For every feature: a summary per instrument, a
// Kruskal–Wallis test across instruments (Holm-adjusted across features), and Mann–Whitney U tests
// with Cliff's delta for every pair of instruments. Computing only: Report draws and writes.
package microjam.research;

import microjam.performance.Instrument;
import microjam.performance.Performance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public record InstrumentComparison(Map<Instrument, List<Map<String, Double>>> features, Map<String, Statistics.Test> kruskalWallis,
                                   Map<String, Double> holm, List<Pair> pairs) {
    public record Pair(Instrument a, Instrument b, String feature, int na, int nb, Statistics.Test test, double cliffsDelta) {
    }

    public static InstrumentComparison of(List<Performance> performances) {
        Map<Instrument, List<Map<String, Double>>> byInstrument = new EnumMap<>(Instrument.class);
        for (Performance p : performances)
            byInstrument.computeIfAbsent(p.instrument(), i -> new ArrayList<>()).add(Features.of(p.touches()));
        Map<String, Statistics.Test> kw = new LinkedHashMap<>();
        List<Instrument> present = byInstrument.keySet().stream().filter(i -> byInstrument.get(i).size() >= 2).toList();
        for (String f : Features.NAMES) {
            List<double[]> groups = present.stream().map(i -> values(byInstrument.get(i), f)).toList();
            if (groups.size() >= 2) kw.put(f, Statistics.kruskalWallis(groups));
        }
        double[] adjusted = Statistics.holm(kw.values().stream().mapToDouble(Statistics.Test::p).toArray());
        Map<String, Double> holm = new LinkedHashMap<>();
        int i = 0;
        for (String f : kw.keySet()) holm.put(f, adjusted[i++]);
        List<Pair> pairs = new ArrayList<>();
        for (int a = 0; a < present.size(); a++)
            for (int b = a + 1; b < present.size(); b++)
                for (String f : Features.NAMES) {
                    double[] x = values(byInstrument.get(present.get(a)), f), y = values(byInstrument.get(present.get(b)), f);
                    pairs.add(new Pair(present.get(a), present.get(b), f, x.length, y.length, Statistics.mannWhitney(x, y), Statistics.cliffsDelta(x, y)));
                }
        return new InstrumentComparison(byInstrument, kw, holm, pairs);
    }

    public static double[] values(List<Map<String, Double>> rows, String feature) {
        return rows.stream().mapToDouble(r -> r.get(feature)).toArray();
    }

    /** Median, mean and interquartile range of a feature on one instrument. */
    public static double[] summary(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return new double[]{quantile(s, 0.5), Features.mean(s), quantile(s, 0.75) - quantile(s, 0.25)};
    }

    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) return Double.NaN;
        double at = q * (sorted.length - 1);
        int lo = (int) Math.floor(at), hi = (int) Math.ceil(at);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
    }
}
