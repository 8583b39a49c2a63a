// The two-sample Kolmogorov–Smirnov statistic of two samples' empirical distribution functions,
//   D = sup_x | F_a(x) − F_b(x) |,
// for any sample sizes (a single value included; ties counted on both sides at once), and 1 when
// either sample is empty: nothing to compare, so as far apart as can be.
package microjam.train;

import java.util.Arrays;

final class TwoSampleKs {
    private TwoSampleKs() {
    }

    static double statistic(double[] a, double[] b) {
        if (a.length == 0 || b.length == 0) return 1;
        double[] x = a.clone(), y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        int i = 0, j = 0;
        double d = 0;
        while (i < x.length && j < y.length) {
            double at = Math.min(x[i], y[j]);
            while (i < x.length && x[i] <= at) i++;
            while (j < y.length && y[j] <= at) j++;
            d = Math.max(d, Math.abs((double) i / x.length - (double) j / y.length));
        }
        return d;
    }
}
