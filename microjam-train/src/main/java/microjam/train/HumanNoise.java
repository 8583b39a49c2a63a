// How far apart two sets of human performances drawn from the same held-out data already are, per
// feature: the KS statistic between two random groups of the sizes compared (calls and reference),
// over many random splits. A model whose KS is inside this band cannot be told from people by that
// feature at this sample size; "replay the call" is one draw from this very distribution.
package microjam.train;

import microjam.performance.Touches;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

final class HumanNoise {
    static final int SPLITS = 200;

    private HumanNoise() {
    }

    /** Per feature, the 95th percentile of KS between random groups of groupSize and the rest of humans. */
    static Map<String, Double> band95(List<Touches> humans, int groupSize, long seed) {
        List<Map<String, double[]>> each = humans.stream().map(t -> Features.of(List.of(t))).toList();
        Random random = new Random(seed);
        Map<String, double[]> draws = new LinkedHashMap<>();
        for (String f : Features.NAMES) draws.put(f, new double[SPLITS]);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < each.size(); i++) order.add(i);
        for (int s = 0; s < SPLITS; s++) {
            java.util.Collections.shuffle(order, random);
            for (String f : Features.NAMES) {
                double[] a = pooled(each, order.subList(0, groupSize), f), b = pooled(each, order.subList(groupSize, order.size()), f);
                draws.get(f)[s] = TwoSampleKs.statistic(a, b);
            }
        }
        Map<String, Double> band = new LinkedHashMap<>();
        draws.forEach((f, d) -> {
            Arrays.sort(d);
            band.put(f, d[(int) Math.ceil(0.95 * d.length) - 1]);
        });
        return band;
    }

    private static double[] pooled(List<Map<String, double[]>> each, List<Integer> group, String feature) {
        return group.stream().flatMapToDouble(i -> Arrays.stream(each.get(i).get(feature))).toArray();
    }
}
