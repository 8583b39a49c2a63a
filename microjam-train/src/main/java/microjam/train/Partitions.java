// How answers compare with people's, over many random partitions of the evaluated performances into
// calls and a human reference (the same partitions for every answerer). With one fixed partition,
// "replay the call" is a single draw of two groups of people, luckier or unluckier than the model by
// chance. Per partition and feature: the KS statistic between the reference and each answerer's answers
// to the calls — RoboJam's, uniform random touches, the calls themselves (replay), and a real performance
// from the other part of the split (what a model that plays exactly like people would get). Replay's
// spread over the partitions is the spread between two groups of people.
package microjam.train;

import microjam.performance.Touches;
import org.apache.commons.statistics.descriptive.Quantile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

final class Partitions {
    static final int ROBOJAM = 0, UNIFORM = 1, REPLAY = 2, REAL = 3;

    /**
     * meanKs: per feature, the mean KS of RoboJam, uniform, replay and real (NaN where no real performance was given);
     * humanBand: per feature, the 95th percentile of replay's KS; beatsBoth: per feature, the share of partitions in
     * which RoboJam's KS is below both baselines'; most: the share of partitions in which RoboJam (then real) beats both
     * baselines on most features.
     */
    record Result(Map<String, double[]> meanKs, Map<String, Double> humanBand, Map<String, Double> beatsBoth, double[] most, int calls, int reference) {
    }

    private Partitions() {
    }

    /**
     * performances: the evaluated people's performances, each a call; robojam, uniform: the answer to each; real: a real
     * performance beside each, or an empty list. Calls per partition: at most half of the performances.
     */
    static Result of(List<Touches> performances, List<Touches> robojam, List<Touches> uniform, List<Touches> real, int calls, int partitions, long seed) {
        int n = performances.size(), group = Math.min(calls, n / 2);
        if (group < 1) throw new IllegalArgumentException("evaluating needs at least 2 performances with 2 touches or more, not " + n);
        List<List<Map<String, double[]>>> answers = List.of(each(robojam), each(uniform), each(performances), each(real));
        int features = FeatureDistributions.NAMES.size(), mostOf = features / 2 + 1;
        double[][][] ks = new double[features][4][partitions];
        double[] most = new double[2];
        int[] featureWins = new int[features];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) order.add(i);
        Random random = new Random(seed);
        for (int p = 0; p < partitions; p++) {
            Collections.shuffle(order, random);
            List<Integer> called = order.subList(0, group), reference = order.subList(group, n);
            int[] wins = new int[2];
            for (int f = 0; f < features; f++) {
                String feature = FeatureDistributions.NAMES.get(f);
                double[] people = pooled(answers.get(REPLAY), reference, feature);
                for (int a = 0; a < 4; a++)
                    ks[f][a][p] = answers.get(a).isEmpty() ? Double.NaN : TwoSampleKs.statistic(people, pooled(answers.get(a), called, feature));
                if (beatsBoth(ks[f], ROBOJAM, p)) {
                    wins[0]++;
                    featureWins[f]++;
                }
                if (beatsBoth(ks[f], REAL, p)) wins[1]++;
            }
            for (int a = 0; a < 2; a++) if (wins[a] >= mostOf) most[a] += 1.0 / partitions;
        }
        Map<String, double[]> meanKs = new LinkedHashMap<>();
        Map<String, Double> band = new LinkedHashMap<>(), beats = new LinkedHashMap<>();
        for (int f = 0; f < features; f++) {
            String feature = FeatureDistributions.NAMES.get(f);
            double[][] k = ks[f];
            meanKs.put(feature, Arrays.stream(k).mapToDouble(a -> Arrays.stream(a).average().orElse(Double.NaN)).toArray());
            band.put(feature, percentile95(k[REPLAY]));
            beats.put(feature, featureWins[f] / (double) partitions);
        }
        if (real.isEmpty()) most[1] = Double.NaN;
        return new Result(meanKs, band, beats, most, group, n - group);
    }

    private static boolean beatsBoth(double[][] ks, int answerer, int p) {
        return ks[answerer][p] < ks[UNIFORM][p] && ks[answerer][p] < ks[REPLAY][p];
    }

    private static List<Map<String, double[]>> each(List<Touches> performances) {
        return performances.stream().map(t -> FeatureDistributions.of(List.of(t))).toList();
    }

    private static double[] pooled(List<Map<String, double[]>> each, List<Integer> group, String feature) {
        return group.stream().flatMapToDouble(i -> Arrays.stream(each.get(i).get(feature))).toArray();
    }

    private static double percentile95(double[] values) {
        return Quantile.withDefaults().with(Quantile.EstimationMethod.HF7).evaluate(values, 0.95);
    }
}
