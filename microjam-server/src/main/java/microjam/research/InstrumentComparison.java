// Do performances on different instruments differ? Only instruments whose performances may be published
// (Disclosure) take part: for every feature a summary per instrument, a Kruskal–Wallis test across them
// and a Mann–Whitney U test with Cliff's delta for every pair. Computing only: Report adjusts the
// p-values (one family with every other test of the report), draws and writes.
package microjam.research;

import microjam.performance.Features;
import microjam.performance.Instrument;
import microjam.performance.Performance;
import microjam.store.PerformanceStore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * @param features     per published instrument, the features of each of its performances
 * @param performances per published instrument, its performances (for the heat maps)
 * @param suppressed   instruments left out, with the reason
 */
public record InstrumentComparison(Map<Instrument, List<Map<String, Double>>> features, Map<Instrument, List<Performance>> performances,
                                   Map<Instrument, String> suppressed, Map<String, Statistics.Test> kruskalWallis, List<Pair> pairs) {
    public record Pair(Instrument a, Instrument b, String feature, int na, int nb, Statistics.Test test, double cliffsDelta) {
    }

    public static InstrumentComparison of(List<PerformanceStore.Owned> all) {
        Map<Instrument, List<PerformanceStore.Owned>> byInstrument = new EnumMap<>(Instrument.class);
        for (PerformanceStore.Owned p : all) byInstrument.computeIfAbsent(p.performance().instrument(), i -> new ArrayList<>()).add(p);
        Map<Instrument, List<Map<String, Double>>> features = new EnumMap<>(Instrument.class);
        Map<Instrument, List<Performance>> performances = new EnumMap<>(Instrument.class);
        Map<Instrument, String> suppressed = new EnumMap<>(Instrument.class);
        byInstrument.forEach((instrument, group) -> Disclosure.whySuppressed(group).ifPresentOrElse(why -> suppressed.put(instrument, why), () -> {
            performances.put(instrument, group.stream().map(PerformanceStore.Owned::performance).toList());
            features.put(instrument, group.stream().map(p -> Features.of(p.performance().touches())).toList());
        }));
        List<Instrument> shown = List.copyOf(features.keySet());
        Map<String, Statistics.Test> kw = new LinkedHashMap<>();
        if (shown.size() >= 2)
            for (String f : Features.NAMES) kw.put(f, Statistics.kruskalWallis(shown.stream().map(i -> values(features.get(i), f)).toList()));
        List<Pair> pairs = new ArrayList<>();
        for (int a = 0; a < shown.size(); a++)
            for (int b = a + 1; b < shown.size(); b++)
                for (String f : Features.NAMES) {
                    double[] x = values(features.get(shown.get(a)), f), y = values(features.get(shown.get(b)), f);
                    pairs.add(new Pair(shown.get(a), shown.get(b), f, x.length, y.length, Statistics.mannWhitney(x, y), Statistics.cliffsDelta(x, y)));
                }
        return new InstrumentComparison(features, performances, suppressed, kw, pairs);
    }

    public static double[] values(List<Map<String, Double>> rows, String feature) {
        return rows.stream().mapToDouble(r -> r.get(feature)).toArray();
    }

    /** Median, mean and interquartile range of a feature on one instrument. */
    public static double[] summary(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return new double[]{Quantiles.of(s, 0.5), Features.mean(s), Quantiles.of(s, 0.75) - Quantiles.of(s, 0.25)};
    }
}
