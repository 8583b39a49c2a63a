// The tests of the instrument comparison. Mann–Whitney U comes from Commons Statistics; Kruskal–Wallis
// is its H on Commons Statistics' tie-averaged ranks with the chi-square tail from the same library;
// Holm's step-down adjustment and Cliff's delta are the textbook definitions.
//   H = (12 / (N(N+1))) Σ R_i² / n_i − 3(N+1), divided by 1 − Σ(t³ − t)/(N³ − N) for ties;  p = P(χ²_{k−1} ≥ H)
//   Holm: sort p ascending, p'_(i) = max_{j ≤ i} min(1, (m − j + 1) p_(j))
//   Cliff's δ = (#{x > y} − #{x < y}) / (n_x n_y)
package microjam.research;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.ranking.NaturalRanking;

import java.util.Arrays;
import java.util.List;

public final class Statistics {
    public record Test(double statistic, double p) {
    }

    private Statistics() {
    }

    public static Test kruskalWallis(List<double[]> groups) {
        int total = groups.stream().mapToInt(g -> g.length).sum();
        double[] all = new double[total];
        int at = 0;
        for (double[] g : groups) {
            System.arraycopy(g, 0, all, at, g.length);
            at += g.length;
        }
        double[] ranks = new NaturalRanking().apply(all);
        double sum = 0;
        at = 0;
        for (double[] g : groups) {
            double r = 0;
            for (int i = 0; i < g.length; i++) r += ranks[at + i];
            at += g.length;
            if (g.length > 0) sum += r * r / g.length;
        }
        double h = 12.0 / (total * (total + 1.0)) * sum - 3.0 * (total + 1);
        double[] sorted = all.clone();
        Arrays.sort(sorted);
        double ties = 0;
        for (int i = 0; i < sorted.length; ) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) j++;
            double t = j - i;
            ties += t * t * t - t;
            i = j;
        }
        double correction = 1 - ties / ((double) total * total * total - total);
        if (correction > 0) h /= correction;
        int k = (int) groups.stream().filter(g -> g.length > 0).count();
        double p = k < 2 || correction <= 0 ? 1 : ChiSquaredDistribution.of(k - 1).survivalProbability(h);
        return new Test(h, p);
    }

    public static double[] holm(double[] p) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < p.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
        double[] adjusted = new double[p.length];
        double running = 0;
        for (int rank = 0; rank < p.length; rank++) {
            running = Math.max(running, Math.min(1, (p.length - rank) * p[order[rank]]));
            adjusted[order[rank]] = running;
        }
        return adjusted;
    }

    public static Test mannWhitney(double[] x, double[] y) {
        MannWhitneyUTest.Result r = MannWhitneyUTest.withDefaults().test(x, y);
        return new Test(r.getStatistic(), r.getPValue());
    }

    public static double cliffsDelta(double[] x, double[] y) {
        long greater = 0, less = 0;
        for (double a : x)
            for (double b : y) {
                if (a > b) greater++;
                else if (a < b) less++;
            }
        return (greater - less) / ((double) x.length * y.length);
    }
}
