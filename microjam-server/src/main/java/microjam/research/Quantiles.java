// The one definition of a quantile in the server's reports and benchmarks: linear interpolation between order
// statistics (Hyndman & Fan's type 7, numpy's and R's default), from Commons Statistics.
package microjam.research;

import org.apache.commons.statistics.descriptive.Quantile;

public final class Quantiles {
    private static final Quantile TYPE_7 = Quantile.withDefaults().with(Quantile.EstimationMethod.HF7);

    private Quantiles() {
    }

    /** The q quantile (0 to 1) of the values, which are left as they are; NaN for none. */
    public static double of(double[] values, double q) {
        return values.length == 0 ? Double.NaN : TYPE_7.evaluate(values, q);
    }
}
