// One definition of each feature, computed by hand here, and the style a conditioned RoboJam reads is made of the same numbers.
package microjam.performance;

import microjam.robojam.PerformanceStyle;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FeaturesTest {
    /** A tap at the top-left, a swipe of two moves right (0.1 each, 0.1 s each), a tap at the bottom-right. */
    static final Touches FIVE = TouchCsv.read("""
            time,x,y,z,moving
            0.0, 0.05, 0.05, 0, 0
            1.0, 0.5, 0.5, 0, 0
            1.1, 0.6, 0.5, 0, 1
            1.2, 0.7, 0.5, 0, 1
            2.0, 0.95, 0.95, 0, 0
            """);

    @Test
    void eachFeatureAsDefined() {
        Map<String, Double> f = Features.of(FIVE);
        assertThat(f.get("touches")).isEqualTo(5);
        assertThat(f.get("duration")).isEqualTo(2.0);
        assertThat(f.get("swipes")).isEqualTo(1);
        assertThat(f.get("mean_swipe_length")).isCloseTo(0.2, within(1e-12));
        assertThat(f.get("mean_speed")).isCloseTo(1.0, within(1e-9));
        assertThat(f.get("coverage")).isCloseTo(4 / 64.0, within(1e-12));
        assertThat(f.get("mean_x")).isCloseTo(0.56, within(1e-12));
        assertThat(f.get("ioi_mean")).isCloseTo(1.0, within(1e-12));
        assertThat(f.get("ioi_sd")).isCloseTo(0.0, within(1e-12));
        double sdX = Math.sqrt(((0.05 - 0.56) * (0.05 - 0.56) + (0.5 - 0.56) * (0.5 - 0.56) + (0.6 - 0.56) * (0.6 - 0.56)
                + (0.7 - 0.56) * (0.7 - 0.56) + (0.95 - 0.56) * (0.95 - 0.56)) / 5);
        assertThat(f.get("sd_x")).isCloseTo(sdX, within(1e-12));
        assertThat(f.get("spatial_spread")).as("sd(x) + sd(y)").isCloseTo(f.get("sd_x") + f.get("sd_y"), within(1e-12));
        assertThat(f.get("touches_per_second")).isEqualTo(2.5);
        assertThat(f.get("fraction_moving")).isCloseTo(0.4, within(1e-12));
        assertThat(Features.swipeLengths(FIVE)).containsExactly(new double[]{0.2}, within(1e-12));
        Touches burst = TouchCsv.read("time,x,y,z,moving\n0.0, 0.5, 0.5, 0, 0\n0.0, 0.6, 0.5, 0, 1\n");
        assertThat(Features.of(burst).get("touches_per_second")).as("two touches at one instant: over the 50 ms floor").isEqualTo(40.0);
    }

    @Test
    void theStyleRoboJamReadsIsTheseFeatures() {
        for (Touches t : new Touches[]{FIVE, TouchCsv.read("time,x,y,z,moving\n0.0, 0.5, 0.5, 0, 1\n0.01, 0.6, 0.5, 0, 1\n")}) {
            Map<String, Double> f = Features.of(t);
            PerformanceStyle style = PerformanceStyle.of(t);
            assertThat(style.rate()).isEqualTo(f.get("touches_per_second"));
            assertThat(style.moving()).isEqualTo(f.get("fraction_moving"));
            assertThat(style.spread()).isEqualTo(f.get("spatial_spread"));
        }
    }
}
