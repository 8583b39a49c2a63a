// The tests of a research report. Mann–Whitney U and the Wilcoxon signed-rank test come from Commons
// Statistics; Kruskal–Wallis is its H on Commons Statistics' tie-averaged ranks with the chi-square tail
// from the same library; Holm's step-down adjustment, Cliff's delta and the matched-pairs rank-biserial
// correlation are the textbook definitions.
//   H = (12 / (N(N+1))) Σ R_i² / n_i − 3(N+1), divided by 1 − Σ(t³ − t)/(N³ − N) for ties;  p = P(χ²_{k−1} ≥ H)
//   Wilcoxon (paired x, y; d = x − y): W+ = rank sum of the positive d, ranks of |d| tie-averaged; zero d are
//     ranked and then dropped (Pratt). Exact p without ties or zeros for small n, else the normal
//     approximation with tie and continuity corrections: SciPy's wilcoxon(x, y, zero_method='pratt',
//     correction=True) with method 'exact' or 'asymptotic' respectively.
//   rank-biserial r = (W+ − W−) / (W+ + W−), W+ + W− = n(n+1)/2 − z(z+1)/2 for z zero differences
//   Holm: sort the m p-values ascending, p'_(i) = max_{j ≤ i} min(1, (m − j + 1) p_(j))
//   Cliff's δ = (#{x > y} − #{x < y}) / (n_x n_y)
// A test that cannot be made (no variation at all: every value tied, every difference zero) has p = NaN;
// it is no test, and it does not count in Holm's family.
package microjam.research;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;
import org.apache.commons.statistics.ranking.NaturalRanking;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

public final class Statistics {
    public record Test(double statistic, double p) {
        static final Test NOT_MADE = new Test(Double.NaN, Double.NaN);

        public boolean made() {
            return !Double.isNaN(p);
        }
    }

    /** A paired test with its effect size. */
    public record Paired(Test test, double rankBiserial) {
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
        int k = (int) groups.stream().filter(g -> g.length > 0).count();
        if (k < 2 || correction <= 0) return Test.NOT_MADE;
        h /= correction;
        return new Test(h, ChiSquaredDistribution.of(k - 1).survivalProbability(h));
    }

    /** Holm's adjustment of the p-values of one family of tests; NaN (a test not made) stays NaN and is not counted. */
    public static double[] holm(double[] p) {
        Integer[] order = IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
        double[] adjusted = new double[p.length];
        Arrays.fill(adjusted, Double.NaN);
        double running = 0;
        for (int rank = 0; rank < order.length; rank++) {
            running = Math.max(running, Math.min(1, (order.length - rank) * p[order[rank]]));
            adjusted[order[rank]] = running;
        }
        return adjusted;
    }

    public static Test mannWhitney(double[] x, double[] y) {
        MannWhitneyUTest.Result r = MannWhitneyUTest.withDefaults().test(x, y);
        return Double.isNaN(r.getPValue()) ? Test.NOT_MADE : new Test(r.getStatistic(), r.getPValue());
    }

    /** The signed-rank test of x against y, paired by index (x[i] answers y[i]); W+ counts x above y. */
    public static Paired wilcoxon(double[] x, double[] y) {
        int zeros = 0;
        for (int i = 0; i < x.length; i++) if (x[i] == y[i]) zeros++;
        if (zeros == x.length) return new Paired(Test.NOT_MADE, Double.NaN);
        WilcoxonSignedRankTest.Result r = WilcoxonSignedRankTest.withDefaults().test(x, y);
        double n = x.length, plus = r.getStatistic();
        double ranked = n * (n + 1) / 2 - zeros * (zeros + 1) / 2.0;
        double minus = ranked - plus;
        return new Paired(new Test(plus, r.getPValue()), (plus - minus) / ranked);
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
