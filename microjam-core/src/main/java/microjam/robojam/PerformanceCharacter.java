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

    private PerformanceCharacter() {
    }

    /** [mean x, mean y, spatial spread, ln touches per second, fraction moving]; zeros for no touches. */
    public static double[] of(Touches touches) {
        if (touches.isEmpty()) return new double[SIZE];
        Map<String, Double> f = Features.of(touches);
        return new double[]{f.get("mean_x"), f.get("mean_y"), f.get("spatial_spread"), Math.log(f.get("touches_per_second")), f.get("fraction_moving")};
    }
}
