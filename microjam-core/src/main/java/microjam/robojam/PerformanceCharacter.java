// What makes one performance recognisably itself beside others, in five numbers read off Features: where on
// the square it plays (mean x, mean y), how widely (spatial spread), how fast (the logarithm of its touch rate:
// rates run from about 5 to 56 touches per second between people, so ratios matter, not differences) and how
// much it swipes (share of moving touches). `robojam evaluate` asks whether an answer's character is nearer its
// own call's than any other call's (Relatedness).
package microjam.robojam;

import microjam.performance.Features;
import microjam.performance.Touches;

import java.util.Map;

public final class PerformanceCharacter {
    public static final int SIZE = 5;
    /**
     * How much each number varies between people: the standard deviations over the 1,223 performances of the
     * CC0 corpus (first five seconds). Distances are counted in these units, so a shift of place weighs as much
     * as a comparable change of pace.
     */
    static final double[] PEOPLE_SD = {0.153, 0.166, 0.134, 0.918, 0.284};

    private PerformanceCharacter() {
    }

    /** The squared distance between two characters, each number in units of how much it varies between people. */
    public static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < SIZE; j++) sum += (a[j] - b[j]) * (a[j] - b[j]) / (PEOPLE_SD[j] * PEOPLE_SD[j]);
        return sum;
    }

    /** [mean x, mean y, spatial spread, ln touches per second, fraction moving]; zeros for no touches. */
    public static double[] of(Touches touches) {
        if (touches.isEmpty()) return new double[SIZE];
        Map<String, Double> f = Features.of(touches);
        return new double[]{f.get("mean_x"), f.get("mean_y"), f.get("spatial_spread"), Math.log(f.get("touches_per_second")), f.get("fraction_moving")};
    }
}
